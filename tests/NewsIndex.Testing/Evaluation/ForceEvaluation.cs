using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsIndex.Entities;
using NewsIndex.Ingestion;

namespace NewsIndex.Testing.Evaluation;

/// <summary>
/// Scores the tagger's armed forces and bases against the hand-labelled development set
/// <c>tests/devsets/forces-dev.labels.jsonl</c> (Reuters-21578 train articles and the seeds; the text is read at run
/// time, only the labels are in the repository).
/// </summary>
/// <remarks>
/// A predicted force matches a label when one of its names (name or alias, compared case-, diacritics- and
/// punctuation-insensitively, and also without a parenthesis where the entity is of the label's country or of none) equals
/// the label's name or one of its surfaces; when both are national forces or national branches of the same country; or
/// when the names are equal once the label country's names and demonyms (also in a parenthesis) are left out ("National
/// Guard (Mexico)" is the "Mexican National Guard"). A base matches by name or surface only. Implicit labels (a force meant only by generic
/// words) are not counted in recall, but a prediction that matches one is correct, not a false positive.
/// </remarks>
public static class ForceEvaluation
{
    /// <summary>One labelled armed force of an article.</summary>
    /// <param name="Name">Canonical name chosen by the labeller.</param>
    /// <param name="Country">ISO 3166-1 alpha-2 affiliation (historical codes SU, DD, YU allowed), or null.</param>
    /// <param name="Category">national, national-branch, police, paramilitary, rebel, jihadist, militia, pmc, mission, alliance, other.</param>
    /// <param name="Parent">The labelled parent (a branch's national force, a member group's coalition), or null.</param>
    /// <param name="Surfaces">Exact strings of the text that name the force.</param>
    /// <param name="Implicit">True when the force is meant only by generic words (no surface).</param>
    public sealed record ForceLabel(string Name, string? Country, string Category, string? Parent, IReadOnlyList<string> Surfaces, bool Implicit)
    {
        /// <summary>National forces and their branches: matched by country as well as by name.</summary>
        public bool IsNational => Category is "national" or "national-branch";
    }

    /// <summary>One labelled military base or installation of an article.</summary>
    /// <param name="Name">Canonical name chosen by the labeller.</param>
    /// <param name="Country">Host country, or null.</param>
    /// <param name="Surfaces">Exact strings of the text that name the base.</param>
    public sealed record BaseLabel(string Name, string? Country, IReadOnlyList<string> Surfaces);

    /// <summary>The labels of one article.</summary>
    /// <param name="Id">Article id (<c>reuters-123</c>, or a seed's file name without extension).</param>
    /// <param name="Forces">Every armed force the article mentions; empty for a negative.</param>
    /// <param name="Bases">Every base the article mentions.</param>
    public sealed record ArticleLabels(string Id, IReadOnlyList<ForceLabel> Forces, IReadOnlyList<BaseLabel> Bases);

    /// <summary>The figures of one run.</summary>
    /// <param name="Articles">Articles scored.</param>
    /// <param name="Scorer">The accumulated scores.</param>
    /// <param name="Missing">Labelled article ids not found in the corpora.</param>
    public sealed record Result(int Articles, Scorer Scorer, IReadOnlyList<string> Missing);

