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
/// <para>Thread-safe: every member takes one lock; <see cref="StorySignature.Create"/> may run on other threads first.</para>
/// </remarks>
public sealed partial class StoryAssigner
{
    private readonly object _gate = new();
    private readonly StoryOptions _options;
    private readonly Dictionary<string, Entry> _articles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Story> _stories = new(StringComparer.Ordinal);
    private readonly List<Entry?> _slots = [];
    private readonly Stack<int> _freeSlots = new();
    private readonly Dictionary<uint, PostingList> _wordPostings = [];
    private readonly Dictionary<uint, PostingList> _bandPostings = [];
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

    /// <summary>Number of articles assigned.</summary>
    public int ArticleCount
    {
        get
        {
            lock (_gate)
            {
                return _articles.Count;
            }
        }
    }

    /// <summary>Number of stories (each has at least one article).</summary>
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
            if (_articles.TryGetValue(articleId, out var existing))
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
            var entry = new Entry(articleId, signature, story, TakeSlot());
            CacheNormParts(entry, lookedUp: true);
            _slots[entry.Slot] = entry;
            _articles[articleId] = entry;
            story.Members.Add(entry);
            IndexLookedUp(entry);
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
            if (_articles.TryGetValue(articleId, out var existing))
            {
                RemoveEntry(existing);
            }

            var story = _stories.TryGetValue(storyId, out var known) ? known : NewStory(storyId);
            var entry = new Entry(articleId, signature, story, TakeSlot());
            _slots[entry.Slot] = entry;
            _articles[articleId] = entry;
            story.Members.Add(entry);
            Index(entry);
        }
    }

    /// <summary>The story of an article, or null when the article is unknown.</summary>
    public string? StoryOf(string articleId)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        lock (_gate)
        {
            return _articles.TryGetValue(articleId, out var entry) ? entry.Story.Id : null;
        }
    }

    /// <summary>The ids of a story's articles, in the order they joined; empty when the story does not exist.</summary>
    public IReadOnlyList<string> ArticlesOf(string storyId)
    {
        ArgumentNullException.ThrowIfNull(storyId);
        lock (_gate)
        {
            return _stories.TryGetValue(storyId, out var story) ? story.Members.Select(m => m.Id).ToArray() : [];
        }
    }

    /// <summary>The stored signature of an article, or null when the article is unknown.</summary>
    public StorySignature? SignatureOf(string articleId)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        lock (_gate)
        {
            return _articles.TryGetValue(articleId, out var entry) ? entry.Signature : null;
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
        Unindex(entry);
        _articles.Remove(entry.Id);
        _slots[entry.Slot] = null;
        _freeSlots.Push(entry.Slot);
        entry.Story.Members.Remove(entry);
        if (entry.Story.Members.Count == 0)
        {
            _stories.Remove(entry.Story.Id);
            return true;
        }

        return false;
    }

    private sealed class Entry(string id, StorySignature signature, Story story, int slot)
    {
        public string Id { get; } = id;

        public StorySignature Signature { get; set; } = signature;

        public Story Story { get; } = story;

        public int Slot { get; } = slot;

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

        public List<Entry> Members { get; } = [];
    }
}
