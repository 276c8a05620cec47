namespace NewsIndex.Stories;

/// <summary>
/// Thresholds and sizes of story assignment. The defaults were chosen on the development half of the GVA
/// incident-grouped news and on ECB+ (see <c>docs/STORIES.md</c>): they favour precision, because merging two events is
/// worse than splitting one.
/// </summary>
public sealed record StoryOptions
{
    /// <summary>The defaults.</summary>
    public static StoryOptions Default { get; } = new();

    /// <summary>
    /// Two dated articles can join only when their publication days are at most this many days apart (single link: a
    /// story grows as long as each new report is close to one of its reports). Default 7, one news cycle.
    /// </summary>
    public int WindowDays { get; init; } = 7;

    /// <summary>
    /// Minimum similarity of a rewrite to an earlier report for it to join that report's story: TF-IDF cosine over
    /// title and lead, plus <see cref="EntityWeight"/> times the share of tagged entities they have in common.
    /// Default 0.20.
    /// </summary>
    public double JoinThreshold { get; init; } = 0.20;

    /// <summary>
    /// The join threshold when either article is undated: with no time window to narrow the candidates, only closer
    /// text counts as the same event (two different patches for one browser, years apart, read alike). Default 0.60.
    /// </summary>
    public double UndatedJoinThreshold { get; init; } = 0.60;

    /// <summary>
    /// Subtracted from the similarity of two dated articles per day between them beyond the first: reports of one event
    /// cluster within a day or two, other events of the same kind in the same city spread over the week. Default 0.06.
    /// </summary>
    public double DayPenalty { get; init; } = 0.06;

    /// <summary>
    /// How much shared tagged entities (countries, forces, bases) add to the similarity, times their Jaccard overlap.
    /// Default 0.10.
    /// </summary>
    public double EntityWeight { get; init; } = 0.10;

    /// <summary>
    /// Penalty subtracted when both articles are prominently about entities of the same kind and share none of them
    /// (Niger versus Mali): look-alike events in different places. Default 0.15.
    /// </summary>
    public double EntityConflictPenalty { get; init; } = 0.15;

    /// <summary>
    /// Penalty subtracted when both leads name at least two people or places (words capitalised inside a sentence) and
    /// none of them in common: the same kind of event happening to other people elsewhere. Default 0.15.
    /// </summary>
    public double NameConflictPenalty { get; init; } = 0.15;

    /// <summary>
    /// Penalty subtracted when both articles give ages in title or lead ("a 15-year-old", "aged 3") and none of them
    /// agree: the same kind of event happening to other people. Default 0.10.
    /// </summary>
    public double AgeConflictPenalty { get; init; } = 0.10;

    /// <summary>How many MinHash bands must agree for two bodies to count as copies of one text. Default 8 of the 16 bands.</summary>
    public int DuplicateBands { get; init; } = 8;

    /// <summary>How many words of the body, after the title, make the lead that rewrites are compared on. Default 120.</summary>
    public int LeadWords { get; init; } = 120;

    /// <summary>Weight of a title word relative to a lead word. Default 1 (the title's words also stand out by their
    /// capitals and rarity).</summary>
    public double TitleWeight { get; init; } = 1.0;

    /// <summary>Weight multiplier of a capitalised word inside a sentence (names of people and places). Default 2.</summary>
    public double NameWeight { get; init; } = 2.0;

    /// <summary>
    /// Pseudo-documents added to the document count when computing inverse document frequencies, so the first few
    /// hundred articles are not judged on a handful of frequencies. Default 200.
    /// </summary>
    public int PriorDocuments { get; init; } = 200;

    /// <summary>How many of an article's rarest words are looked up to find candidate earlier reports. Default 10.</summary>
    public int ProbeWords { get; init; } = 10;

    /// <summary>
    /// How many of each article's rarest words (fewest earlier articles have them) go into the word posting lists that
    /// probes read. Every word still counts towards document frequencies and is compared when a candidate is scored;
    /// only the common words, which probes skip anyway, are not posted, which makes adding an article cheaper and keeps
    /// the lists short. Related reports share their rare words (names, places, unusual details), so a later report
    /// that probes its own rarest words still finds them. <see cref="int.MaxValue"/> posts every word. Default 24.
    /// </summary>
    public int PostedWords { get; init; } = 24;

    /// <summary>
    /// A probe word with more postings than this inside the time window is too common to find candidates and is
    /// skipped, which bounds the work per article. Default 200.
    /// </summary>
    public int MaxPostingsPerWord { get; init; } = 200;

    /// <summary>At most this many candidates (those sharing the most probe weight) are scored in full. Default 16 (64 gave the same development figures at 1.6× the cost).</summary>
    public int MaxCandidates { get; init; } = 16;

    /// <summary>
    /// The most recently assigned articles kept as candidates; older ones (by arrival) are retired: they keep their story
    /// (re-adding the same text still keeps it), but no longer attract new reports. This bounds the assigner's memory
    /// (about 2 KB a live article, about 0.2 KB a retired one) and the cost of each assignment for a feed that runs for
    /// years. News arrives roughly in time order (oldest or newest first), so a report's candidates arrived recently;
    /// an archive read in random order over many years groups less once it exceeds this. Default 250,000.
    /// </summary>
    public int MaxLiveArticles { get; init; } = 250_000;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(WindowDays, nameof(WindowDays));
        ArgumentOutOfRangeException.ThrowIfNegative(EntityWeight, nameof(EntityWeight));
        ArgumentOutOfRangeException.ThrowIfNegative(DayPenalty, nameof(DayPenalty));
        ArgumentOutOfRangeException.ThrowIfNegative(NameConflictPenalty, nameof(NameConflictPenalty));
        ArgumentOutOfRangeException.ThrowIfNegative(AgeConflictPenalty, nameof(AgeConflictPenalty));
        ArgumentOutOfRangeException.ThrowIfNegative(EntityConflictPenalty, nameof(EntityConflictPenalty));
        ArgumentOutOfRangeException.ThrowIfLessThan(DuplicateBands, 1, nameof(DuplicateBands));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(DuplicateBands, StorySignature.BandCount, nameof(DuplicateBands));
        ArgumentOutOfRangeException.ThrowIfNegative(LeadWords, nameof(LeadWords));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(TitleWeight, nameof(TitleWeight));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(NameWeight, nameof(NameWeight));
        ArgumentOutOfRangeException.ThrowIfNegative(PriorDocuments, nameof(PriorDocuments));
        ArgumentOutOfRangeException.ThrowIfLessThan(ProbeWords, 1, nameof(ProbeWords));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPostingsPerWord, 1, nameof(MaxPostingsPerWord));
        ArgumentOutOfRangeException.ThrowIfLessThan(PostedWords, 1, nameof(PostedWords));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCandidates, 1, nameof(MaxCandidates));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLiveArticles, 1, nameof(MaxLiveArticles));
        if (double.IsNaN(JoinThreshold) || JoinThreshold <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(JoinThreshold), JoinThreshold, "JoinThreshold must be a positive number.");
        }

        if (double.IsNaN(UndatedJoinThreshold) || UndatedJoinThreshold <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(UndatedJoinThreshold), UndatedJoinThreshold, "UndatedJoinThreshold must be a positive number.");
        }
    }
}
