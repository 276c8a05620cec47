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
    private readonly Entry[] _heap;
    private readonly bool _hasAfter;
    private readonly long _afterPublished;
    private readonly long _afterHash;
    private int _count;
    private Scorer? _scorer;
    private NumericDocValues? _published;
    private long[] _hashes = [];
    private int _docBase;

    /// <summary>Keeps the first <paramref name="size"/> hits after the position (<paramref name="afterPublished"/>,
    /// <paramref name="afterId"/>), or from the start when <paramref name="afterId"/> is null.</summary>
    public DateCollector(int size, long afterPublished, string? afterId)
    {
        _heap = new Entry[size];
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

        if (_count == _heap.Length)
        {
            ref var worst = ref _heap[0];
            if (published < worst.Published || (published == worst.Published && (hash ??= _hashes[doc]) >= worst.Hash))
            {
                return;
            }

            worst = new Entry(published, hash ?? _hashes[doc], _docBase + doc, _scorer!.GetScore());
            SiftDown(0);
            return;
        }

        _heap[_count] = new Entry(published, hash ?? _hashes[doc], _docBase + doc, _scorer!.GetScore());
        SiftUp(_count++);
    }

    /// <summary>The kept hits, first first, as <see cref="FieldDoc"/>s whose fields are the publication time and the id hash.</summary>
    public ScoreDoc[] TopDocs()
    {
        var entries = _heap.AsSpan(0, _count).ToArray();
        Array.Sort(entries, static (a, b) => Before(a, b) ? -1 : Before(b, a) ? 1 : 0);
        var docs = new ScoreDoc[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            object[] fields = [J2N.Numerics.Int64.GetInstance(entries[i].Published), J2N.Numerics.Int64.GetInstance(entries[i].Hash)];
            docs[i] = new FieldDoc(entries[i].Doc, entries[i].Score, fields);
        }

        return docs;
    }

    /// <summary>a comes before b in date order.</summary>
    private static bool Before(in Entry a, in Entry b) => a.Published > b.Published || (a.Published == b.Published && a.Hash < b.Hash);

    // A min-heap of the kept hits by date order: the root is the last one, the first to be replaced.
    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Before(_heap[parent], _heap[i]))
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

            var later = left + 1 < _count && Before(_heap[left], _heap[left + 1]) ? left + 1 : left;
            if (!Before(_heap[i], _heap[later]))
            {
                return;
            }

            (_heap[i], _heap[later]) = (_heap[later], _heap[i]);
            i = later;
        }
    }

    private readonly record struct Entry(long Published, long Hash, int Doc, float Score);
}
