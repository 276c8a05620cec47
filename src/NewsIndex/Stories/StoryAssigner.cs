using NewsIndex.Entities;
using NewsIndex.Ingestion;

namespace NewsIndex.Stories;

/// <summary>
/// Groups articles into stories as they arrive: a near-duplicate (syndicated copy) joins its original's story, a
/// rewrite of the same event by another outlet (similar title and lead, shared entities, within
/// <see cref="StoryOptions.WindowDays"/>) joins that report's story, anything else starts a story.
/// </summary>
/// <remarks>
/// <para>Candidates are found without scanning: MinHash band keys and the article's rarest words are looked up in
/// posting lists sorted by day, so the work per article is bounded by <see cref="StoryOptions.ProbeWords"/>,
/// <see cref="StoryOptions.MaxPostingsPerWord"/> and <see cref="StoryOptions.MaxCandidates"/>, whatever the size of
/// the collection. Word rarity (IDF) is learned from the articles assigned so far.</para>
/// <para>Upserts: re-adding the same text keeps the story; changed text is assigned again and may move (a story left
/// empty by the move hands its id to the article if it starts a new one). <see cref="Remove"/> drops an article and a
/// story whose last article it was. Stories are single-link and never split after the fact: an article leaving a
/// chain does not divide the rest. The state can be rebuilt from stored signatures with <see cref="Restore"/>.</para>
/// <para>Memory is bounded by <see cref="StoryOptions.MaxLiveArticles"/>: beyond it the earliest arrivals are retired
/// (they keep their story and a content hash, so an unchanged re-add keeps its story, but are no longer candidates).</para>
/// <para>Thread-safe: every member takes one lock; <see cref="StorySignature.Create"/> may run on other threads first.</para>
/// </remarks>
public sealed partial class StoryAssigner
{
    private readonly object _gate = new();
    private readonly StoryOptions _options;
    private readonly Dictionary<string, Entry> _articles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Story> _stories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Retired> _retired = new(StringComparer.Ordinal);
    private readonly Queue<Entry> _arrivals = new(); // live entries in arrival order (removed ones are skipped)
    private long _sequence;
    private readonly List<Entry?> _slots = [];
    private readonly Stack<int> _freeSlots = new();
    private readonly Dictionary<uint, PostingList> _wordPostings = [];
    private readonly BandPostings _bandPostings = new();
    private readonly List<int> _touched = [];
    private readonly List<int> _ranked = [];
    private readonly PriorityQueue<int, (float Score, int Slot)> _heap = new(Comparer<(float Score, int Slot)>.Create(
        static (a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Slot.CompareTo(a.Slot)));

    // Scratch, reused by every assignment (under the lock): per word of the article being assigned, and per slot.
    private PostingList?[] _lists = new PostingList?[256];
    private double[] _idf = new double[256];
    private double[] _idfWithout = new double[256];
    private int[] _wordTable = new int[64];
    private const int MaxLogTable = 1 << 16;
    private double[] _logs = [double.NegativeInfinity, 0];
    private double _logTotal;
    private int _logTotalAt = -1;
    private int[] _probeOrder = new int[256];
    private int[] _probeKeys = new int[256];
    private int _knownWords; // words of the looked-up article that earlier articles have, ranked in _probeOrder
    private float[] _scores = new float[1024];
    private float[] _bandCounts = new float[1024];

    /// <summary>Creates an empty assigner.</summary>
    /// <param name="options">Thresholds; <see cref="StoryOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public StoryAssigner(StoryOptions? options = null)
    {
        _options = options ?? StoryOptions.Default;
        _options.Validate();
    }

    /// <summary>The options in use.</summary>
    public StoryOptions Options => _options;

    /// <summary>Number of articles assigned (live and retired).</summary>
    public int ArticleCount
    {
        get
        {
            lock (_gate)
            {
                return _articles.Count + _retired.Count;
            }
        }
    }

    /// <summary>Number of live articles: those new reports are compared with (at most <see cref="StoryOptions.MaxLiveArticles"/>).</summary>
    public int LiveArticleCount
    {
        get
        {
            lock (_gate)
            {
                return _articles.Count;
            }
        }
    }

    /// <summary>Number of stories (each has at least one article, live or retired).</summary>
    public int StoryCount
    {
        get
        {
            lock (_gate)
            {
                return _stories.Count;
            }
        }
    }

    /// <summary>Signs and assigns an article: see <see cref="Assign(string, StorySignature)"/>.</summary>
    public StoryAssignment Assign(Article article, ArticleEntities entities)
    {
        ArgumentNullException.ThrowIfNull(article);
        return Assign(article.Id, StorySignature.Create(article, entities, _options));
    }

    /// <summary>Assigns an article (new or upserted) to a story and returns it.</summary>
    /// <param name="articleId">The article's stable id.</param>
    /// <param name="signature">Its signature, from <see cref="StorySignature.Create"/> with this assigner's options.</param>
    public StoryAssignment Assign(string articleId, StorySignature signature)
    {
        ArgumentException.ThrowIfNullOrEmpty(articleId);
        ArgumentNullException.ThrowIfNull(signature);
        lock (_gate)
        {
            string? previous = null;
            string? vacated = null;
            if (_retired.TryGetValue(articleId, out var retired))
            {
                previous = retired.Story.Id;
                if (retired.ContentHash == signature.ContentHash && retired.Day == DayOf(signature))
                {
                    return new StoryAssignment(previous, StoryMatch.Unchanged, PreviousStoryId: previous);
                }

                if (ForgetRetired(articleId, retired))
                {
                    vacated = previous;
                }
            }
            else if (_articles.TryGetValue(articleId, out var existing))
            {
                previous = existing.Story.Id;
                if (existing.Signature.ContentHash == signature.ContentHash && existing.Signature.Day == signature.Day)
                {
                    Unindex(existing);
                    existing.Signature = signature;
                    Index(existing);
                    return new StoryAssignment(previous, StoryMatch.Unchanged, PreviousStoryId: previous);
                }

                if (RemoveEntry(existing))
                {
                    vacated = previous;
                }
            }

            var (match, matched, score) = FindMatch(signature, out _);
            var story = matched?.Story ?? NewStory(vacated ?? NewStoryId(articleId));
            var entry = new Entry(articleId, signature, story, TakeSlot(), _sequence++);
            CacheNormParts(entry, lookedUp: true);
            _slots[entry.Slot] = entry;
            _articles[articleId] = entry;
            story.LiveCount++;
            IndexLookedUp(entry);
            Arrived(entry);
            return new StoryAssignment(story.Id, match, matched?.Id, score, previous);
        }
    }

    /// <summary>Removes an article; a story left without articles disappears.</summary>
    /// <returns>True when the article was known.</returns>
    public bool Remove(string articleId)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        lock (_gate)
        {
            if (_retired.TryGetValue(articleId, out var retired))
            {
                ForgetRetired(articleId, retired);
                return true;
            }

            if (!_articles.TryGetValue(articleId, out var entry))
            {
                return false;
            }

            RemoveEntry(entry);
            return true;
        }
    }

