using System.Buffers;
using Lucene.Net.Index;
using Lucene.Net.Search;
using NewsIndex.Mapping;

namespace NewsIndex.Searching;

/// <summary>
/// Collects every match and keeps, per story, its best document by the search's order (score or date, then article id)
/// and its number of matches. One pass; per document two array reads, a comparison and at most one write. The per-story
/// arrays are pooled and indexed by <see cref="GlobalStoryKeys"/>; a document without a story is a group of its own.
/// </summary>
/// <remarks>Dispose to return the pooled arrays.</remarks>
internal sealed class CollapseCollector : ICollector, IDisposable
{
    private readonly bool _byDate;
    private readonly DocLookup _lookup;
    private readonly GlobalStoryKeys _keys;
    private readonly int _storyCount;
    private readonly List<int> _touched = [];
    private float[] _bestScore;
    private long[] _bestDate;
    private int[] _bestDoc;
    private long[] _bestHash;
    private int[] _matches;
    private long[] _hashes = [];
    private Scorer? _scorer;
    private NumericDocValues? _published;
    private int[] _segmentOrdinals = [];
    private int[] _segmentKeys = [];
    private int _docBase;

    public CollapseCollector(bool byDate, DocLookup lookup, IndexReader reader)
    {
        _byDate = byDate;
        _lookup = lookup;
        _keys = GlobalStoryKeys.For(reader);
        _storyCount = _keys.Ids.Length;
        var size = Math.Max(16, _storyCount + 16);
        _bestScore = ArrayPool<float>.Shared.Rent(size);
        _bestDate = ArrayPool<long>.Shared.Rent(size);
        _bestDoc = ArrayPool<int>.Shared.Rent(size);
        _bestHash = ArrayPool<long>.Shared.Rent(size);
        _matches = ArrayPool<int>.Shared.Rent(size);
        Array.Clear(_matches, 0, _matches.Length);
    }

    /// <summary>Number of matching documents.</summary>
    public int Total { get; private set; }