    /// <summary>Reads a labels file (JSON Lines). Throws <see cref="InvalidDataException"/> naming the line on bad input.</summary>
    public static IReadOnlyList<ArticleLabels> ReadLabels(string path)
    {
        var result = new List<ArticleLabels>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                var article = ParseLabels(line);
                if (!seen.Add(article.Id))
                {
                    throw new InvalidDataException($"duplicate article id \"{article.Id}\"");
                }

                result.Add(article);
            }
            catch (Exception e) when (e is JsonException or InvalidDataException or InvalidOperationException or KeyNotFoundException)
            {
                throw new InvalidDataException($"{path}:{number}: {e.Message}", e);
            }
        }

        return result;
    }

    /// <summary>Parses one labels line.</summary>
    public static ArticleLabels ParseLabels(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var id = Required(root, "id");
        var forces = root.TryGetProperty("forces", out var f) ? f.EnumerateArray().Select(ParseForce).ToArray() : [];
        var bases = root.TryGetProperty("bases", out var b)
            ? b.EnumerateArray().Select(e => new BaseLabel(Required(e, "name"), Optional(e, "country"), Surfaces(e))).ToArray()
            : [];
        return new ArticleLabels(id, forces, bases);
    }

    /// <summary>
    /// Tags every labelled article found in the Reuters file and the seeds folder with <paramref name="catalog"/>'s
    /// tagger and scores it.
    /// </summary>
    public static Result Run(string labelsPath, string reutersPath, string? seedsPath, EntityCatalog catalog)
    {
        var labels = ReadLabels(labelsPath);
        var wanted = labels.ToDictionary(l => l.Id, StringComparer.Ordinal);
        var articles = new Dictionary<string, Article>(StringComparer.Ordinal);
        foreach (var article in ArticleReader.Read(reutersPath))
        {
            if (wanted.ContainsKey(article.Id))
            {
                articles[article.Id] = article;
            }
        }

        if (seedsPath is not null && Directory.Exists(seedsPath))
        {
            foreach (var file in Directory.EnumerateFiles(seedsPath, "*.txt"))
            {
                var id = Path.GetFileNameWithoutExtension(file);
                if (wanted.ContainsKey(id))
                {
                    articles[id] = ArticleReader.ReadTextFile(file) with { Id = id };
                }
            }
        }

        var scorer = new Scorer(catalog.Get);
        var missing = new List<string>();
        foreach (var label in labels)
        {
            if (!articles.TryGetValue(label.Id, out var article))
            {
                missing.Add(label.Id);
                continue;
            }

            var tagged = catalog.Tagger.Tag(article);
            scorer.Add(label, article.Title, article.Dateline, article.Body, tagged.Mentions);
        }

        return new Result(articles.Count, scorer, missing);
    }

    /// <summary>
    /// Scores the labels of a probe set (<c>tests/devsets/forces-probe-NAME.labels.jsonl</c>) against the short texts
    /// they label (<c>countries-probe-NAME.jsonl</c> beside them; article id <c>NAME-</c> plus the text's id), each
    /// tagged as an article body.
    /// </summary>
    public static Result RunProbe(string labelsPath, EntityCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var name = Path.GetFileName(labelsPath);
        const string Prefix = "forces-probe-", Suffix = ".labels.jsonl";
        if (!name.StartsWith(Prefix, StringComparison.Ordinal) || !name.EndsWith(Suffix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"a probe labels file is named {Prefix}NAME{Suffix}: {labelsPath}", nameof(labelsPath));
        }

        var set = name[Prefix.Length..^Suffix.Length];
        var textsPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(labelsPath))!, $"countries-probe-{set}.jsonl");
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in File.ReadLines(textsPath))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(line);
                texts[$"{set}-{Required(json.RootElement, "id")}"] = Required(json.RootElement, "text");
            }
            catch (Exception e) when (e is JsonException or InvalidDataException or InvalidOperationException or KeyNotFoundException)
            {
                throw new InvalidDataException($"{textsPath}:{number}: {e.Message}", e);
            }
        }

        var scorer = new Scorer(catalog.Get);
        var missing = new List<string>();
        var scored = 0;
        foreach (var label in ReadLabels(labelsPath))
        {
            if (!texts.TryGetValue(label.Id, out var text))
            {
                missing.Add(label.Id);
                continue;
            }

            scored++;
            var tagged = catalog.Tagger.Tag(new Article(label.Id, "", text));
            scorer.Add(label, "", null, text, tagged.Mentions);
        }

        return new Result(scored, scorer, missing);
    }

    /// <summary>The forces probe label files in tests/devsets above the current directory, or an empty list.</summary>
    public static IReadOnlyList<string> FindProbePaths()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            var devsets = Path.Combine(directory.FullName, "tests", "devsets");
            if (Directory.Exists(devsets) && Directory.GetFiles(devsets, "forces-probe-*.labels.jsonl") is { Length: > 0 } files)
            {
                return files.Order(StringComparer.Ordinal).ToArray();
            }
        }

        return [];
    }

    /// <summary>Finds <c>tests/devsets/forces-dev.labels.jsonl</c> and the repository's <c>seeds</c> folder by walking up
    /// from the current directory; null when not found.</summary>
    public static (string Labels, string Seeds)? FindDefaultPaths()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            var labels = Path.Combine(directory.FullName, "tests", "devsets", "forces-dev.labels.jsonl");
            if (File.Exists(labels))
            {
                return (labels, Path.Combine(directory.FullName, "seeds"));
            }
        }

        return null;
    }

    /// <summary>Writes the report: P/R/F1, surface recall, per-category recall, top misses and false positives, and with
    /// <paramref name="articles"/> every article's missed labels and false predictions.</summary>
    public static void Print(Result result, TextWriter output, int top = 25, bool articles = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        var s = result.Scorer;
        output.WriteLine($"Forces: {result.Articles} articles scored, {result.Missing.Count} labelled articles not found{(result.Missing.Count > 0 ? $" ({string.Join(", ", result.Missing.Take(5))})" : "")}");
        output.WriteLine($"  forces (article level)        : {s.Forces}");
        output.WriteLine($"  national forces (article)     : {s.NationalForces}");
        output.WriteLine($"  force surfaces (occurrences)  : R {Ratio(s.ForceSurfaceOccurrences)}");
        output.WriteLine($"  force surfaces (strings)      : R {Ratio(s.ForceSurfaceStrings)}");
        output.WriteLine($"  national surfaces (occurr.)   : R {Ratio(s.NationalSurfaceOccurrences)}");
        output.WriteLine($"  implicit force labels         : R {Ratio(s.Implicit)}");
        output.WriteLine($"  bases (article level)         : {s.Bases}");
        output.WriteLine($"  base surfaces (occurrences)   : R {Ratio(s.BaseSurfaceOccurrences)}");
        if (s.SurfacesNotInText > 0)
        {
            output.WriteLine($"  WARNING: {s.SurfacesNotInText} labelled surfaces not found in the article text");
        }

        output.WriteLine("  recall by category:");
        foreach (var (category, counts) in s.RecallByCategory.OrderByDescending(kv => kv.Value.Total))
        {
            output.WriteLine($"    {category,-16} {Ratio(counts)}");
        }

        Top("top missed force labels", s.MissedForces);
        Top("top false-positive forces", s.FalseForces);
        Top("top missed force surfaces", s.MissedSurfaces);
        Top("missed base labels", s.MissedBases);
        Top("false-positive bases", s.FalseBases);
        if (articles)
        {
            output.WriteLine("  per-article errors (missed | false):");
            foreach (var (id, missed, wrong) in s.ArticleErrors)
            {
                output.WriteLine($"    {id}: {string.Join("; ", missed)} | {string.Join("; ", wrong)}");
            }
        }

        void Top(string title, Dictionary<string, int> counts)
        {
            output.WriteLine($"  {title} ({counts.Count}):");
            foreach (var (key, count) in counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(top))
            {
                output.WriteLine($"    {count,4}  {key.ReplaceLineEndings(" ")}");
            }
        }
    }

    private static string Ratio((int A, int B) counts) => counts.B == 0 ? "-" : $"{(double)counts.A / counts.B:F3} ({counts.A}/{counts.B})";

    /// <summary>Case-, diacritics- and punctuation-insensitive form of a name: <c>U.S. Navy</c> and <c>US navy</c> agree,
    /// a leading "the" is dropped.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark || c is '.' or '\'' or '’' or '‘')
            {
                continue;
            }

            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        var words = builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = words.Length > 1 && words[0] == "the" ? 1 : 0;
        return string.Join(' ', words.Skip(start));
    }

    private static ForceLabel ParseForce(JsonElement e)
    {
        var surfaces = Surfaces(e);
        var isImplicit = e.TryGetProperty("implicit", out var i) && i.GetBoolean();
        if (surfaces.Length == 0 && !isImplicit)
        {
            throw new InvalidDataException($"force \"{Required(e, "name")}\" has no surface and is not marked implicit");
        }

        return new ForceLabel(Required(e, "name"), Optional(e, "country"), Required(e, "category"), Optional(e, "parent"), surfaces, isImplicit);
    }

    private static string Required(JsonElement e, string property) =>
        e.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new InvalidDataException($"missing or empty \"{property}\"");

    private static string? Optional(JsonElement e, string property) =>
        e.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string[] Surfaces(JsonElement e) =>
        e.TryGetProperty("surface", out var s) ? s.EnumerateArray().Select(x => x.GetString() ?? throw new InvalidDataException("null surface")).ToArray() : [];

    /// <summary>Accumulates the scores over articles. Not thread-safe.</summary>
    /// <param name="lookup">Finds a predicted entity by kind and id (e.g. <see cref="EntityCatalog.Get"/>).</param>
    public sealed class Scorer(Func<EntityKind, string, Entity?> lookup)
    {
        private readonly Dictionary<string, (int Found, int Total)> _byCategory = new(StringComparer.Ordinal);

        /// <summary>Article-level forces: predicted force entities against explicit labels.</summary>
        public SetCounts Forces { get; } = new();

        /// <summary>Article-level national forces and branches only (recall is the figure that matters).</summary>
        public SetCounts NationalForces { get; } = new();

        /// <summary>Article-level bases.</summary>
        public SetCounts Bases { get; } = new();

        /// <summary>Implicit force labels found / total (not part of <see cref="Forces"/> recall).</summary>
        public (int Found, int Total) Implicit { get; private set; }

        /// <summary>Occurrences of labelled force surfaces covered by a tagged force mention / all occurrences.</summary>
        public (int Covered, int Total) ForceSurfaceOccurrences { get; private set; }

        /// <summary>Distinct labelled force surface strings (per article) with at least one covered occurrence / all.</summary>
        public (int Covered, int Total) ForceSurfaceStrings { get; private set; }

        /// <summary>Occurrences of national-force surfaces covered by a tagged force mention / all.</summary>
        public (int Covered, int Total) NationalSurfaceOccurrences { get; private set; }

        /// <summary>Occurrences of labelled base surfaces covered by a tagged base mention / all.</summary>
        public (int Covered, int Total) BaseSurfaceOccurrences { get; private set; }

        /// <summary>Labelled surfaces that occur in none of the article's fields (the article text changed, or a bad label).</summary>
        public int SurfacesNotInText { get; private set; }

        /// <summary>Explicit force labels found / total, per label category.</summary>
        public IReadOnlyDictionary<string, (int Found, int Total)> RecallByCategory => _byCategory;

        /// <summary>Missed explicit force labels, by "name (country)", with how many articles missed them.</summary>
        public Dictionary<string, int> MissedForces { get; } = new(StringComparer.Ordinal);

        /// <summary>Predicted forces that matched no label, by "id (name)".</summary>
        public Dictionary<string, int> FalseForces { get; } = new(StringComparer.Ordinal);

        /// <summary>Missed base labels, by name.</summary>
        public Dictionary<string, int> MissedBases { get; } = new(StringComparer.Ordinal);

        /// <summary>Predicted bases that matched no label, by "id (name)".</summary>
        public Dictionary<string, int> FalseBases { get; } = new(StringComparer.Ordinal);

        /// <summary>Per article with an error: the missed labels and the false predictions (forces and bases), for review.</summary>
        public List<(string Id, IReadOnlyList<string> Missed, IReadOnlyList<string> False)> ArticleErrors { get; } = [];

        /// <summary>Labelled surfaces whose occurrences no force mention covered, with counts.</summary>
        public Dictionary<string, int> MissedSurfaces { get; } = new(StringComparer.Ordinal);

        /// <summary>Scores one article: its labels, its fields and the tagger's mentions (offsets per field).</summary>
        public void Add(ArticleLabels labels, string title, string? dateline, string body, IReadOnlyList<EntityMention> mentions)
        {
            ArgumentNullException.ThrowIfNull(labels);
            ArgumentNullException.ThrowIfNull(mentions);
            var forces = Predicted(mentions, EntityKind.Force);
            var bases = Predicted(mentions, EntityKind.Base);
            ScoreForces(labels.Forces, forces);
            ScoreBases(labels.Bases, bases);
            var missed = labels.Forces.Where(l => !l.Implicit && !forces.Any(e => ForceMatches(e, l))).Select(l => l.Name)
                .Concat(labels.Bases.Where(l => !bases.Any(e => NameMatches(e, l.Name, l.Surfaces))).Select(l => l.Name)).ToArray();
            var wrong = forces.Where(e => !labels.Forces.Any(l => ForceMatches(e, l))).Select(e => e.Id)
                .Concat(bases.Where(e => !labels.Bases.Any(l => NameMatches(e, l.Name, l.Surfaces))).Select(e => e.Id)).ToArray();
            if (missed.Length + wrong.Length > 0)
            {
                ArticleErrors.Add((labels.Id, missed, wrong));
            }

            var fields = new[] { (ArticleField.Title, title), (ArticleField.Dateline, dateline ?? ""), (ArticleField.Body, body) };
            var forceMentions = mentions.Where(m => m.Kind == EntityKind.Force).ToArray();
            var baseMentions = mentions.Where(m => m.Kind == EntityKind.Base).ToArray();
            var explicitForces = labels.Forces.Where(l => !l.Implicit).ToArray();
            var all = Occurrences(explicitForces.SelectMany(l => l.Surfaces), fields);
            var national = Occurrences(explicitForces.Where(l => l.IsNational).SelectMany(l => l.Surfaces), fields);
            var covered = all.Count(o => Covered(o, forceMentions));
            ForceSurfaceOccurrences = Sum(ForceSurfaceOccurrences, covered, all.Count);
            NationalSurfaceOccurrences = Sum(NationalSurfaceOccurrences, national.Count(o => Covered(o, forceMentions)), national.Count);
            var baseOccurrences = Occurrences(labels.Bases.SelectMany(l => l.Surfaces), fields);
            BaseSurfaceOccurrences = Sum(BaseSurfaceOccurrences, baseOccurrences.Count(o => Covered(o, baseMentions)), baseOccurrences.Count);

            foreach (var surface in explicitForces.SelectMany(l => l.Surfaces).Distinct(StringComparer.Ordinal))
            {
                var own = all.Where(o => o.Surface == surface).ToArray();
                var hit = own.Any(o => Covered(o, forceMentions));
                if (own.Length == 0 && !fields.Any(f => f.Item2.Contains(surface, StringComparison.Ordinal)))
                {
                    SurfacesNotInText++;
                }

                ForceSurfaceStrings = Sum(ForceSurfaceStrings, hit ? 1 : 0, 1);
                if (!hit)
                {
                    MissedSurfaces[surface] = MissedSurfaces.GetValueOrDefault(surface) + 1;
                }
            }
        }

        /// <summary>The distinct predicted entities of a kind. An id the catalog does not list (the tagger reports
        /// unlisted bases such as "Kirtland Air Force Base" under a generated id) is judged by the texts it was found as.</summary>
        private Entity[] Predicted(IReadOnlyList<EntityMention> mentions, EntityKind kind) =>
            mentions.Where(m => m.Kind == kind).GroupBy(m => m.Id, StringComparer.Ordinal)
                .Select(g => lookup(kind, g.Key) ?? new Entity(kind, g.Key, g.Key) { Aliases = g.Select(m => m.Text).Distinct(StringComparer.Ordinal).ToArray() })
                .ToArray();

        private void ScoreForces(IReadOnlyList<ForceLabel> labels, Entity[] predicted)
        {
            foreach (var entity in predicted)
            {
                if (labels.Any(l => ForceMatches(entity, l)))
                {
                    Forces.TruePredicted++;
                }
                else
                {
                    Forces.FalsePredicted++;
                    var key = $"{entity.Id} ({entity.Name})";
                    FalseForces[key] = FalseForces.GetValueOrDefault(key) + 1;
                }

                if (IsNational(entity))
                {
                    if (labels.Any(l => ForceMatches(entity, l)))
                    {
                        NationalForces.TruePredicted++;
                    }
                    else
                    {
                        NationalForces.FalsePredicted++;
                    }
                }
            }

            foreach (var label in labels)
            {
                var found = predicted.Any(e => ForceMatches(e, label));
                if (label.Implicit)
                {
                    Implicit = Sum(Implicit, found ? 1 : 0, 1);
                    continue;
                }

                Forces.Count(found);
                if (label.IsNational)
                {
                    NationalForces.Count(found);
                }

                _byCategory[label.Category] = Sum(_byCategory.GetValueOrDefault(label.Category), found ? 1 : 0, 1);
                if (!found)
                {
                    var key = label.Country is null ? label.Name : $"{label.Name} ({label.Country})";
                    MissedForces[key] = MissedForces.GetValueOrDefault(key) + 1;
                }
            }
        }

        private void ScoreBases(IReadOnlyList<BaseLabel> labels, Entity[] predicted)
        {
            foreach (var entity in predicted)
            {
                if (labels.Any(l => NameMatches(entity, l.Name, l.Surfaces)))
                {
                    Bases.TruePredicted++;
                }
                else
                {
                    Bases.FalsePredicted++;
                    var key = $"{entity.Id} ({entity.Name})";
                    FalseBases[key] = FalseBases.GetValueOrDefault(key) + 1;
                }
            }

            foreach (var label in labels)
            {
                var found = predicted.Any(e => NameMatches(e, label.Name, label.Surfaces));
                Bases.Count(found);
                if (!found)
                {
                    MissedBases[label.Name] = MissedBases.GetValueOrDefault(label.Name) + 1;
                }
            }
        }

        private bool ForceMatches(Entity entity, ForceLabel label) =>
            NameMatches(entity, label.Name, label.Surfaces, label.Country)
            || (label.IsNational && IsNational(entity) && entity.Country is not null && string.Equals(entity.Country, label.Country, StringComparison.Ordinal))
            || CoreNameMatches(entity, label);

        /// <summary>
        /// The same name written with or without its country: "National Guard (Mexico)" and "Mexican National Guard",
        /// "National Police Service (Kenya)" and "National Police Service of Kenya", "Islamic State (Iraq)" and "Islamic
        /// State". Parentheses and the label country's names and demonyms are left out of both sides; the entity must be
        /// of that country, operate there, or have no country.
        /// </summary>
        private bool CoreNameMatches(Entity entity, ForceLabel label)
        {
            if (label.Country is not { } country || (entity.Country is { } home && home != country && !entity.Areas.Contains(country)))
            {
                return false;
            }

            var countryWords = lookup(EntityKind.Country, country) is { } c
                ? c.Aliases.Append(c.Name).Concat(c.Demonyms).Select(Normalize).Where(w => w.Length > 0).ToArray()
                : [];
            // Only a parenthesis that names the country goes ("Islamic State (Iraq)"), not one that names the group
            // ("Communist Party of India (Maoist)").
            string Core(string name)
            {
                var core = " " + Normalize(Regex.Replace(name, @"\(([^)]*)\)", m => countryWords.Contains(Normalize(m.Groups[1].Value)) ? " " : m.Value)) + " ";
                foreach (var word in countryWords.OrderByDescending(w => w.Length))
                {
                    core = core.Replace(" " + word + "s ", " ", StringComparison.Ordinal).Replace(" " + word + " ", " ", StringComparison.Ordinal);
                }

                var words = core.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w is not ("of" or "the")).ToArray();
                return string.Join(' ', words);
            }

            var wanted = label.Surfaces.Append(label.Name).Select(Core).Where(w => w.Length > 1).ToHashSet(StringComparer.Ordinal);
            return entity.AllNames.Append(entity.Name).Any(n => Core(n) is { Length: > 1 } core && wanted.Contains(core));
        }

        private static bool IsNational(Entity entity) =>
            entity.Category?.StartsWith("national", StringComparison.Ordinal) == true
            || (entity.Country is not null && entity.Id == EntityCatalog.NationalForceId(entity.Country));

        private static bool NameMatches(Entity entity, string name, IReadOnlyList<string> surfaces, string? country = null)
        {
            // "Tiyas (T-4) air base" is also "Tiyas air base"; for a force only where the entity is of the label's country
            // (or of none): "Communist Party of India (Maoist)" is not the CPI.
            var written = surfaces.Append(name).ToArray();
            var stripped = entity.Kind == EntityKind.Base || entity.Country is null || entity.Country == country
                ? written.Select(w => Normalize(Regex.Replace(w, @"\s*\([^)]*\)", "")))
                : [];
            var wanted = written.Select(Normalize).Concat(stripped).ToHashSet(StringComparer.Ordinal);
            return entity.AllNames.Append(entity.Name).Any(n => wanted.Contains(Normalize(n)));
        }

        private static (int, int) Sum((int A, int B) total, int a, int b) => (total.A + a, total.B + b);

        private static bool Covered(Occurrence o, EntityMention[] mentions) =>
            mentions.Any(m => m.Field == o.Field && m.Start < o.End && o.Start < m.End);

        /// <summary>Word-bounded ordinal occurrences of the surfaces in each field; an occurrence inside a longer one
        /// (or the same span named by two labels, as in "U.S. and NATO forces") counts once.</summary>
        private static List<Occurrence> Occurrences(IEnumerable<string> surfaces, (ArticleField Field, string Text)[] fields)
        {
            var found = new List<Occurrence>();
            foreach (var surface in surfaces.Distinct(StringComparer.Ordinal))
            {
                foreach (var (field, text) in fields)
                {
                    for (var at = text.IndexOf(surface, StringComparison.Ordinal); at >= 0; at = text.IndexOf(surface, at + 1, StringComparison.Ordinal))
                    {
                        var end = at + surface.Length;
                        if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
                        {
                            found.Add(new Occurrence(field, at, end, surface));
                        }
                    }
                }
            }

            return found
                .Where(o => !found.Any(p => p != o && p.Field == o.Field && p.Start <= o.Start && o.End <= p.End
                                            && (p.End - p.Start > o.End - o.Start || (p.End - p.Start == o.End - o.Start && string.CompareOrdinal(p.Surface, o.Surface) < 0))))
                .ToList();
        }

        private readonly record struct Occurrence(ArticleField Field, int Start, int End, string Surface);
    }

    /// <summary>Counts for precision (predicted entities) and recall (labels), which differ because a prediction may
    /// match several labels (e.g. a national force and its branch).</summary>
    public sealed class SetCounts
    {
        /// <summary>Predicted entities that match a label of their article.</summary>
        public int TruePredicted { get; internal set; }

        /// <summary>Predicted entities that match no label.</summary>
        public int FalsePredicted { get; internal set; }

        /// <summary>Labels matched by a predicted entity.</summary>
        public int FoundLabels { get; private set; }

        /// <summary>All labels counted.</summary>
        public int Labels { get; private set; }

        /// <summary>TruePredicted / all predicted.</summary>
        public double Precision => TruePredicted + FalsePredicted == 0 ? 0 : (double)TruePredicted / (TruePredicted + FalsePredicted);

        /// <summary>FoundLabels / Labels.</summary>
        public double Recall => Labels == 0 ? 0 : (double)FoundLabels / Labels;

        /// <summary>Harmonic mean of precision and recall.</summary>
        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

        internal void Count(bool found)
        {
            Labels++;
            FoundLabels += found ? 1 : 0;
        }

        /// <inheritdoc />
        public override string ToString() =>
            $"P {Precision:F3} ({TruePredicted}/{TruePredicted + FalsePredicted})  R {Recall:F3} ({FoundLabels}/{Labels})  F1 {F1:F3}";
    }
}
