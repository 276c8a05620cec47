using System.Globalization;
using NewsIndex.Entities;
using NewsIndex.Ingestion;
using NewsIndex.Stories;

namespace NewsIndex.Testing.Stories;

/// <summary>
/// Scores story assignment on the labelled development corpora: the GVA halves (split by a hash of the gold story, so
/// one half tunes and the other checks), ECB+ with its look-alike merge rate, and the trivial baselines.
/// </summary>
public static class StoryEvaluation
{
    /// <summary>An article with its tagged entities, tagged once and reused across runs.</summary>
    /// <param name="Labelled">The labelled article.</param>
    /// <param name="Entities">What the default catalog tags in it.</param>
    public sealed record Tagged(LabelledArticle Labelled, ArticleEntities Entities);

    /// <summary>Reads and tags a corpus file, in file order.</summary>
    public static IReadOnlyList<Tagged> Load(string path, EntityCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var tagger = catalog.Tagger;
        return StoryCorpus.Read(path).Select(l => new Tagged(l, tagger.Tag(l.Article))).ToArray();
    }

    /// <summary>The tuning half (true) or the check half (false) of a gold story: a stable hash of its id.</summary>
    public static bool IsTuningHalf(string story)
    {
        uint hash = 2166136261;
        foreach (var c in story)
        {
            hash = (hash ^ c) * 16777619;
        }

        return (hash & 1) == 0;
    }

    /// <summary>Assigns every article in order with a fresh assigner; returns article id → story id.</summary>
    public static Dictionary<string, string> Assign(IEnumerable<Tagged> articles, StoryOptions options)
    {
        var assigner = new StoryAssigner(options);
        var stories = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tagged in articles)
        {
            stories[tagged.Labelled.Article.Id] = assigner.Assign(tagged.Labelled.Article, tagged.Entities).StoryId;
        }

