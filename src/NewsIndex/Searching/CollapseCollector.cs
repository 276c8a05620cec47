using Lucene.Net.Index;
using Lucene.Net.Search;
using NewsIndex.Mapping;

namespace NewsIndex.Searching;

/// <summary>
/// Collects every match and keeps, per story, its best document by the search's order (score or date, then article id)
/// and its number of matches. One pass; per document an array read, a comparison and at most one write.
/// </summary>
internal sealed class CollapseCollector(bool byDate, DocLookup lookup) : ICollector
{
    private Scorer? _scorer;
    private NumericDocValues? _published;
    private int _docBase;
    private float[] _bestScore = new float[256];
    private long[] _bestDate = new long[256];
    private int[] _bestDoc = new int[256];
    private int[] _matches = new int[256];

    /// <summary>The stories met (keys index the arrays below).</summary>
    public StoryKeys Keys { get; } = new();

    /// <summary>Number of matching documents.</summary>
    public int Total { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        _docBase = context.DocBase;
        Keys.SetNextReader(context.AtomicReader);
        _published = byDate ? context.AtomicReader.GetNumericDocValues(FieldNames.Published) : null;
    }

    public void Collect(int doc)
    {
        Total++;
        var key = Keys.KeyOf(doc);
        if (key >= _matches.Length)
        {
            var size = _matches.Length * 2;
            Array.Resize(ref _bestScore, size);
            Array.Resize(ref _bestDate, size);
            Array.Resize(ref _bestDoc, size);
            Array.Resize(ref _matches, size);
        }

        var score = byDate ? 0f : _scorer!.GetScore();
        var date = byDate ? _published?.Get(doc) ?? long.MinValue : 0L;
        var global = _docBase + doc;
        if (_matches[key]++ == 0 || Compare(score, date, global, _bestScore[key], _bestDate[key], _bestDoc[key]) < 0)
        {
            _bestScore[key] = score;
            _bestDate[key] = date;
            _bestDoc[key] = global;
        }
    }

    /// <summary>The best document of a story: global number, score, date (Unix ms).</summary>
    public (int Doc, float Score, long Date) Best(int key) => (_bestDoc[key], _bestScore[key], _bestDate[key]);

    /// <summary>Matching documents of a story.</summary>
    public int Matches(int key) => _matches[key];

    /// <summary>
    /// The <paramref name="count"/> stories whose best documents come first in the search order, after the position
    /// (<paramref name="afterScore"/> or <paramref name="afterDate"/>, <paramref name="afterId"/>) when one is given.
    /// </summary>
    public List<int> Top(int count, float afterScore, long afterDate, string? afterId)
    {
        // A bounded heap whose root is the worst story kept.
        var heap = new PriorityQueue<int, int>(Comparer<int>.Create((a, b) => CompareKeys(b, a)));
        for (var key = 0; key < Keys.Count; key++)
        {
            if (afterId is not null && Compare(_bestScore[key], _bestDate[key], _bestDoc[key], afterScore, afterDate, afterId) <= 0)
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

    private int CompareKeys(int a, int b) => Compare(_bestScore[a], _bestDate[a], _bestDoc[a], _bestScore[b], _bestDate[b], _bestDoc[b]);

    /// <summary>Negative when document <paramref name="docA"/> comes before <paramref name="docB"/> in the search order.</summary>
    private int Compare(float scoreA, long dateA, int docA, float scoreB, long dateB, int docB)
    {
        var order = byDate ? dateB.CompareTo(dateA) : scoreB.CompareTo(scoreA);
        return order != 0 || docA == docB ? order : string.CompareOrdinal(lookup.IdOf(docA), lookup.IdOf(docB));
    }

    /// <summary>Negative when document <paramref name="docA"/> comes before the position (score or date, id).</summary>
    private int Compare(float scoreA, long dateA, int docA, float score, long date, string id)
    {
        var order = byDate ? date.CompareTo(dateA) : score.CompareTo(scoreA);
        return order != 0 ? order : string.CompareOrdinal(lookup.IdOf(docA), id);
    }
}
