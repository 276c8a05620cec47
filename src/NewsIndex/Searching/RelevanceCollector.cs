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
    private readonly TopHeap<Entry, Order> _heap;
    private readonly bool _hasAfter;
    private readonly float _afterScore;
    private readonly long _afterHash;
    private Scorer? _scorer;
    private long[] _hashes = [];
    private int _docBase;

    /// <summary>Keeps the best <paramref name="size"/> hits after the position (<paramref name="afterScore"/>,
    /// <paramref name="afterId"/>), or from the start when <paramref name="afterId"/> is null.</summary>
    public RelevanceCollector(int size, float afterScore, string? afterId)
    {
        _heap = new(size);
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

        if (_heap.IsFull)
        {
            ref readonly var worst = ref _heap.Last;
            if (score < worst.Score || (score == worst.Score && (hash ??= Hash(doc)) >= worst.Hash))
            {
                return;
            }

            _heap.ReplaceLast(new Entry(score, hash ?? Hash(doc), _docBase + doc));
            return;
        }

        _heap.Add(new Entry(score, hash ?? Hash(doc), _docBase + doc));
    }

    /// <summary>The kept hits, best first.</summary>
    public ScoreDoc[] TopDocs()
    {
        var entries = _heap.Sorted();
        var docs = new ScoreDoc[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            docs[i] = new ScoreDoc(entries[i].Doc, entries[i].Score);
        }

        return docs;
    }

    private long Hash(int doc) => _hashes[doc];

    private readonly record struct Entry(float Score, long Hash, int Doc);

    /// <summary>Relevance order: score descending, then the id hash ascending.</summary>
    private readonly struct Order : IHitOrder<Entry>
    {
        public static bool Before(in Entry a, in Entry b) => a.Score > b.Score || (a.Score == b.Score && a.Hash < b.Hash);
    }
}