        return stories;
    }

    /// <summary>Prints wrong merges (with the report matched) and missed same-story neighbours, for error analysis.</summary>
    public static void Errors(TextWriter output, IReadOnlyList<Tagged> articles, StoryOptions options, int max)
    {
        ArgumentNullException.ThrowIfNull(output);
        var assigner = new StoryAssigner(options);
        var byId = articles.ToDictionary(t => t.Labelled.Article.Id, StringComparer.Ordinal);
        var wrong = 0;
        foreach (var tagged in articles)
        {
            var a = assigner.Assign(tagged.Labelled.Article, tagged.Entities);
            if (a.MatchedArticleId is { } m && byId[m].Labelled.Story7d != tagged.Labelled.Story7d && wrong++ < max)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"WRONG {a.Match} {a.Score:F3}: {tagged.Labelled.Article.Title} [{tagged.Labelled.Article.Published:yyyy-MM-dd}]"));
                output.WriteLine($"      matched: {byId[m].Labelled.Article.Title} [{byId[m].Labelled.Article.Published:yyyy-MM-dd}]");
            }
        }

        var missed = 0;
        foreach (var story in articles.GroupBy(t => t.Labelled.Story7d).Where(g => g.Count() > 1))
        {
            var members = story.ToArray();
            for (var i = 1; i < members.Length && missed < max; i++)
            {
                if (assigner.StoryOf(members[i].Labelled.Article.Id) != assigner.StoryOf(members[0].Labelled.Article.Id))
                {
                    missed++;
                    output.WriteLine($"MISSED: {members[0].Labelled.Article.Title} [{members[0].Labelled.Article.Published:yyyy-MM-dd}] | {members[0].Labelled.Article.Body[..Math.Min(150, members[0].Labelled.Article.Body.Length)].ReplaceLineEndings(" ")}");
                    output.WriteLine($"        {members[i].Labelled.Article.Title} [{members[i].Labelled.Article.Published:yyyy-MM-dd}] | {members[i].Labelled.Article.Body[..Math.Min(150, members[i].Labelled.Article.Body.Length)].ReplaceLineEndings(" ")}");
                }
            }
        }
    }

    /// <summary>Baseline: every article alone.</summary>
    public static Dictionary<string, string> Singletons(IEnumerable<Tagged> articles) =>
        articles.ToDictionary(t => t.Labelled.Article.Id, t => t.Labelled.Article.Id, StringComparer.Ordinal);

    /// <summary>Baseline: articles whose titles have the same set of (lower-cased) words share a story.</summary>
    public static Dictionary<string, string> SameTitleWords(IEnumerable<Tagged> articles) =>
        articles.ToDictionary(
            t => t.Labelled.Article.Id,
            t => string.Join(' ', TitleWords(t.Labelled.Article.Title).Order(StringComparer.Ordinal)),
            StringComparer.Ordinal);

    /// <summary>Gold labels: article id → <c>story</c> or <c>story_7d</c>.</summary>
    public static Dictionary<string, string> Gold(IEnumerable<Tagged> articles, bool sevenDays) =>
        articles.ToDictionary(t => t.Labelled.Article.Id, t => sevenDays ? t.Labelled.Story7d : t.Labelled.Story, StringComparer.Ordinal);

    /// <summary>
    /// ECB+ topics are not in the file: each topic has one story from the <c>ecb</c> half (no url) and one from the
    /// <c>ecbplus</c> half (with a url). Pairs them by the cosine of their word-count centroids, best pairs first.
    /// </summary>
    /// <returns>Story → topic key (the pair's two story ids joined).</returns>
    public static Dictionary<string, string> InferEcbTopics(IReadOnlyList<Tagged> articles)
    {
        var byStory = articles.GroupBy(t => t.Labelled.Story).ToDictionary(
            g => g.Key,
            g => (Plus: g.Count(t => t.Labelled.Article.Url is not null) * 2 > g.Count(), Vector: Centroid(g.Select(t => t.Labelled.Article))),
            StringComparer.Ordinal);
        var ecb = byStory.Where(kv => !kv.Value.Plus).Select(kv => kv.Key).ToList();
        var plus = byStory.Where(kv => kv.Value.Plus).Select(kv => kv.Key).ToList();
        var pairs = (from a in ecb from b in plus select (a, b, sim: Cosine(byStory[a].Vector, byStory[b].Vector))).OrderByDescending(p => p.sim).ToList();
        var topics = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (a, b, _) in pairs)
        {
            if (!topics.ContainsKey(a) && !topics.ContainsKey(b))
            {
                topics[a] = topics[b] = a + "+" + b;
            }
        }

        return topics;
    }

    /// <summary>Prints every figure of the evaluation for <paramref name="options"/> to <paramref name="output"/>.</summary>
    public static void Report(TextWriter output, IReadOnlyList<Tagged> gva, IReadOnlyList<Tagged> ecb, StoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        var halves = new (string Name, IReadOnlyList<Tagged> Articles)[]
        {
            ("GVA dev, tuning half", gva.Where(t => IsTuningHalf(t.Labelled.Story)).ToArray()),
            ("GVA dev, check half", gva.Where(t => !IsTuningHalf(t.Labelled.Story)).ToArray()),
            ("GVA dev, all", gva),
            ("ECB+ dev", ecb),
        };
        output.WriteLine("| set | prediction | gold | pairwise P | R | F1 | B-cubed P | R | F1 | clusters (gold) |");
        output.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var (name, articles) in halves)
        {
            var predictions = new (string, Dictionary<string, string>)[]
            {
                ("NewsIndex", Assign(articles, options)),
                ("every article alone", Singletons(articles)),
                ("same title words", SameTitleWords(articles)),
            };
            foreach (var (label, predicted) in predictions)
            {
                foreach (var sevenDays in name.StartsWith("ECB", StringComparison.Ordinal) ? [false] : new[] { true, false })
                {
                    var s = ClusteringScore.Compute(Gold(articles, sevenDays), predicted);
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {name} ({articles.Count}) | {label} | {(sevenDays ? "story_7d" : "story")} | {s.PairPrecision:F3} | {s.PairRecall:F3} | **{s.PairF1:F3}** | {s.BCubedPrecision:F3} | {s.BCubedRecall:F3} | {s.BCubedF1:F3} | {s.PredictedClusters} ({s.GoldClusters}) |"));
                }
            }
        }

        output.WriteLine();
        var topics = InferEcbTopics(ecb);
        var gold = Gold(ecb, sevenDays: false);
        foreach (var (label, predicted) in new[] { ("NewsIndex", Assign(ecb, options)), ("same title words", SameTitleWords(ecb)) })
        {
            var (merged, pairs) = ClusteringScore.LookAlikeMerges(gold, topics, predicted);
            var everyStory = gold.Values.Distinct().ToDictionary(s => s, _ => "all", StringComparer.Ordinal);
            var (mergedAll, pairsAll) = ClusteringScore.LookAlikeMerges(gold, everyStory, predicted);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ECB+ look-alike pairs merged ({label}): {merged:N0} of {pairs:N0} = {100.0 * merged / Math.Max(1, pairs):F2}% (same topic, other event); any two events: {mergedAll:N0} of {pairsAll:N0} = {100.0 * mergedAll / Math.Max(1, pairsAll):F2}%"));
        }
    }

    /// <summary>
    /// Grid search on the GVA tuning half: the options with the best pairwise F1 against <c>story_7d</c> whose pairwise
    /// precision is at least <paramref name="minPrecision"/> there and whose ECB+ look-alike merge rate is at most
    /// <paramref name="maxLookAlike"/>.
    /// </summary>
    public static StoryOptions Tune(TextWriter output, IReadOnlyList<Tagged> gva, IReadOnlyList<Tagged> ecb, double minPrecision, double maxLookAlike)
    {
        ArgumentNullException.ThrowIfNull(output);
        var tuning = gva.Where(t => IsTuningHalf(t.Labelled.Story)).ToArray();
        var gold = Gold(tuning, sevenDays: true);
        var ecbGold = Gold(ecb, sevenDays: false);
        var topics = InferEcbTopics(ecb);
        StoryOptions? best = null;
        var bestF1 = -1.0;
        foreach (var lead in new[] { 80, 120 })
        {
            foreach (var title in new[] { 1.0, 2.0, 3.0 })
            {
                foreach (var name in new[] { 2.0, 3.0 })
                {
                    foreach (var dayPenalty in new[] { 0.03, 0.06 })
                    {
                        for (var threshold = 0.15; threshold <= 0.501; threshold += 0.025)
                        {
                            var options = StoryOptions.Default with { LeadWords = lead, TitleWeight = title, NameWeight = name, DayPenalty = dayPenalty, JoinThreshold = Math.Round(threshold, 3) };
                            var s = ClusteringScore.Compute(gold, Assign(tuning, options));
                            if (s.PairPrecision >= minPrecision && s.PairF1 > bestF1)
                            {
                                (best, bestF1) = (options, s.PairF1);
                                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                                    $"lead {lead} title {title} name {name} day penalty {dayPenalty} threshold {options.JoinThreshold:F3}: {s}"));
                            }
                        }
                    }
                }
            }
        }

        // Undated articles (all of ECB+) have no time window: the lowest threshold that keeps look-alike merges down.
        best ??= StoryOptions.Default;
        for (var threshold = 0.30; threshold <= 1.001; threshold += 0.025)
        {
            var options = best with { UndatedJoinThreshold = Math.Round(threshold, 3) };
            var predicted = Assign(ecb, options);
            var (merged, pairs) = ClusteringScore.LookAlikeMerges(ecbGold, topics, predicted);
            var rate = (double)merged / Math.Max(1, pairs);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"undated threshold {options.UndatedJoinThreshold:F3}: ECB+ {ClusteringScore.Compute(ecbGold, predicted)} | look-alike merged {100 * rate:F2}%"));
            if (rate <= maxLookAlike)
            {
                return options;
            }
        }

        return best ?? StoryOptions.Default;
    }

    private static IEnumerable<string> TitleWords(string title) =>
        title.Split((char[])[' ', ',', '.', ':', ';', '!', '?', '"', '\'', '(', ')', '-', '–', '—', '|', '‘', '’', '“', '”'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal);

    private static Dictionary<string, double> Centroid(IEnumerable<Article> articles)
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            foreach (var word in TitleWords(article.Title + " " + article.Body).Where(w => w.Length > 3))
            {
                counts[word] = counts.GetValueOrDefault(word) + 1;
            }
        }

        return counts;
    }

    private static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        var dot = a.Where(kv => b.ContainsKey(kv.Key)).Sum(kv => kv.Value * b[kv.Key]);
        var na = Math.Sqrt(a.Values.Sum(v => v * v));
        var nb = Math.Sqrt(b.Values.Sum(v => v * v));
        return na == 0 || nb == 0 ? 0 : dot / (na * nb);
    }
}