    /// <summary>Number of distinct stories among the matches (a document without a story counts as one).</summary>
    public int Stories => _touched.Count;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        _docBase = context.DocBase;
        _segmentOrdinals = _keys.Segments[context.Ord].Ordinals;
        _segmentKeys = _keys.SegmentKeys[context.Ord];
        _published = _byDate ? context.AtomicReader.GetNumericDocValues(FieldNames.Published) : null;
        _hashes = SegmentIdHashes.For(context.AtomicReader);
    }

    public void Collect(int doc)
    {
        Total++;
        var ordinal = _segmentOrdinals[doc];
        int key;
        if (ordinal >= 0)
        {
            key = _segmentKeys[ordinal];
        }
        else
        {
            // No story: a group of its own, numbered after the stories.
            key = _storyCount + _touched.Count;
            Grow(key);
        }

        var score = _byDate ? 0f : _scorer!.GetScore();
        var date = _byDate ? _published?.Get(doc) ?? long.MinValue : 0L;
        var global = _docBase + doc;
        var hash = _hashes[doc];
        if (_matches[key]++ == 0)
        {
            _touched.Add(key);
            (_bestScore[key], _bestDate[key], _bestDoc[key], _bestHash[key]) = (score, date, global, hash);
        }
        else if (Compare(score, date, hash, global, key) < 0)
        {
            (_bestScore[key], _bestDate[key], _bestDoc[key], _bestHash[key]) = (score, date, global, hash);
        }
    }

    /// <summary>The story id of a key, or null for a document without a story.</summary>
    public string? IdOf(int key) => key < _storyCount ? _keys.Ids[key] : null;

    /// <summary>The best document of a story: global number, score, date (Unix ms).</summary>
    public (int Doc, float Score, long Date) Best(int key) => (_bestDoc[key], _bestScore[key], _bestDate[key]);

    /// <summary>Matching documents of a story.</summary>
    public int Matches(int key) => _matches[key];

    /// <summary>
    /// The <paramref name="count"/> stories whose best documents come first in the search order, after the position
    /// (<paramref name="afterScore"/> or <paramref name="afterDate"/>, then the group id <paramref name="afterId"/>) when one is given.
    /// </summary>
    public List<int> Top(int count, float afterScore, long afterDate, string? afterId)
    {
        // A bounded heap whose root is the worst story kept.
        var heap = new PriorityQueue<int, int>(count + 1, Comparer<int>.Create((a, b) => CompareKeys(b, a)));
        foreach (var key in _touched)
        {
            if (afterId is not null && CompareToPosition(key, afterScore, afterDate, afterId) <= 0)
            {
                continue;
            }

            if (heap.Count < count)
            {
                heap.Enqueue(key, key);
            }
            else if (heap.TryPeek(out var worst, out _) && CompareKeys(key, worst) < 0)
            {
                heap.EnqueueDequeue(key, key);
            }
        }

        var top = new List<int>(heap.Count);
        while (heap.TryDequeue(out var key, out _))
        {
            top.Add(key);
        }

        top.Reverse();
        return top;
    }

    /// <summary>Returns the pooled arrays.</summary>
    public void Dispose()
    {
        ArrayPool<float>.Shared.Return(_bestScore);
        ArrayPool<long>.Shared.Return(_bestDate);
        ArrayPool<int>.Shared.Return(_bestDoc);
        ArrayPool<long>.Shared.Return(_bestHash);
        ArrayPool<int>.Shared.Return(_matches);
        _bestScore = [];
        _bestDate = [];
        _bestDoc = [];
        _bestHash = [];
        _matches = [];
    }

    private void Grow(int key)
    {
        if (key < _matches.Length)
        {
            return;
        }

        var size = _matches.Length * 2;
        Resize(ref _bestScore, size);
        Resize(ref _bestDate, size);
        Resize(ref _bestDoc, size);
        Resize(ref _bestHash, size);
        var matches = ArrayPool<int>.Shared.Rent(size);
        Array.Clear(matches);
        _matches.AsSpan().CopyTo(matches);
        ArrayPool<int>.Shared.Return(_matches);
        _matches = matches;
    }

    private static void Resize<T>(ref T[] array, int size)
    {
        var bigger = ArrayPool<T>.Shared.Rent(size);
        array.AsSpan().CopyTo(bigger);
        ArrayPool<T>.Shared.Return(array);
        array = bigger;
    }

    /// <summary>The id that orders groups of equal score or date: the story id, or the article id of a document without one.</summary>
    public string GroupIdOf(int key) => key < _storyCount ? _keys.Ids[key] : _lookup.IdOf(_bestDoc[key]);

    /// <summary>Stories are ordered by their best document's score or date, then by story id (already in memory, unlike
    /// article ids, which would have to be read for every tie of quantised scores).</summary>
    private int CompareKeys(int a, int b)
    {
        var order = _byDate ? _bestDate[b].CompareTo(_bestDate[a]) : _bestScore[b].CompareTo(_bestScore[a]);
        return order != 0 || a == b ? order : string.CompareOrdinal(GroupIdOf(a), GroupIdOf(b));
    }

    /// <summary>Negative when the match comes before the best of its story so far (<paramref name="key"/>): score (or
    /// date) first, then the article id's hash, as the plain search orders hits (so a story's representative is its
    /// first hit there); the ids themselves only when two hashes collide.</summary>
    private int Compare(float score, long date, long hash, int doc, int key)
    {
        var order = _byDate ? _bestDate[key].CompareTo(date) : _bestScore[key].CompareTo(score);
        if (order != 0 || doc == _bestDoc[key])
        {
            return order;
        }

        order = hash.CompareTo(_bestHash[key]);
        return order != 0 ? order : string.CompareOrdinal(_lookup.IdOf(doc), _lookup.IdOf(_bestDoc[key]));
    }

    /// <summary>Negative when story <paramref name="key"/> comes before the position (score or date, group id).</summary>
    private int CompareToPosition(int key, float score, long date, string id)
    {
        var order = _byDate ? date.CompareTo(_bestDate[key]) : score.CompareTo(_bestScore[key]);
        return order != 0 ? order : string.CompareOrdinal(GroupIdOf(key), id);
    }
}
