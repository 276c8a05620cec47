using Lucene.Net.Index;
using Lucene.Net.Search;
using NewsIndex.Mapping;

namespace NewsIndex.Searching;

/// <summary>
/// The top hits in relevance order as cursors define it — score descending, then the article id's hash ascending — with
/// an optional position to start after. A bounded heap like Lucene's <see cref="TopScoreDocCollector"/>; the id hash
/// (<see cref="SegmentIdHashes"/>, an array per segment) is read only for a hit that enters the heap or ties the worst
/// one kept, so a text query costs what the plain collector costs and a constant-score query one array read per hit.
/// </summary>
internal sealed class RelevanceCollector : ICollector
{
    private readonly Entry[] _heap;
    private readonly bool _hasAfter;
    private readonly float _afterScore;
    private readonly long _afterHash;
    private int _count;
    private Scorer? _scorer;
    private long[] _hashes = [];
    private int _docBase;

    /// <summary>Keeps the best <paramref name="size"/> hits after the position (<paramref name="afterScore"/>,
    /// <paramref name="afterId"/>), or from the start when <paramref name="afterId"/> is null.</summary>
    public RelevanceCollector(int size, float afterScore, string? afterId)
    {
        _heap = new Entry[size];
        _hasAfter = afterId is not null;
        _afterScore = afterScore;
        _afterHash = afterId is null ? 0 : FieldNames.HashId(afterId);
    }

    /// <summary>Every matching document, including those before the position.</summary>
    public int TotalHits { get; private set; }

    /// <inheritdoc />
    public bool AcceptsDocsOutOfOrder => true;

    /// <inheritdoc />
    public void SetScorer(Scorer scorer) => _scorer = scorer;

    /// <inheritdoc />
    public void SetNextReader(AtomicReaderContext context)
    {
        _docBase = context.DocBase;
        _hashes = SegmentIdHashes.For(context.AtomicReader);
    }

    /// <inheritdoc />
    public void Collect(int doc)
    {
        TotalHits++;
        var score = _scorer!.GetScore();
        if (float.IsNaN(score))
        {
            score = 0;
        }

        long? hash = null;
        if (_hasAfter && score >= _afterScore)
        {
            // At or before the position in (score desc, hash asc) order: returned on an earlier page.
            if (score > _afterScore || (hash = Hash(doc)) <= _afterHash)
            {
                return;
            }
        }

        if (_count == _heap.Length)
        {
            ref var worst = ref _heap[0];
            if (score < worst.Score || (score == worst.Score && (hash ??= Hash(doc)) >= worst.Hash))
            {
                return;
            }

            worst = new Entry(score, hash ?? Hash(doc), _docBase + doc);
            SiftDown(0);
            return;
        }

        _heap[_count] = new Entry(score, hash ?? Hash(doc), _docBase + doc);
        SiftUp(_count++);
    }

    /// <summary>The kept hits, best first.</summary>
    public ScoreDoc[] TopDocs()
    {
        var entries = _heap.AsSpan(0, _count).ToArray();
        Array.Sort(entries, static (a, b) => Better(a, b) ? -1 : Better(b, a) ? 1 : 0);
        var docs = new ScoreDoc[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            docs[i] = new ScoreDoc(entries[i].Doc, entries[i].Score);
        }

        return docs;
    }

    private long Hash(int doc) => _hashes[doc];

    /// <summary>a comes before b in relevance order.</summary>
    private static bool Better(in Entry a, in Entry b) => a.Score > b.Score || (a.Score == b.Score && a.Hash < b.Hash);

    // A min-heap of the kept hits by relevance: the root is the worst one, the first to be replaced.
    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Better(_heap[parent], _heap[i]))
            {
                return;
            }

            (_heap[parent], _heap[i]) = (_heap[i], _heap[parent]);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var left = (2 * i) + 1;
            if (left >= _count)
            {
                return;
            }

            var worse = left + 1 < _count && Better(_heap[left], _heap[left + 1]) ? left + 1 : left;
            if (!Better(_heap[i], _heap[worse]))
            {
                return;
            }

            (_heap[i], _heap[worse]) = (_heap[worse], _heap[i]);
            i = worse;
        }
    }

    private readonly record struct Entry(float Score, long Hash, int Doc);
}