    /// <summary>
    /// Puts back an article with the story it was stored with, without matching: how an index rebuilds the assigner
    /// when it opens. An article already present is replaced.
    /// </summary>
    public void Restore(string articleId, string storyId, StorySignature signature)
    {
        ArgumentException.ThrowIfNullOrEmpty(articleId);
        ArgumentException.ThrowIfNullOrEmpty(storyId);
        ArgumentNullException.ThrowIfNull(signature);
        lock (_gate)
        {
            if (_retired.TryGetValue(articleId, out var retired))
            {
                ForgetRetired(articleId, retired);
            }
            else if (_articles.TryGetValue(articleId, out var existing))
            {
                RemoveEntry(existing);
            }

            var story = _stories.TryGetValue(storyId, out var known) ? known : NewStory(storyId);
            var entry = new Entry(articleId, signature, story, TakeSlot(), _sequence++);
            _slots[entry.Slot] = entry;
            _articles[articleId] = entry;
            story.LiveCount++;
            Index(entry);
            Arrived(entry);
        }
    }

    /// <summary>The story of an article (live or retired), or null when the article is unknown.</summary>
    public string? StoryOf(string articleId)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        lock (_gate)
        {
            return _articles.TryGetValue(articleId, out var entry) ? entry.Story.Id
                : _retired.TryGetValue(articleId, out var retired) ? retired.Story.Id : null;
        }
    }

    /// <summary>
    /// The ids of a story's articles (live and retired), in the order they joined; empty when the story does not
    /// exist. A diagnostic: it scans every article the assigner knows.
    /// </summary>
    public IReadOnlyList<string> ArticlesOf(string storyId)
    {
        ArgumentNullException.ThrowIfNull(storyId);
        lock (_gate)
        {
            if (!_stories.TryGetValue(storyId, out var story))
            {
                return [];
            }

            return _articles.Values.Where(e => e.Story == story).Select(e => (e.Id, e.Sequence))
                .Concat(_retired.Where(r => r.Value.Story == story).Select(r => (Id: r.Key, r.Value.Sequence)))
                .OrderBy(m => m.Sequence).Select(m => m.Id).ToArray();
        }
    }

    /// <summary>The signature of a live article, or null when the article is unknown or retired.</summary>
    public StorySignature? SignatureOf(string articleId)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        lock (_gate)
        {
            return _articles.TryGetValue(articleId, out var entry) ? entry.Signature : null;
        }
    }

    /// <summary>Words with a document count, and keys in their posting lists (a diagnostic for tests).</summary>
    internal (int Words, long Postings) WordTotals()
    {
        lock (_gate)
        {
            long postings = 0;
            foreach (var list in _wordPostings.Values)
            {
                postings += list.Count;
            }

            return (_wordPostings.Count, postings);
        }
    }

    private Story NewStory(string id)
    {
        var story = new Story(id);
        _stories.Add(id, story);
        return story;
    }

    private string NewStoryId(string articleId)
    {
        // Derived from the founding article, so rebuilding or replaying gives the same ids; a clash (the founder moved
        // away and founds again while its first story lives on) takes a suffix.
        ulong hash = 0xcbf29ce484222325UL;
        foreach (var c in articleId)
        {
            hash = (hash ^ c) * 0x100000001b3UL;
        }

        var id = "s" + StoryText.Mix(hash).ToString("x12", System.Globalization.CultureInfo.InvariantCulture)[..12];
        var candidate = id;
        for (var n = 2; _stories.ContainsKey(candidate); n++)
        {
            candidate = id + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private int TakeSlot()
    {
        if (_freeSlots.TryPop(out var slot))
        {
            return slot;
        }

        _slots.Add(null);
        return _slots.Count - 1;
    }

    /// <summary>Removes an entry everywhere; true when its story was left empty and removed.</summary>
    private bool RemoveEntry(Entry entry)
    {
        Unlive(entry);
        entry.Story.LiveCount--;
        return DropIfEmpty(entry.Story);
    }

    /// <summary>Forgets a retired article; true when its story was left empty and removed.</summary>
    private bool ForgetRetired(string articleId, Retired retired)
    {
        _retired.Remove(articleId);
        retired.Story.RetiredCount--;
        return DropIfEmpty(retired.Story);
    }

    private bool DropIfEmpty(Story story)
    {
        if (story.LiveCount + story.RetiredCount > 0)
        {
            return false;
        }

        _stories.Remove(story.Id);
        return true;
    }

    /// <summary>Takes an entry out of the candidates (postings, slot, live articles).</summary>
    private void Unlive(Entry entry)
    {
        Unindex(entry);
        _articles.Remove(entry.Id);
        _slots[entry.Slot] = null;
        _freeSlots.Push(entry.Slot);
        entry.IsLive = false;
    }

    /// <summary>Records an arrival and retires the earliest live arrivals beyond <see cref="StoryOptions.MaxLiveArticles"/>.</summary>
    private void Arrived(Entry entry)
    {
        _arrivals.Enqueue(entry);
        while (_articles.Count > _options.MaxLiveArticles && _arrivals.TryDequeue(out var oldest))
        {
            if (!oldest.IsLive)
            {
                continue; // removed or replaced since it arrived
            }

            Unlive(oldest);
            oldest.Story.LiveCount--;
            oldest.Story.RetiredCount++;
            _retired[oldest.Id] = new Retired(oldest.Story, oldest.Signature.ContentHash, DayOf(oldest.Signature), oldest.Sequence);
        }

        // Removals and upserts leave dead entries behind in the queue: drop them when they outnumber the live ones.
        if (_arrivals.Count > (2 * _articles.Count) + 1024)
        {
            var live = _arrivals.Where(e => e.IsLive).ToArray();
            _arrivals.Clear();
            foreach (var e in live)
            {
                _arrivals.Enqueue(e);
            }
        }
    }

    private sealed class Entry(string id, StorySignature signature, Story story, int slot, long sequence)
    {
        public string Id { get; } = id;

        public StorySignature Signature { get; set; } = signature;

        public Story Story { get; } = story;

        public int Slot { get; } = slot;

        /// <summary>Arrival order (for <see cref="ArticlesOf"/>).</summary>
        public long Sequence { get; } = sequence;

        /// <summary>False once removed, replaced or retired.</summary>
        public bool IsLive { get; set; } = true;

        /// <summary>Size-independent parts of the squared TF-IDF norm (see <see cref="CacheNormParts"/>).</summary>
        public double NormA { get; set; }

        public double NormB { get; set; }

        public double NormC { get; set; }

        /// <summary>The article count the parts were computed at; −1 before they are.</summary>
        public int NormAt { get; set; } = -1;
    }

    private sealed class Story(string id)
    {
        public string Id { get; } = id;

        /// <summary>Live articles of the story (candidates for new reports).</summary>
        public int LiveCount { get; set; }

        /// <summary>Retired articles of the story.</summary>
        public int RetiredCount { get; set; }
    }

    /// <summary>What is kept of a retired article: its story, and enough to recognise an unchanged re-add.</summary>
    private readonly record struct Retired(Story Story, ulong ContentHash, int Day, long Sequence);
}
