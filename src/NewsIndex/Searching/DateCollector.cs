using Lucene.Net.Index;
using Lucene.Net.Search;
using NewsIndex.Mapping;

namespace NewsIndex.Searching;

/// <summary>
/// The top hits in date order as cursors define it — publication time descending (undated as 0, last), then the
/// article id's hash ascending — with an optional position to start after. A bounded heap over the published doc
/// values and the id hashes (<see cref="SegmentIdHashes"/>): one doc-values read per hit, the hash only on a tie with
/// the worst hit kept, the score only for a hit that enters the heap. Lucene's two-comparator
/// <see cref="TopFieldCollector"/> did the same work through generic comparators and scored every competitive hit.
/// </summary>
internal sealed class DateCollector : ICollector
{
    private readonly TopHeap<Entry, Order> _heap;
    private readonly bool _hasAfter;
    private readonly long _afterPublished;
    private readonly long _afterHash;
    private Scorer? _scorer;
    private NumericDocValues? _published;
    private long[] _hashes = [];
    private int _docBase;

    /// <summary>Keeps the first <paramref name="size"/> hits after the position (<paramref name="afterPublished"/>,
    /// <paramref name="afterId"/>), or from the start when <paramref name="afterId"/> is null.</summary>
    public DateCollector(int size, long afterPublished, string? afterId)
    {
        _heap = new(size);
        _hasAfter = afterId is not null;
        _afterPublished = afterPublished;
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
        _published = context.AtomicReader.GetNumericDocValues(FieldNames.Published);
        _hashes = SegmentIdHashes.For(context.AtomicReader);
    }

    /// <inheritdoc />
    public void Collect(int doc)
    {
        TotalHits++;
        var published = _published?.Get(doc) ?? 0L;
        long? hash = null;
        if (_hasAfter && published >= _afterPublished)
        {
            // At or before the position in (published desc, hash asc) order: returned on an earlier page.
            if (published > _afterPublished || (hash = _hashes[doc]) <= _afterHash)
            {
                return;
            }
        }

        if (_heap.IsFull)
        {
            ref readonly var worst = ref _heap.Last;
            if (published < worst.Published || (published == worst.Published && (hash ??= _hashes[doc]) >= worst.Hash))
            {
                return;
            }

            _heap.ReplaceLast(new Entry(published, hash ?? _hashes[doc], _docBase + doc, _scorer!.GetScore()));
            return;
        }

        _heap.Add(new Entry(published, hash ?? _hashes[doc], _docBase + doc, _scorer!.GetScore()));
    }

    /// <summary>The kept hits, first first, as <see cref="FieldDoc"/>s whose fields are the publication time and the id hash.</summary>
    public ScoreDoc[] TopDocs()
    {
        var entries = _heap.Sorted();
        var docs = new ScoreDoc[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            object[] fields = [J2N.Numerics.Int64.GetInstance(entries[i].Published), J2N.Numerics.Int64.GetInstance(entries[i].Hash)];
            docs[i] = new FieldDoc(entries[i].Doc, entries[i].Score, fields);
        }

        return docs;
    }

    private readonly record struct Entry(long Published, long Hash, int Doc, float Score);

    /// <summary>Date order: publication time descending, then the id hash ascending.</summary>
    private readonly struct Order : IHitOrder<Entry>
    {
        public static bool Before(in Entry a, in Entry b) => a.Published > b.Published || (a.Published == b.Published && a.Hash < b.Hash);
    }
}
