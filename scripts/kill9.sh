#!/usr/bin/env bash
# kill -9 harness over the real console: scripts/kill9.sh [RUNS] [ARTICLES] [RESUME_EVERY]
#
# Each run indexes a synthetic JSON Lines corpus with --commit-every, kills the process with SIGKILL at a random
# moment, and checks that: `newsindex verify` (CheckIndex + every article decoded) is clean; every article the run
# acknowledged (the last "committed checkpoint=N" line it printed: articles n0..n(N-1)) is in the index; a new writer
# opens at once (no stale lock). Every RESUME_EVERY-th run also resumes with --resume and checks the index then holds
# exactly the whole corpus. Prints one summary line; exits non-zero on the first broken promise.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${1:-500}
articles=${2:-6000}
resume_every=${3:-10}

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NO_COLOR=1
dotnet build src/NewsIndex.Cli -c Release -v quiet -nologo >/dev/null
cli=(dotnet src/NewsIndex.Cli/bin/Release/net10.0/NewsIndex.Cli.dll)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
trap 'echo "kill9: unexpected failure at line $LINENO" >&2' ERR
export NEWSINDEX_HOME="$work/home"

awk -v n="$articles" 'BEGIN {
  split("Niamey, Niger|Bamako, Mali|Ouagadougou, Burkina Faso|N'"'"'Djamena, Chad|Agadez, Niger|Gao, Mali", places, "|");
  for (i = 0; i < n; i++) {
    p = places[i % 6 + 1];
    printf "{\"id\":\"n%d\",\"title\":\"Report %d from %s\",\"body\":\"%s - Report %d. Soldiers and Wagner fighters were seen near Air Base 101 as US troops prepared to leave. Officials in %s said the junta would review its security agreements.\",\"source\":\"Test Wire\"}\n", i, i, p, toupper(p), i, p;
  }
}' > "$work/corpus.jsonl"
echo '{"id":"one","title":"One","body":"Niamey, Niger."}' > "$work/one.jsonl"
grouped=$(echo "$articles" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta')

killed=0 finished=0 acked_total=0 resumed=0 started=$(date +%s)
fail() { echo "kill9: run $run: $*" >&2; echo "kill9: index kept at $work/keep" >&2; cp -r "$work/index" "$work/keep" 2>/dev/null || true; trap - EXIT; exit 1; }
for run in $(seq 1 "$runs"); do
  rm -rf "$work/index"
  threads=$(( run % 2 + 1 ))
  "${cli[@]}" index --index "$work/index" --commit-every 250 --threads "$threads" "$work/corpus.jsonl" >"$work/out" 2>"$work/log" &
  pid=$!
  sleep "$(awk -v r="$RANDOM" 'BEGIN { printf "%.2f", 0.4 + r / 32767 * 3.5 }')"
  if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); else finished=$((finished + 1)); fi
  wait "$pid" 2>/dev/null || true

  acked=$(grep -o 'committed checkpoint=[0-9]*' "$work/log" | tail -n 1 | cut -d= -f2 || true)
  acked=${acked:-0}
  acked_total=$((acked_total + acked))
  if [ ! -d "$work/index" ] || ! ls "$work/index"/segments_* >/dev/null 2>&1; then
    [ "$acked" -eq 0 ] || fail "acknowledged $acked articles but left no index"
    continue
  fi

  "${cli[@]}" verify --index "$work/index" >"$work/verify" 2>&1 || fail "verify failed: $(cat "$work/verify")"
  { "${cli[@]}" export --index "$work/index" || fail "export failed"; } | { grep -o '"id":"n[0-9]*"' || true; } | cut -d'"' -f4 | sort -u >"$work/ids"
  if [ "$acked" -gt 0 ]; then
    seq 0 $((acked - 1)) | sed 's/^/n/' | sort -u >"$work/expected"
    missing=$(comm -23 "$work/expected" "$work/ids" | wc -l)
    [ "$missing" -eq 0 ] || fail "$missing of $acked acknowledged articles missing"
  fi

  if [ $((run % resume_every)) -eq 0 ]; then
    "${cli[@]}" index --index "$work/index" --resume --commit-every 250 "$work/corpus.jsonl" >"$work/out" 2>"$work/log" || fail "resume failed: $(cat "$work/log")"
    grep -q "now holds $grouped articles" "$work/out" || fail "resume did not end with exactly $articles articles: $(cat "$work/out")"
    resumed=$((resumed + 1))
  else
    # The lock died with the process: a writer opens at once (this run's input is already committed or not; a
    # one-article input is enough to prove the writer opens and commits).
    "${cli[@]}" index --index "$work/index" --commit-every 0 "$work/one.jsonl" >/dev/null 2>"$work/log" \
      || fail "a new writer could not open after the kill: $(cat "$work/log")"
  fi
done
elapsed=$(( $(date +%s) - started ))
echo "kill9: $runs runs ($killed killed mid-run, $finished finished first), $articles articles each: verify clean $runs/$runs, every acknowledged article present $runs/$runs (mean $((acked_total / runs)) acknowledged), $resumed resumes exact; ${elapsed}s"
