using System.Buffers;
using NewsIndex.Ingestion;

namespace NewsIndex.Entities;

/// <summary>
/// Finds the countries, armed forces and military bases a text mentions, with exact offsets, in one pass over its
/// words (a token trie holding every alias), then resolves ambiguous references by the article's context:
/// <c>Air Base 101</c> by the host country most mentioned, <c>the base in Agadez</c> by the bases at Agadez,
/// <c>Moscow</c> in 1987 as the USSR.
/// </summary>
/// <remarks>Immutable after construction and thread-safe: <see cref="Tag(string)"/> may be called from many threads.</remarks>
public sealed partial class EntityTagger
{
    private const int IndirectWindow = 10;

    private readonly EntityCatalog _catalog;

    /// <summary>States named like a country: (name, the country, the state's country), from the catalog's regions.</summary>
    private readonly (string Name, string Country, string State)[] _statesNamedLikeCountries;

    /// <summary>States, provinces and their abbreviations (countries.json regions), to their country: "Texas" → US, "Ont" → CA, "Georgia" → US.</summary>
    private readonly Dictionary<string, string> _stateCountries;

    /// <summary>First letters and lengths of the state names, so a word after a comma is looked up (as a string) only when it may be one.</summary>
    private readonly HashSet<(char, int)> _stateNameShapes = [];

    /// <summary>Abbreviations trusted only in a dateline ("Mass.", "Mo."): after a comma in the body only with their point.</summary>
    private readonly HashSet<string> _datelineOnlyStates = new(StringComparer.OrdinalIgnoreCase);
    private readonly AliasTrie _trie = new();
    private readonly Entity[] _entities;
    private readonly Entity[] _historical;
    private readonly Dictionary<string, Entity> _formerStates;
    private readonly Dictionary<(EntityKind, string), int> _entityIndex = [];
    private readonly Dictionary<string, int[]> _basesByNumber = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int[]> _basesByCity = [];
    private readonly Dictionary<int, int> _nationalForceOf = [];

    /// <summary>(country entity, bare branch noun) → the country's branch of that service, or its national force.</summary>
    private readonly Dictionary<(int Country, int Noun), int> _branchOf = [];

    private readonly string[]?[] _scopes;
    private static readonly string[] PatternStopWords =
    [
        "The", "A", "An", "In", "On", "At", "Of", "And", "Or", "To", "For", "From", "With", "By", "Its", "Their", "This", "That", "Our", "His", "Her",
    ];

    /// <summary>Builds the tagger for a catalog. Prefer <see cref="EntityCatalog.Tagger"/>, which builds it once.</summary>
    public EntityTagger(EntityCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        _statesNamedLikeCountries = [.. catalog.Regions.Where(r => r.NamesCountry is not null).Select(r => (r.Name, r.NamesCountry!, r.Country))];
        _stateCountries = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var region in catalog.Regions)
        {
            var stateName = region.Name.TrimEnd('.');
            _stateCountries.TryAdd(stateName, region.Country);
            _stateNameShapes.Add((char.ToUpperInvariant(stateName[0]), stateName.Length));
            _stateNameShapes.Add((char.ToLowerInvariant(stateName[0]), stateName.Length));
            if (region.DatelineOnly)
            {
                _datelineOnlyStates.Add(stateName);
            }
        }
        _entities = Enum.GetValues<EntityKind>().SelectMany(catalog.All).ToArray();
        _historical = catalog.All(EntityKind.Country).Where(c => c.Until is not null && c.Covers.Count > 0).ToArray();
        _formerStates = catalog.All(EntityKind.Country).Where(c => c.Until is not null).ToDictionary(c => c.Id, StringComparer.Ordinal);
        _scopes = new string[]?[_entities.Length];
        for (var e = 0; e < _entities.Length; e++)
        {
            _entityIndex[(_entities[e].Kind, _entities[e].Id)] = e;
            if (_entities[e].Kind == EntityKind.Force && (_entities[e].Country is not null || _entities[e].Areas.Count > 0))
            {
                _scopes[e] = [.. (_entities[e].Country is { } home ? _entities[e].Areas.Prepend(home) : _entities[e].Areas).Distinct(StringComparer.Ordinal)];
            }
        }

