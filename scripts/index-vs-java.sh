#!/bin/bash
# Whole-process indexing throughput of the `newsindex index` console (parse, tag, assign stories, map, add, commit)
# against Java Lucene 4.10 plain indexing (StandardAnalyzer; id, title, body, date) of the same JSON Lines, with the
# same thread count, interleaved round by round. Java runs through ../shared/tools/peer-java-lucene (its own timer:
# indexing loop and commit); NewsIndex is timed as a whole process, JIT and catalog load included. Unlike
# ../shared/tools/index-vs-java.sh, which leaves newsindex at its default thread count, this passes --threads.
# Prints each round and the median ratio per thread count: quote the median ratio, not absolute docs/s.
# usage (from the repository root):  scripts/index-vs-java.sh [REPEAT=20] [ROUNDS=3] [THREADS="1 2"]
# The corpus is ../shared/corpora/reuters21578/train.jsonl.gz repeated REPEAT times with ids rewritten (ID#rK).
# Needs a JDK (apt-get install -y default-jdk-headless) and `apt-get update` once (see peer-java-lucene/README.md).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd); shared=$(cd "$root/../shared" && pwd)
REPEAT=${1:-20}; ROUNDS=${2:-3}; THREADS=${3:-"1 2"}
w=${TMPDIR:-/tmp}/newsindex-vs-java; mkdir -p "$w"
corpus=$w/reuters-x$REPEAT.jsonl
if [ ! -s "$corpus" ]; then
  python3 - "$shared/corpora/reuters21578/train.jsonl.gz" "$REPEAT" "$corpus" <<'PY'
import gzip, json, sys
src, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
recs = [json.loads(l) for l in gzip.open(src, 'rt')]
with open(out, 'w') as f:
    for k in range(n):
        for r in recs:
            d = dict(r); d['id'] = r['id'] if k == 0 else '%s#r%d' % (r['id'], k)
            f.write(json.dumps(d) + '\n')
PY
fi
cd "$root"
dotnet build src/NewsIndex.Cli -c Release -nologo -v q >"$w/build.log" 2>&1 || { tail -5 "$w/build.log"; echo "console app does not build"; exit 1; }
dll=src/NewsIndex.Cli/bin/Release/net10.0/NewsIndex.Cli.dll
docs=$(wc -l <"$corpus")
echo "corpus: $docs articles, $(du -m "$corpus" | cut -f1) MB ($corpus); machine: $(nproc) cores, $(uname -sr)"
for t in $THREADS; do
  ratios=""
  for i in $(seq "$ROUNDS"); do
    j=$("$shared/tools/peer-java-lucene/run.sh" lucene410 --input "$corpus" --threads "$t" 2>/dev/null | tail -n1)
    jd=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['index']['docs_per_sec'])" "$j")
    rm -rf "$w/idx"; s=$(date +%s.%N)
    dotnet "$dll" index --index "$w/idx" --threads "$t" "$corpus" >"$w/nx.log" 2>&1 || { tail -3 "$w/nx.log"; echo "newsindex index failed"; exit 1; }
    e=$(date +%s.%N)
    nd=$(python3 -c "print(round($docs/($e-$s)))")
    r=$(python3 -c "print(round($nd/float('$jd'),3))")
    ratios="$ratios $r"
    echo "threads $t round $i: java lucene 4.10 ${jd} docs/s, newsindex ${nd} docs/s (whole process), ratio $r"
  done
  echo "threads $t: median ratio $(python3 -c "import statistics,sys; print(statistics.median(map(float, sys.argv[1:])))" $ratios)"
done
rm -rf "$w/idx"
