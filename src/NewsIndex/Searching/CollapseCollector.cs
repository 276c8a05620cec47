using Lucene.Net.Index;
using Lucene.Net.Search;
using NewsIndex.Mapping;

namespace NewsIndex.Searching;

/// <summary>
/// Collects every match and keeps, per story, its best document by the search's order (score or date, then article id)
/// and its number of matches. One pass; per document one read of the story's state (one cache line: the best
/// document, its score or date and id hash, the match count) and usually no write: a document that ranks below its
/// story's best so far costs a comparison, and its id hash is read only on a tie. The per-story state is kept between
/// searches, indexed by <see cref="GlobalStoryKeys"/>; a document without a story is a group of its own.
/// </summary>
/// <remarks>Dispose to reset the touched stories and keep the array for the next search.</remarks>
internal sealed class CollapseCollector : ICollector, IDisposable
{
    private readonly bool _byDate;
    private readonly DocLookup _lookup;
    private readonly GlobalStoryKeys _keys;
    private readonly int _storyCount;
    private readonly List<int> _touched = [];
    // One cleared array kept between collapsed searches (a search resets only the entries it touched). One for the
    // whole process, not one per thread: at millions of stories an array is tens of megabytes, and a server may run
    // searches on many threads. A search that finds it taken allocates its own.
    private static StoryState[]? s_spare;

    private StoryState[] _best;
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
        var spare = Interlocked.Exchange(ref s_spare, null);
        _best = spare is not null && spare.Length >= size ? spare : new StoryState[size];
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

        ref var best = ref _best[key];
        var global = _docBase + doc;
        if (best.Matches++ == 0)
        {
            _touched.Add(key);
            best.Doc = global;
            best.Hash = _hashes[doc];
            if (_byDate)
            {
                best.Date = _published?.Get(doc) ?? long.MinValue;
            }
            else
            {
                best.Score = _scorer!.GetScore();
            }

            return;
        }

        if (_byDate)
        {
            var date = _published?.Get(doc) ?? long.MinValue;
            if (date > best.Date || (date == best.Date && Before(doc, global, ref best)))
            {
                (best.Date, best.Doc, best.Hash) = (date, global, _hashes[doc]);
            }
        }
        else
        {
            var score = _scorer!.GetScore();
            if (score > best.Score || (score == best.Score && Before(doc, global, ref best)))
            {
                (best.Score, best.Doc, best.Hash) = (score, global, _hashes[doc]);
            }
        }
    }

    /// <summary>The story id of a key, or null for a document without a story.</summary>
    public string? IdOf(int key) => key < _storyCount ? _keys.Ids[key] : null;

    /// <summary>The best document of a story: global number, score, date (Unix ms).</summary>
    public (int Doc, float Score, long Date) Best(int key) => (_best[key].Doc, _best[key].Score, _best[key].Date);

    /// <summary>Matching documents of a story.</summary>
    public int Matches(int key) => _best[key].Matches;

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

    /// <summary>Clears the stories this search touched and keeps the array for the next collapsed search, so a search
    /// costs its matches, not the number of stories in the index.</summary>
    public void Dispose()
    {
        if (_best.Length == 0)
        {
            return;
        }

        foreach (var key in _touched)
        {
            _best[key] = default;
        }

        Volatile.Write(ref s_spare, _best);
        _best = [];
    }

    private void Grow(int key)
    {
        if (key < _best.Length)
        {
            return;
        }

        var bigger = new StoryState[_best.Length * 2];
        _best.AsSpan().CopyTo(bigger);
        _best = bigger;
    }

    /// <summary>The id that orders groups of equal score or date: the story id, or the article id of a document without one.</summary>
    public string GroupIdOf(int key) => key < _storyCount ? _keys.Ids[key] : _lookup.IdOf(_best[key].Doc);

    /// <summary>Stories are ordered by their best document's score or date, then by story id (already in memory, unlike
    /// article ids, which would have to be read for every tie of quantised scores).</summary>
    private int CompareKeys(int a, int b)
    {
        var order = _byDate ? _best[b].Date.CompareTo(_best[a].Date) : _best[b].Score.CompareTo(_best[a].Score);
        return order != 0 || a == b ? order : string.CompareOrdinal(GroupIdOf(a), GroupIdOf(b));
    }

    /// <summary>For a match tied with its story's best on score (or date): true when it comes first, by the article id's
    /// hash as the plain search orders hits (so a story's representative is its first hit there); the ids themselves
    /// only when two hashes collide.</summary>
    private bool Before(int doc, int global, ref StoryState best)
    {
        if (global == best.Doc)
        {
            return false;
        }

        var order = _hashes[doc].CompareTo(best.Hash);
        return (order != 0 ? order : string.CompareOrdinal(_lookup.IdOf(global), _lookup.IdOf(best.Doc))) < 0;
    }

    /// <summary>Negative when story <paramref name="key"/> comes before the position (score or date, group id).</summary>
    private int CompareToPosition(int key, float score, long date, string id)
    {
        var order = _byDate ? date.CompareTo(_best[key].Date) : score.CompareTo(_best[key].Score);
        return order != 0 ? order : string.CompareOrdinal(GroupIdOf(key), id);
    }

    /// <summary>A story's state during a search: its best document so far and how many documents matched.</summary>
    private struct StoryState
    {
        public long Hash;
        public long Date;
        public float Score;
        public int Doc;
        public int Matches;
    }
}