        Build();

        // The words the per-token scans look for, marked by symbol (one array load per token instead of string compares).
        var marks = new List<(int Symbol, byte Flag)>();
        marks.AddRange(PluralBaseNouns.Select(w => (_trie.Vocabulary.Add(w), PluralBaseMark)));
        marks.AddRange(SpelledOrdinals.Select(w => (_trie.Vocabulary.Add(w), SpelledOrdinalMark)));
        marks.AddRange(LandUnitNouns.Select(w => (_trie.Vocabulary.Add(w), LandUnitMark)));
        _scanMarks = new byte[_trie.Vocabulary.Count];
        foreach (var (symbol, flag) in marks)
        {
            _scanMarks[symbol] |= flag;
        }

        _trie.Freeze();
    }

    private const byte PluralBaseMark = 1;
    private const byte SpelledOrdinalMark = 2;
    private const byte LandUnitMark = 4;

    /// <summary>Per vocabulary symbol, which per-token scan wants the word (see AddNumberedUnits, AddListedBases).</summary>
    private readonly byte[] _scanMarks;

    private byte ScanMark(in Token token) => (uint)token.Symbol < (uint)_scanMarks.Length ? _scanMarks[token.Symbol] : (byte)0;

    /// <summary>The catalog this tagger recognises.</summary>
    public EntityCatalog Catalog => _catalog;

    /// <summary>The words of every alias (for the benchmark that separates tokenising from matching).</summary>
    internal Vocabulary Vocabulary => _trie.Vocabulary;

    /// <summary>Reports the mentions of a dateline found in the body at their place in the body (once, where the body's own reading found the same).</summary>
    private static void MoveDatelineIntoBody(List<EntityMention> mentions, int offset)
    {
        var kept = 0;
        for (var i = 0; i < mentions.Count; i++)
        {
            var mention = mentions[i];
            if (mention.Field == ArticleField.Dateline)
            {
                mention = mention with { Field = ArticleField.Body, Start = mention.Start + offset, End = mention.End + offset };
                var moved = mention;
                if (mentions.Exists(m => m.Field == ArticleField.Body && m.Kind == moved.Kind && m.Id == moved.Id && m.Start == moved.Start))
                {
                    continue;
                }
            }

            mentions[kept++] = mention;
        }

        mentions.RemoveRange(kept, mentions.Count - kept);
    }

    /// <summary>Tags a piece of text (a dateline opening it is read as one). Offsets refer to <paramref name="text"/>; every mention has <see cref="ArticleField.Body"/> as its field.</summary>
    public IReadOnlyList<EntityMention> Tag(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var state = MatchState.Rent();
        try
        {
            // A dateline opening the text ("SYDNEY (Reuters) - ...") is read as one, as in Tag(Article).
            var span = PlainTextArticleParser.FindDatelineSpan(text);
            if (span is { } dateline)
            {
                Match(text.Substring(dateline.Start, dateline.Length), ArticleField.Dateline, state);
            }

            Match(text, ArticleField.Body, state);
            var mentions = Resolve(state, published: null);
            if (span is { } found)
            {
                MoveDatelineIntoBody(mentions, found.Start);
            }

            return mentions;
        }
        finally
        {
            state.Dispose();
        }
    }

    /// <summary>
    /// Tags an article's title, dateline and body together (so that each is read in the context of the others),
    /// and works out which entities the article is about.
    /// </summary>
    public ArticleEntities Tag(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var state = MatchState.Rent();
        try
        {
            Match(article.Title, ArticleField.Title, state);

            // An article without a dateline of its own may open its body with one ("SYDNEY (Reuters) - ..."): it is read
            // as the dateline, and its mentions are reported where they stand in the body.
            var dateline = article.Dateline;
            var datelineInBody = -1;
            if (dateline is not { Length: > 0 } && PlainTextArticleParser.FindDatelineSpan(article.Body) is { } span)
            {
                dateline = article.Body.Substring(span.Start, span.Length);
                datelineInBody = span.Start;
            }

            if (dateline is { Length: > 0 })
            {
                Match(dateline, ArticleField.Dateline, state);
            }

            Match(article.Body, ArticleField.Body, state);
            var mentions = Resolve(state, article.Published);
            var about = Prominence.About(mentions, article.Body, PeopleOfLastText);
            if (datelineInBody >= 0)
            {
                MoveDatelineIntoBody(mentions, datelineInBody);
            }

            return new ArticleEntities(mentions, Distinct(mentions), about);
        }
        finally
        {
            state.Dispose();
        }
    }

    private static EntitySet Distinct(List<EntityMention> mentions) =>
        new(DistinctIds(mentions, EntityKind.Country), DistinctIds(mentions, EntityKind.Force), DistinctIds(mentions, EntityKind.Base));

    /// <summary>The ids of one kind, sorted ordinally, each once (an article has a few dozen mentions at most: no sets).</summary>
    private static ValueList<string> DistinctIds(List<EntityMention> mentions, EntityKind kind)
    {
        var count = 0;
        foreach (var mention in mentions)
        {
            count += mention.Kind == kind ? 1 : 0;
        }

        if (count == 0)
        {
            return ValueList.Own(Array.Empty<string>());
        }

        var ids = new string[count];
        var at = 0;
        foreach (var mention in mentions)
        {
            if (mention.Kind == kind)
            {
                ids[at++] = mention.Id;
            }
        }

        Array.Sort(ids, StringComparer.Ordinal);
        var distinct = 1;
        for (var i = 1; i < ids.Length; i++)
        {
            if (!string.Equals(ids[i], ids[distinct - 1], StringComparison.Ordinal))
            {
                ids[distinct++] = ids[i];
            }
        }

        return ValueList.Own(distinct == ids.Length ? ids : ids[..distinct]);
    }

    /// <summary>Force nouns that name a national force before "of" and a country ("the armed forces of Mali").</summary>
    private static readonly string[] NounsBeforeOf =
        ["forces", "armed forces", "military forces", "military", "army", "national army", "troops", "soldiers", "security forces",
         "defence forces", "defense forces", "government forces", "government troops", "special forces", "ground forces",
         "navy", "naval forces", "air force", "gendarmerie"];

    /// <summary>
    /// Services named without their country ("the Navy said", "AIR FORCE JET CRASHES"), with the word that finds the
    /// country's branch of that service among its forces ("Marines" → the branch whose name has "Marine").
    /// </summary>
    private static readonly (string Noun, string Term)[] BareBranches =
        [("Navy", "Navy"), ("Air Force", "Air Force"), ("Army", "Army"), ("Marine Corps", "Marine"), ("Marines", "Marine"), ("Coast Guard", "Coast Guard"),
            ("National Guard", "National Guard"), ("National Gendarmerie", "Gendarmerie")];

    /// <summary>Bare nouns that name only a force of their own: where the country has none, the noun is nobody's (a
    /// "National Guard" is no country's whole military).</summary>
    private static readonly string[] OwnBranchOnly = ["National Guard", "Gendarmerie"];

    /// <summary>Weapons and vehicles that news names by model after the country ("British Typhoon jets", "Israeli F-35 jets").</summary>
    private static readonly string[] ModelNouns = ["jets", "fighter jets", "warplanes", "helicopters", "bombers", "fighters", "drones", "drone", "missiles", "missile", "tanks", "warships"];

    /// <summary>Nouns that name a country's gendarmerie after its name or demonym ("Cameroonian gendarmes").</summary>
    private static readonly string[] GendarmeNouns = ["gendarmes", "gendarme", "gendarmerie", "national gendarmerie"];

    /// <summary>Nouns that name a country's border force after its name or demonym ("Ukrainian border guards").</summary>
    private static readonly string[] BorderNouns =
        ["border guards", "border guard", "border troops", "border police", "border service", "border guard service", "border forces"];

    /// <summary>Categories of a border force (not a rebel group named after a border).</summary>
    private static readonly string[] BorderCategories = ["guard", "police", "paramilitary", "security", "branch", "gendarmerie"];

    /// <summary>Nouns that name a country's police before "of" and the country ("Police Forces of Kenya").</summary>
    private static readonly string[] PoliceNounsBeforeOf = ["police", "police forces", "police force"];

    /// <summary>Nouns that name a country's police after its name or demonym ("South African police", "Kenyan riot police").</summary>
    private static readonly string[] PoliceNouns = ["police", "police force", "police forces", "policemen", "police officers", "riot police"];

    private static readonly (string, TokenFlags) Of = ("of", TokenFlags.None);
    private static readonly (string, TokenFlags) The = ("the", TokenFlags.None);

    /// <summary>The branch of each bare service noun for one national force: the shortest-named force under it (or,
    /// for a service with a force of its own such as a National Guard, of its country without a parent) whose name or
    /// alias has the noun's word, else the national force itself.</summary>
    private void AddBranches(int national, int country, Dictionary<string, List<int>> childrenOf, Dictionary<string, List<int>> parentlessOf)
    {
        var children = childrenOf.GetValueOrDefault(_entities[national].Id) ?? [];
        var parentless = _entities[national].Country is { } code ? parentlessOf.GetValueOrDefault(code) ?? [] : [];
        for (var n = 0; n < BareBranches.Length; n++)
        {
            var term = BareBranches[n].Term;
            var own = OwnBranchOnly.Contains(term, StringComparer.Ordinal);
            var best = national;
            foreach (var e in own ? children.Concat(parentless.Where(p => _entities[p].Category is "guard" or "gendarmerie" or "paramilitary")) : children)
            {
                var candidate = _entities[e];
                if (candidate.Aliases.Append(candidate.Name).Any(a => HasWords(a, term)) &&
                    (best == national || candidate.Name.Length < _entities[best].Name.Length))
                {
                    best = e;
                }
            }

            // A country whose whole military is its National Guard (Cyprus's) keeps it.
            if (best != national || !own || _entities[national].Aliases.Append(_entities[national].Name).Any(a => HasWords(a, term)))
            {
                _branchOf[(country, n)] = best;
            }
        }

        static bool HasWords(string name, string words)
        {
            var at = name.IndexOf(words, StringComparison.OrdinalIgnoreCase);
            return at >= 0 && (at == 0 || !char.IsLetter(name[at - 1])) && (at + words.Length == name.Length || !char.IsLetter(name[at + words.Length]));
        }
    }

    private void AddOfPatterns(IReadOnlyList<(string, TokenFlags)>[] nouns, IReadOnlyList<(string, TokenFlags)> name, AliasTarget target)
    {
        foreach (var noun in nouns)
        {
            _trie.Add([.. noun, Of, .. name], target);
            _trie.Add([.. noun, Of, The, .. name], target);
        }
    }

    /// <summary>Words of a specialised police force's name ("Nepal Armed Police Force", "Romanian Border Police").</summary>
    private static readonly string[] SpecialisedPoliceWords =
    [
        "armed", "border", "coast", "maritime", "drug", "migration", "military", "special", "reserve", "rapid", "central",
        "infrastructure", "intervention", "public", "guard", "guards", "traffic", "tourist", "riot", "mobile",
    ];

    /// <summary>
    /// The country's general police among its police forces: the only one, or the only one whose name has no
    /// specialised word ("Nepal Police" beside the "Nepal Armed Police Force", "Romanian Police" beside the "Romanian
    /// Border Police"); -1 when there is none or the catalog cannot choose (India's central forces).
    /// </summary>
    private int GeneralPolice(List<int>? forces)
    {
        if (forces is null)
        {
            return -1;
        }

        if (forces is [var only])
        {
            return only;
        }

        var general = -1;
        foreach (var force in forces)
        {
            if (!Tokenizer.Words(_entities[force].Name).Any(w => SpecialisedPoliceWords.Contains(w.Word, StringComparer.OrdinalIgnoreCase)))
            {
                if (general >= 0)
                {
                    return -1;
                }

                general = force;
            }
        }

        return general;
    }

    private void Build()
    {
        var personLike = new HashSet<string>(_catalog.PersonLikeAliases, StringComparer.Ordinal);
        var nouns = _catalog.NationalNouns.Select(Tokenizer.Words).ToArray();
        var number = new List<(string, TokenFlags)> { ("#num", TokenFlags.None) };
        var model = new List<(string, TokenFlags)> { ("#cap", TokenFlags.None) };
        var modelNouns = ModelNouns.Select(Tokenizer.Words).ToArray();
        var ofNouns = NounsBeforeOf.Select(Tokenizer.Words).ToArray();
        var policeOfNouns = PoliceNounsBeforeOf.Select(Tokenizer.Words).ToArray();
        var policeNouns = PoliceNouns.Select(Tokenizer.Words).ToArray();
        for (var n = 0; n < BareBranches.Length; n++)
        {
            _trie.Add(Tokenizer.Words(BareBranches[n].Noun), new AliasTarget(AliasRole.BareBranch, n));
        }

        var childrenOf = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var policeOf = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var parentlessOf = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var borderOf = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var borderNouns = BorderNouns.Select(Tokenizer.Words).ToArray();
        var gendarmerieOf = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var gendarmeNouns = GendarmeNouns.Select(Tokenizer.Words).ToArray();
        for (var e = 0; e < _entities.Length; e++)
        {
            if (_entities[e].Kind == EntityKind.Force && _entities[e].Parent is { } parent)
            {
                (childrenOf.TryGetValue(parent, out var list) ? list : childrenOf[parent] = []).Add(e);
            }

            if (_entities[e].Kind == EntityKind.Force && _entities[e].Parent is null && _entities[e].Category != "national" && _entities[e].Country is { } orphanCountry)
            {
                (parentlessOf.TryGetValue(orphanCountry, out var list) ? list : parentlessOf[orphanCountry] = []).Add(e);
            }

            if (_entities[e].Kind == EntityKind.Force && _entities[e].Country is { } borderCountry && Array.IndexOf(BorderCategories, _entities[e].Category) >= 0 &&
                _entities[e].Name.Contains("border", StringComparison.OrdinalIgnoreCase))
            {
                (borderOf.TryGetValue(borderCountry, out var list) ? list : borderOf[borderCountry] = []).Add(e);
            }

            if (_entities[e].Kind == EntityKind.Force && _entities[e].Category == "gendarmerie" && _entities[e].Country is { } gendarmerieCountry)
            {
                (gendarmerieOf.TryGetValue(gendarmerieCountry, out var list) ? list : gendarmerieOf[gendarmerieCountry] = []).Add(e);
            }

            if (_entities[e].Kind == EntityKind.Force && _entities[e].Category == "police" && _entities[e].Country is { } policeCountry)
            {
                (policeOf.TryGetValue(policeCountry, out var list) ? list : policeOf[policeCountry] = []).Add(e);
            }
        }
        for (var e = 0; e < _entities.Length; e++)
        {
            var entity = _entities[e];
            foreach (var alias in (entity.NameIsAlias ? entity.Aliases.Append(entity.Name) : entity.Aliases).SelectMany(WithoutArticle).Distinct(StringComparer.Ordinal))
            {
                // A base's words ("Fort Moore", "Peterson Space Force Base") are surnames too often to keep a country
                // name before them from reading as a first name ("Kenya Moore"): they are not entity words.
                _trie.Add(Tokenizer.Words(alias), new AliasTarget(AliasRole.Name, e, PersonLike: personLike.Contains(alias)), entityWords: entity.Kind != EntityKind.Base);
                if (entity.Kind == EntityKind.Base && (alias.EndsWith(" air base", StringComparison.OrdinalIgnoreCase) || alias.EndsWith(" airbase", StringComparison.OrdinalIgnoreCase)))
                {
                    // "Olenya and Belaya air bases": the plural ends a list of bases (see AddCoordinatedBases).
                    _trie.Add(Tokenizer.Words(alias + "s"), new AliasTarget(AliasRole.Name, e), entityWords: false);
                }
            }

            foreach (var alias in entity.ContextAliases.SelectMany(WithoutArticle).Distinct(StringComparer.Ordinal))
            {
                _trie.Add(Tokenizer.Words(alias), new AliasTarget(AliasRole.ContextName, e));
            }

            foreach (var demonym in entity.Demonyms)
            {
                _trie.Add(Tokenizer.Words(demonym), new AliasTarget(AliasRole.Demonym, e));
                if (Plural(demonym) is { } plural)
                {
                    _trie.Add(Tokenizer.Words(plural), new AliasTarget(AliasRole.Demonym, e));
                }
            }

            foreach (var metonym in entity.Metonyms)
            {
                _trie.Add(Tokenizer.Words(metonym), new AliasTarget(AliasRole.Metonym, e));
            }

            foreach (var person in entity.People)
            {
                _trie.Add(Tokenizer.Words(person), new AliasTarget(AliasRole.Person, e));
            }

            if (entity.Kind == EntityKind.Force && entity.Category == "national" && entity.Country is { } countryId &&
                _entityIndex.TryGetValue((EntityKind.Country, countryId), out var country))
            {
                _nationalForceOf.TryAdd(country, e);
                // "Russian troops", "Niger's military", "France's 1,500 troops": country form, optional number, noun.
                var forms = _entities[country].Aliases.Concat(_entities[country].Demonyms).Distinct(StringComparer.Ordinal)
                    .Select(Tokenizer.Words).Where(w => w.Count is > 0 and <= 4).ToArray();
                // "Police Forces of Kenya", "South African police": the country's general police (see GeneralPolice).
                var police = GeneralPolice(policeOf.GetValueOrDefault(countryId));
                // "Ukrainian border guards", "Kyrgyz border troops": the country's border force, when the catalog has
                // exactly one; else the national force (for a border-guard national noun).
                var border = borderOf.GetValueOrDefault(countryId) is [var onlyBorder] ? onlyBorder : -1;
                // "Cameroonian gendarmes", "Mali's National Gendarmerie": the country's gendarmerie, when it has exactly one.
                var gendarmerie = gendarmerieOf.GetValueOrDefault(countryId) is [var onlyGendarmerie] ? onlyGendarmerie : -1;
                foreach (var form in forms)
                {
                    if (gendarmerie >= 0)
                    {
                        foreach (var noun in gendarmeNouns)
                        {
                            var target = new AliasTarget(AliasRole.NationalForce, gendarmerie, country, CountryTokens: (byte)form.Count);
                            _trie.Add([.. form, .. noun], target);
                            _trie.Add([.. form, .. number, .. noun], target);
                        }
                    }

                    if (border >= 0)
                    {
                        foreach (var noun in borderNouns)
                        {
                            var target = new AliasTarget(AliasRole.NationalForce, border, country, CountryTokens: (byte)form.Count);
                            _trie.Add([.. form, .. noun], target);
                            _trie.Add([.. form, .. number, .. noun], target);
                        }
                    }

                    foreach (var noun in nouns)
                    {
                        if (border >= 0 && borderNouns.Any(b => b.SequenceEqual(noun)))
                        {
                            continue;
                        }

                        var target = new AliasTarget(AliasRole.NationalForce, e, country, CountryTokens: (byte)form.Count);
                        _trie.Add([.. form, .. noun], target);
                        _trie.Add([.. form, .. number, .. noun], target);
                    }

                    // "British Typhoon jets struck", "Israeli F-35 jets hit": a model between; only where an attack follows
                    // (see NamesNoForce: "India bought French Rafale jets" names no French force).
                    foreach (var noun in modelNouns)
                    {
                        var target = new AliasTarget(AliasRole.NationalForce, e, country, CountryTokens: (byte)form.Count);
                        _trie.Add([.. form, .. model, .. noun], target);
                        _trie.Add([.. form, .. model, .. number, .. noun], target);
                    }

                    if (police >= 0)
                    {
                        foreach (var noun in policeNouns)
                        {
                            _trie.Add([.. form, .. noun], new AliasTarget(AliasRole.NationalForce, police, country, CountryTokens: (byte)form.Count));
                        }
                    }
                }

                // "the armed forces of Mali", "Military Forces of Burkina Faso" (conflict-event reports name actors so):
                // a force noun, "of", the country's name (not its demonym).
                var names = _entities[country].Aliases.Select(Tokenizer.Words).Where(w => w.Count is > 0 and <= 6).ToArray();
                foreach (var name in names)
                {
                    AddOfPatterns(ofNouns, name, new AliasTarget(AliasRole.NationalForce, e, country, CountryTokens: (byte)name.Count, CountryLast: true));
                    // With several police forces (or none) the phrase still names the country, and not its military: without
                    // this path "Police Forces of India" would read as "Forces of India".
                    AddOfPatterns(policeOfNouns, name, new AliasTarget(AliasRole.NationalForce, police, country, CountryTokens: (byte)name.Count, CountryLast: true));
                }
            }

            if (entity.Kind == EntityKind.Force && entity.Category == "national" && entity.Country is { } home &&
                _entityIndex.TryGetValue((EntityKind.Country, home), out var homeIndex))
            {
                AddBranches(e, homeIndex, childrenOf, parentlessOf);
            }

            if (entity.Kind == EntityKind.Base && entity.Number is { } baseNumber)
            {
                _basesByNumber[baseNumber] = [.. _basesByNumber.GetValueOrDefault(baseNumber, []), e];
            }
        }

        var basesAt = _entities.Select((entity, index) => (entity, index)).Where(x => x.entity.Kind == EntityKind.Base && x.entity.City is not null)
            .GroupBy(x => x.entity.City!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Select(x => x.index).ToArray(), StringComparer.OrdinalIgnoreCase);
        for (var c = 0; c < _catalog.Cities.Count; c++)
        {
            var city = _catalog.Cities[c];
            _trie.Add(Tokenizer.Words(city.Name), new AliasTarget(AliasRole.City, c), entityWords: city.Population >= City.TownPopulation);
            if (basesAt.TryGetValue(city.Name, out var hosted))
            {
                _basesByCity[c] = hosted;
            }
        }

        // A bare region name that is also a place's of the same country ("Kidal"): the city reading stays. A town abroad
        // does not hide a region ("Mount Lebanon" is the Lebanese governorate, not the Pennsylvania town), and a city
        // abroad leaves it a second reading that the text's countries choose ("Portland" is the US city unless the text
        // is about Jamaica; "Santa Catarina" beside Brazil is the Brazilian state, not the Mexican city).
        var placeNames = new HashSet<(string, string)>(_catalog.Cities.Select(c => (c.Name.ToUpperInvariant(), c.Country)));
        for (var s = 0; s < _catalog.Shadows.Count; s++)
        {
            var shadow = _catalog.Shadows[s];
            if (shadow.Kind == ShadowKind.Region && !NamesItselfARegion(shadow.Name) &&
                shadow.Country is { } regionCountry && placeNames.Contains((shadow.Name.ToUpperInvariant(), regionCountry)))
            {
                continue;
            }

            var implied = shadow.Country is { } shadowCountry && _entityIndex.TryGetValue((EntityKind.Country, shadowCountry), out var index) ? index : -1;
            _trie.Add(Tokenizer.Words(shadow.Name), new AliasTarget(AliasRole.Shadow, s, Extra: implied));
        }

        foreach (var region in _catalog.Regions)
        {
            if (region.NamesCountry is not null)
            {
                continue; // the country's name (see ResolveStatesNamedLikeCountries)
            }

            if (_entityIndex.TryGetValue((EntityKind.Country, region.Country), out var regionCountry))
            {
                _trie.Add(Tokenizer.Words(region.Name), new AliasTarget(region.DatelineOnly ? AliasRole.DatelineRegion : AliasRole.Region, regionCountry));
            }
        }

        foreach (var pattern in (string[])["Air Base #num", "Airbase #num", "Air base #num", "BA #num", "Base Aérienne #num", "Air Force Base #num"])
        {
            _trie.Add(Words(pattern), new AliasTarget(AliasRole.NumberedBase, -1, Extra: Words(pattern).FindIndex(w => w.Word == "#num")));
        }

        foreach (var pattern in (string[])["Camp #cap", "Fort #cap", "#cap Naval Base", "#cap Air Base", "#cap Air Force Base", "#cap Airbase", "Naval Station #cap", "Naval Air Station #cap", "#cap Military Base", "#cap #cap Air Base", "#cap #cap Naval Base",
                     "Fort #cap #cap", "Camp #cap #cap", "Camp #cap #cap #cap", "Naval Base #cap", "Naval Base #cap #cap", "PAF Base #cap", "PAF Base #cap #cap",
                     "PNS #cap", "#cap #cap Military Base", "#cap Cantonment"])
        {
            _trie.Add(Words(pattern), new AliasTarget(AliasRole.NamedBasePattern, -1));
        }

        foreach (var (noun, flags) in (ReadOnlySpan<(string, int)>)[("base", 0), ("airbase", 0), ("air base", 0), ("airfield", 0), ("military base", 0), ("air force base", 0), ("drone base", 1), ("airport", 2), ("international airport", 2)])
        {
            _trie.Add(Tokenizer.Words(noun), new AliasTarget(AliasRole.BaseNoun, -1, Extra: flags));
        }
    }

    /// <summary>"Russians", "Pakistanis", "Spaniards": demonyms that name people take an s; "British", "Chinese", "Swiss" do not.</summary>
    private static string? Plural(string demonym) =>
        demonym.Length > 3 && char.IsLetter(demonym[^1]) && !demonym.EndsWith("ese", StringComparison.Ordinal) &&
        !demonym.EndsWith("sh", StringComparison.Ordinal) && !demonym.EndsWith("ch", StringComparison.Ordinal) &&
        !demonym.EndsWith('s') && !demonym.EndsWith('y') && !demonym.Contains(' ', StringComparison.Ordinal)
            ? demonym + "s"
            : null;

    /// <summary>An alias without a leading "the" ("the National Front for …"): matching starts at every word, so the
    /// shorter form finds both "the National Front …" and "National Front …" (and "the" never starts a trie walk).</summary>
    private static IEnumerable<string> WithoutArticle(string alias)
    {
        yield return alias.StartsWith("the ", StringComparison.OrdinalIgnoreCase) && alias.Length > 4 ? alias[4..] : alias;
    }

    private static List<(string Word, TokenFlags Flags)> Words(string pattern) =>
        pattern.Split(' ').SelectMany(piece => piece.StartsWith('#') ? [(piece, TokenFlags.None)] : Tokenizer.Words(piece)).ToList();

    /// <summary>The scratch of one tagging call (tokens of each field and the raw matches); one per thread is kept and
    /// reused, so its lists keep their capacity.</summary>
    private sealed class MatchState : IDisposable
    {
        [ThreadStatic]
        private static MatchState? t_cached;

        public readonly List<FieldTokens> Fields = [];
        public readonly List<Hit> Hits = [];
        public readonly List<AliasTarget> Targets = [];

        /// <summary>This thread's cached state, or a new one when it is in use (or was never made).</summary>
        public static MatchState Rent()
        {
            var state = t_cached ?? new MatchState();
            t_cached = null;
            t_otherPeople?.Clear();
            return state;
        }

        public void Dispose()
        {
            foreach (var field in Fields)
            {
                ArrayPool<Token>.Shared.Return(field.Tokens);
            }

            Fields.Clear();
            Hits.Clear();
            Targets.Clear();
            if (Hits.Capacity > 4096 || Targets.Capacity > 4096)
            {
                return; // one huge text should not pin its buffers for the thread's lifetime
            }

            t_cached = this;
        }
    }

    private sealed record FieldTokens(ArticleField Field, string Text, Token[] Tokens, int Count);

    private readonly record struct Hit(int FieldIndex, int First, int End, int TargetStart, int TargetCount);
}
