using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace NewsIndex.Entities;

public sealed partial class EntityTagger
{
    /// <summary>Turns raw matches into mentions, resolving ambiguous ones by the article's context.</summary>
    private List<EntityMention> Resolve(MatchState state, DateTimeOffset? published)
    {
        var countryCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var forceMentions = 0;
        foreach (var hit in state.Hits)
        {
            if (SingleEntity(state, hit) is { } entity)
            {
                var country = entity.Kind == EntityKind.Country ? entity.Id : entity.Country;
                if (country is not null)
                {
                    countryCounts[country] = countryCounts.GetValueOrDefault(country) + 1;
                }

                forceMentions += entity.Kind == EntityKind.Force || FirstTarget(state, hit, AliasRole.NationalForce) is { Entity: >= 0 } ? 1 : 0;
            }
            else if (state.Fields[hit.FieldIndex].Field == ArticleField.Dateline && FirstTarget(state, hit, AliasRole.City) is not null && !DatelineHasRegion(state, hit.FieldIndex)
                && DatelineCity(state, hit) is >= 0 and var datelineCity)
            {
                var cityCountry = _catalog.Cities[datelineCity].Country;
                countryCounts[cityCountry] = countryCounts.GetValueOrDefault(cityCountry) + 2;
            }
        }

        var topCountry = countryCounts.Count == 0 ? null : countryCounts.MaxBy(kv => kv.Value).Key;
        (t_locativePlaces ??= []).Clear();
        (t_strongPlaces ??= []).Clear();
        t_institutionPlaces?.Clear();
        t_personLikePlaces?.Clear();
        (t_cityPlaces ??= []).Clear();
        t_metropolises?.Clear();
        (t_towns ??= []).Clear();
        (t_people ??= []).Clear();
        var mentions = new List<EntityMention>();
        var baseNouns = new List<int>();
        List<(int Hit, int Noun, int Preceding)>? bareBranches = null;
        List<int>? contextNames = null;
        var people = false;
        for (var h = 0; h < state.Hits.Count; h++)
        {
            var hit = state.Hits[h];
            var field = state.Fields[hit.FieldIndex];
            var targets = CollectionsMarshal.AsSpan(state.Targets).Slice(hit.TargetStart, hit.TargetCount);
            if (targets.IsEmpty)
            {
                continue;
            }

            var national = IndexOf(targets, AliasRole.NationalForce);
            if (national >= 0 && targets[national].Entity >= 0 && NamedBranch(targets, targets[national].Entity) is { } branch)
            {
                // "Sri Lanka Coast Guard", "Kenya Army": an official branch name is more specific than the pattern.
                // Like any named force, it names no country mention of its own.
                Add(mentions, field, hit.First, hit.End, _entities[branch]);
                continue;
            }

            if (national >= 0)
            {
                var target = targets[national];
                if (target.Entity < 0 || !target.CountryLast && NamesNoForce(field, hit, target.CountryTokens))
                {
                    // "Police Forces of India": the country, whose police the catalog cannot choose. "Ukraine's military
                    // intelligence", "Soviet military spending": the country, but no armed force.
                    var (first, end) = target.CountryLast ? (hit.End - target.CountryTokens, hit.End) : (hit.First, hit.First + target.CountryTokens);
                    Add(mentions, field, first, end, _entities[target.Extra]);
                    continue;
                }

                Add(mentions, field, hit.First, hit.End, _entities[target.Entity]);
                if (target.CountryLast)
                {
                    Add(mentions, field, hit.End - target.CountryTokens, hit.End, _entities[target.Extra]);
                }
                else
                {
                    Add(mentions, field, hit.First, hit.First + target.CountryTokens, _entities[target.Extra]);
                }
                AddCoordinated(state, h, mentions);
                continue;
            }

            if (NamedEntity(targets, countryCounts) is { } named && !AnotherCountrysCity(targets, named, countryCounts))
            {
                var person = IsPerson(targets, named);
                // A state's abbreviation after a place in the body ("near Winnemucca, Nev.") says where the place is,
                // like a city does: an implied mention (in a dateline it names the country).
                var stateOfAPlace = field.Field != ArticleField.Dateline && IndexOf(targets, AliasRole.DatelineRegion) >= 0;
                Add(mentions, field, hit.First, hit.End, _entities[named], implied: person || stateOfAPlace);
                if (_entities[named].Kind == EntityKind.Base && IsOneOf(field, hit.End - 1, ["bases", "airbases"]))
                {
                    // "al-Khadim and al-Jufra air bases": the article before the last name belongs to it.
                    AddCoordinatedBases(field, hit.First > 0 && IsOneOf(field, hit.First - 1, ArabicArticles) ? hit.First - 1 : hit.First, mentions);
                }

                if (stateOfAPlace)
                {
                    // It locates the place, so a text that names no country keeps it (see DropUnsupportedPlaces).
                    t_locativePlaces!.Add(PlaceKey(field.Field, field.Tokens[hit.First].Start));
                }

                if (person)
                {
                    t_people!.Add(PlaceKey(mentions[^1]));
                    people = true;
                }

                continue;
            }

            if (IndexOf(targets, AliasRole.ContextName) >= 0)
            {
                // Its country may yet be named by a place ("the KIA shelled a camp in Bhamo"): see ResolveByPlaces.
                (contextNames ??= []).Add(h);
            }

            var bare = IndexOf(targets, AliasRole.BareBranch);
            if (bare >= 0)
            {
                // Resolved once every name is known (see ResolveBareBranches); remember what preceded it.
                (bareBranches ??= []).Add((h, targets[bare].Entity, mentions.Count));
                continue;
            }

            var shadow = IndexOf(targets, AliasRole.Shadow);
            if (shadow >= 0 && !CityAbroadWins(targets, countryCounts))
            {
                // The longer name has consumed its words; only a region says something: it is in its country (an implied
                // mention, kept only with support, see DropUnsupportedPlaces). Organisations, features and world regions
                // imply no country.
                if (RegionCountry(targets, countryCounts) is var regionCountry and >= 0)
                {
                    // "the Mopti region", "Panjshir province": a region word after the name, in any case, is part of it
                    // and says it is a region (see NamesItselfAPlace).
                    var end = hit.End < field.Count && IsRegionWord(field, hit.End) ? hit.End + 1 : hit.End;
                    Add(mentions, field, hit.First, end, _entities[regionCountry], implied: true);
                    NoteInstitution(field, hit.First, end);

                    // A region named like its own city counts beside other countries as the city would ("in Tulkarm").
                    var sameNamedCity = IndexOf(targets, AliasRole.City) is var c and >= 0 && _catalog.Cities[targets[c].Entity] is var candidate
                        && candidate.Country == _entities[regionCountry].Id ? candidate : null;
                    NoteLocative(field, hit.First, end, besideOthers: sameNamedCity is not null && !GuessedAmongCities(targets, countryCounts)
                        && CountsBesideOthers(field, hit, sameNamedCity));
                }

                continue;
            }

            var numbered = IndexOf(targets, AliasRole.NumberedBase);
            if (numbered >= 0)
            {
                var numberToken = field.Tokens[hit.First + targets[numbered].Extra];
                var number = new string(field.Text.AsSpan(numberToken.Start, numberToken.End - numberToken.Start).ToArray().Where(char.IsDigit).ToArray());
                if (_basesByNumber.TryGetValue(number, out var candidates))
                {
                    Add(mentions, field, hit.First, hit.End, _entities[Choose(candidates, countryCounts)]);
                }
                else
                {
                    AddUnlisted(mentions, field, hit, topCountry, $"air-base-{number}");
                }

                continue;
            }

            if (IndexOf(targets, AliasRole.NamedBasePattern) >= 0 && IndexOf(targets, AliasRole.City) < 0)
            {
                AddUnlisted(mentions, field, hit, topCountry, Slug(field.Text[field.Tokens[hit.First].Start..field.Tokens[hit.End - 1].End]));
                continue;
            }

            if (field.Field == ArticleField.Dateline && FirstTarget(state, hit, AliasRole.City) is not null && !DatelineHasRegion(state, hit.FieldIndex))
            {
                var country = DatelineCity(state, hit) is >= 0 and var datelineCity ? _catalog.Get(EntityKind.Country, _catalog.Cities[datelineCity].Country) : null;
                if (country is not null)
                {
                    Add(mentions, field, hit.First, hit.End, country);
                }

                continue;
            }

            if (IndexOf(targets, AliasRole.BaseNoun) >= 0)
            {
                baseNouns.Add(h);
            }
            else if (field.Field != ArticleField.Dateline)
            {
                // A city outside the dateline names its country only with support, like a region ("JNIM attacked FAMa
                // near Mopti", "Goma, North Kivu"): each country of a city of that name gets an implied mention, and
                // DropUnsupportedPlaces keeps those that other evidence confirms.
                AddImpliedCityCountries(mentions, field, hit, targets, countryCounts);
            }
        }

        if (bareBranches is not null)
        {
            forceMentions += ResolveBareBranches(state, bareBranches, mentions);
        }

        forceMentions += AddNumberedUnits(state, mentions);

        if (forceMentions > 0 || mentions.Exists(static m => m.Kind is EntityKind.Base or EntityKind.Force))
        {
            ResolveIndirectBases(state, baseNouns, mentions);
            AddHomeCountries(mentions);
            AddCountriesNamedInForceNames(mentions);
        }

        ApplyHistory(mentions, published);
        DropPlacesOfAnotherCountrysState(mentions, state.Fields);
        ResolveStatesNamedLikeCountries(mentions, fields: state.Fields);
        DropUnsupportedPlaces(mentions, _catalog, state.Fields);
        if (contextNames is not null)
        {
            ResolveByPlaces(state, contextNames, mentions);
        }

        // After every name is resolved (ResolveByPlaces adds the acronyms: "FMLN", "ZANU").
        if (mentions.Exists(static m => m.Kind == EntityKind.Force))
        {
            DropPartiesOutOfArms(state, mentions);
        }

        if (people)
        {
            DropPeopleOfNamedCountries(mentions);
        }

        mentions.Sort(static (a, b) => a.Field != b.Field ? a.Field.CompareTo(b.Field) : a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        return mentions;
    }

    /// <summary>
    /// "Turkish and Syrian troops", "American, British and French forces", "Iraqi/Iranian soldiers": the countries
    /// coordinated before a national-military phrase share its noun, so each names its national military too.
    /// </summary>
    private void AddCoordinated(MatchState state, int head, List<EntityMention> mentions)
    {
        var current = state.Hits[head];
        var field = state.Fields[current.FieldIndex];
        var conjunction = false;
        for (var p = head - 1; p >= 0; p--)
        {
            // A list reads "A, B and C troops": a comma joins only items before the conjunction, and only adjectives
            // ("In Niger, US and Russian troops" does not make Niger's military).
            var previous = state.Hits[p];
            var link = previous.FieldIndex == current.FieldIndex ? Coordinated(field, previous.End, current.First) : Link.None;
            var demonym = HasRole(state, previous, AliasRole.Demonym);
            if (link == Link.None || (link == Link.Comma && (!conjunction || !demonym)) ||
                SingleEntity(state, previous) is not { Kind: EntityKind.Country } country ||
                (!demonym && !HasRole(state, previous, AliasRole.Name)) || field.Tokens[previous.End - 1].Has(TokenFlags.Possessive) ||
                !_entityIndex.TryGetValue((EntityKind.Country, country.Id), out var countryIndex) ||
                !_nationalForceOf.TryGetValue(countryIndex, out var force))
            {
                return;
            }

            Add(mentions, field, previous.First, previous.End, _entities[force]);
            conjunction |= link == Link.Conjunction;
            current = previous;
        }
    }

    private enum Link
    {
        None,
        Comma,
        Conjunction,
    }

    /// <summary>What separates two hits: a conjunction ("and", "or", "/", "&amp;", with an optional serial comma), a comma, or something else.</summary>
    private static Link Coordinated(FieldTokens field, int end, int first)
    {
        if (end <= 0 || first < end || first - end > 1)
        {
            return Link.None;
        }

        if (first - end == 1)
        {
            var word = field.Tokens[end];
            var text = field.Text.AsSpan(word.Start, word.End - word.Start);
            return (text.Equals("and", StringComparison.OrdinalIgnoreCase) || text.Equals("or", StringComparison.OrdinalIgnoreCase)) &&
                   Separator(field.Text.AsSpan(field.Tokens[end - 1].End, word.Start - field.Tokens[end - 1].End), allowComma: true) &&
                   Separator(field.Text.AsSpan(word.End, field.Tokens[first].Start - word.End), allowComma: false)
                ? Link.Conjunction
                : Link.None;
        }

        var gap = field.Text.AsSpan(field.Tokens[end - 1].End, field.Tokens[first].Start - field.Tokens[end - 1].End);
        return !Separator(gap, allowComma: true) ? Link.None
            : gap.IndexOfAny("/&") >= 0 ? Link.Conjunction
            : gap.IndexOf(',') >= 0 ? Link.Comma
            : Link.None;
    }

    private static bool Separator(ReadOnlySpan<char> gap, bool allowComma)
    {
        var marks = 0;
        foreach (var c in gap)
        {
            if (c is ',' or '/' or '&')
            {
                if (++marks > 1 || (c == ',' && !allowComma))
                {
                    return false;
                }
            }
            else if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Words that put a movement's name in an armed context ("SWAPO guerrillas", "Frelimo troops attacked").</summary>
    private static readonly string[] ArmedContextWords =
    [
        "fighters", "fighter", "guerrillas", "guerrilla", "rebels", "rebel", "troops", "soldiers", "militia", "militias",
        "militiamen", "insurgents", "insurgency", "insurgent", "armed", "army", "attack", "attacked", "attacks", "killed",
        "ambush", "ambushed", "war", "forces", "combatants", "clashes", "clashed", "offensive", "bombing", "gunmen",
        "military", "camp", "camps", "wing", "brigades", "shelled", "raid", "raided",
    ];

    /// <summary>
    /// A movement that is now mainly a political party (tag <c>party</c>: Frelimo, the Rwandan Patriotic Front, the ANC,
    /// Fatah, the Nepali Congress) names an armed force only in an armed context: a word such as "guerrillas",
    /// "troops", "attacked" or "war" within six words of its name in the same sentence. "Frelimo's Daniel Chapo won" and
    /// "Rwanda's ruling party, the Rwandan Patriotic Front" name a party; "SWAPO guerrillas" and "ANC attacks" a force.
    /// </summary>
    private void DropPartiesOutOfArms(MatchState state, List<EntityMention> mentions)
    {
        mentions.RemoveAll(mention => mention.Kind == EntityKind.Force && _catalog.Get(EntityKind.Force, mention.Id) is { } force &&
            force.Tags.Contains("party") && !InArmedContext(state, mention));
    }

    private static bool InArmedContext(MatchState state, EntityMention mention)
    {
        foreach (var field in state.Fields)
        {
            if (field.Field != mention.Field)
            {
                continue;
            }

            // The mention's first and last token (binary search: tokens are in text order).
            var first = LowerBound(field, mention.Start);
            if (first >= field.Count || field.Tokens[first].Start != mention.Start)
            {
                continue;
            }

            var end = first;
            while (end < field.Count && field.Tokens[end].Start < mention.End)
            {
                end++;
            }

            // "People's Liberation Army of Namibia" is armed by its own name.
            for (var t = Math.Max(0, first - 6); t < Math.Min(field.Count, end + 6); t++)
            {
                if ((t >= first && t < end || !CrossesSentence(field, Math.Min(t, first), Math.Max(t, first))) && IsOneOf(field, t, ArmedContextWords))
                {
                    return true;
                }
            }

            return false;
        }

        return true;
    }

    private static int LowerBound(FieldTokens field, int start)
    {
        int lo = 0, hi = field.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (field.Tokens[mid].Start < start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>True when a base's own name ends right before the base noun.</summary>
    private bool AfterABaseName(MatchState state, int index)
    {
        // Hits are in text order within a field: look back from the noun only as far as the words before it.
        var noun = state.Hits[index];
        for (var h = index - 1; h >= 0 && h >= index - 4; h--)
        {
            var other = state.Hits[h];
            if (other.FieldIndex == noun.FieldIndex && other.End == noun.First)
            {
                foreach (var target in CollectionsMarshal.AsSpan(state.Targets).Slice(other.TargetStart, other.TargetCount))
                {
                    if (target.Role == AliasRole.Name && _entities[target.Entity].Kind == EntityKind.Base)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>"the base in Agadez", "the drone base": a base noun resolved by a nearby city or by the article's country.</summary>
    private void ResolveIndirectBases(MatchState state, List<int> baseNouns, List<EntityMention> mentions)
    {
        foreach (var nounIndex in baseNouns)
        {
            var noun = state.Hits[nounIndex];
            var field = state.Fields[noun.FieldIndex];
            if (AfterABaseName(state, nounIndex))
            {
                continue; // "Turkey's TURKSOM base in Mogadishu": the noun is the named base's, not another base of the city
            }

            var flags = state.Targets.GetRange(noun.TargetStart, noun.TargetCount).First(t => t.Role == AliasRole.BaseNoun).Extra;
            int[]? candidates = null;
            foreach (var other in state.Hits)
            {
                if (other.FieldIndex != noun.FieldIndex || Math.Abs(other.First - noun.First) > IndirectWindow ||
                    FirstTarget(state, other, AliasRole.City) is not { } city || !_basesByCity.TryGetValue(city.Entity, out var hosted) ||
                    CrossesSentence(field, Math.Min(other.First, noun.First), Math.Max(other.First, noun.First))
                    || LocatesANamedBase(mentions, field, other.First))
                {
                    continue;
                }

                candidates = (flags & 2) != 0 ? hosted.Where(b => _entities[b].Tags.Contains("airport")).ToArray() : hosted;
                break;
            }

            if ((candidates is null || candidates.Length == 0) && (flags & 1) != 0)
            {
                candidates = DroneBaseByContext(state, noun, mentions);
            }

            if (candidates is { Length: 1 })
            {
                Add(mentions, field, noun.First, noun.End, _entities[candidates[0]]);
            }
        }
    }

    /// <summary>"RAF Marham in Norfolk … the base": a place that says where a named base is does not offer its own bases.</summary>
    private static bool LocatesANamedBase(List<EntityMention> mentions, FieldTokens field, int cityToken)
    {
        var start = field.Tokens[cityToken].Start;
        foreach (var mention in mentions)
        {
            if (mention.Kind == EntityKind.Base && mention.Field == field.Field && mention.End <= start && start - mention.End <= 8
                && field.Text.AsSpan(mention.End, start - mention.End).Trim() is var gap && (gap.IsEmpty || gap is "," || gap.Equals("in", StringComparison.OrdinalIgnoreCase)
                    || gap.Equals("near", StringComparison.OrdinalIgnoreCase) || gap.Equals(", near", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "the drone base" with no place named: a drone base the article already names, else the one in the most
    /// mentioned host country, leaving out the country of a modifier ("American drone base" is operated by, not in, the US).
    /// </summary>
    private int[] DroneBaseByContext(MatchState state, Hit noun, List<EntityMention> mentions)
    {
        var drone = _entities.Select((e, index) => (e, index)).Where(x => x.e.Kind == EntityKind.Base && x.e.Tags.Contains("drone")).ToArray();
        var named = drone.Where(x => mentions.Exists(m => m.Kind == EntityKind.Base && m.Id == x.e.Id)).Select(x => x.index).ToArray();
        if (named.Length > 0)
        {
            return named;
        }

        var modifier = state.Hits.Where(h => h.FieldIndex == noun.FieldIndex && h.End == noun.First).Select(h => SingleEntity(state, h)).FirstOrDefault();
        var counts = mentions.Where(m => m.Kind == EntityKind.Country && m.Id != modifier?.Id)
            .GroupBy(m => m.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var ranked = drone.Where(x => counts.ContainsKey(x.e.Country ?? string.Empty))
            .GroupBy(x => counts[x.e.Country!]).OrderByDescending(g => g.Key).FirstOrDefault();
        return ranked is null ? [] : ranked.Select(x => x.index).ToArray();
    }

    private static bool CrossesSentence(FieldTokens field, int from, int to)
    {
        for (var t = from + 1; t <= to; t++)
        {
            if (field.Tokens[t].Has(TokenFlags.SentenceStart))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "Paris, Texas", "Moscow, Idaho", "Lebanon, Tennessee", "London, Ontario", "Athens, Georgia": a place right before
    /// a comma and another country's state or province is that state's town, not the country's place, so its mention
    /// goes; a state named like a country ("Georgia") is then the state.
    /// </summary>
    private void DropPlacesOfAnotherCountrysState(List<EntityMention> mentions, List<FieldTokens> fields)
    {
        var removed = 0;
        var count = mentions.Count;
        for (var i = 0; i < count; i++)
        {
            var place = mentions[i];
            if (place.Kind != EntityKind.Country || FieldOf(fields, place.Field) is not { } field
                || StateAfterComma(field.Text, place.End) is not var (stateStart, stateEnd, stateCountry) || stateCountry == place.Id)
            {
                continue;
            }

            // The state's own mention, if the matcher made one, comes right after (mentions follow the text here).
            var stateMention = -1;
            for (var m = i + 1; m < mentions.Count && m <= i + 3 && stateMention < 0; m++)
            {
                stateMention = mentions[m].Kind == EntityKind.Country && mentions[m].Field == place.Field && mentions[m].Start == stateStart ? m : -1;
            }

            // "Tbilisi, Georgia" is the country's own place; in "Russia, Georgia and Ukraine" the matcher read the country;
            // "London, New York and Tokyo" is a list of places, not a town and its state.
            if (stateMention >= 0 && (mentions[stateMention].Id == place.Id || mentions[stateMention].Id != stateCountry && !mentions[stateMention].Implied)
                || place.Field != ArticleField.Dateline && ListGoesOn(field.Text, stateEnd)) // "DUBLIN, Ohio, March 5" is no list
            {
                continue;
            }

            var stateText = field.Text[stateStart..stateEnd];
            if (place.Implied || _catalog.Get(EntityKind.Country, place.Id) is not { } named
                || !(string.Equals(named.Name, place.Text, StringComparison.OrdinalIgnoreCase) || named.Aliases.Contains(place.Text, StringComparer.OrdinalIgnoreCase)))
            {
                // A city's or a capital's reading ("Moscow"), not the country's own name ("Lebanon, Tennessee" leaves "Lebanon" alone).
                (t_townsOfOtherStates ??= []).Add((place.Text, place.Id));
            }

            mentions[i] = place with { Id = "" };
            removed++;
            if (stateMention < 0)
            {
                // "Athens, Georgia": the matcher read no country there (a country name after another country's city).
                mentions.Add(new EntityMention(EntityKind.Country, stateCountry, stateText, stateStart, stateEnd, place.Field));
            }
            else if (mentions[stateMention].Id != stateCountry)
            {
                mentions[stateMention] = mentions[stateMention] with { Id = stateCountry, Implied = true };
            }
        }

        if (removed > 0)
        {
            // One name, one place in a text: "Moscow, Idaho … the Moscow Police Department" is the town both times.
            var towns = t_townsOfOtherStates ??= [];
            for (var i = 0; i < mentions.Count; i++)
            {
                var mention = mentions[i];
                foreach (var (text, country) in towns)
                {
                    if (mention.Kind == EntityKind.Country && mention.Id == country && string.Equals(mention.Text, text, StringComparison.OrdinalIgnoreCase))
                    {
                        mentions[i] = mention with { Id = "" };
                        break;
                    }
                }
            }

            towns.Clear();
            mentions.RemoveAll(static m => m.Id.Length == 0);
        }
    }

    /// <summary>The names and countries of the places DropPlacesOfAnotherCountrysState found to be another country's towns.</summary>
    [ThreadStatic]
    private static List<(string Text, string Country)>? t_townsOfOtherStates;

    /// <summary>Whether the text at <paramref name="at"/> ends a phrase: its end, or a point, comma, semicolon, colon or bracket.</summary>
    private static bool EndsAPhrase(string text, int at)
    {
        var rest = text.AsSpan(at).TrimStart(' ');
        return rest.IsEmpty || rest[0] is '.' or ',' or ';' or ':' or ')' or '\n';
    }

    /// <summary>Whether a list of names goes on after <paramref name="at"/>: ", Tokyo", " and Tokyo", ", and Tokyo".</summary>
    private static bool ListGoesOn(string text, int at)
    {
        var rest = text.AsSpan(at).TrimStart(' ');
        var comma = rest.StartsWith(",");
        rest = (comma ? rest[1..] : rest).TrimStart(' ');
        foreach (var conjunction in (ReadOnlySpan<string>)["and ", "or "])
        {
            if (rest.StartsWith(conjunction, StringComparison.Ordinal))
            {
                return rest.Length > conjunction.Length && char.IsUpper(rest[conjunction.Length]);
            }
        }

        return comma && rest.Length > 0 && char.IsUpper(rest[0]);
    }

    /// <summary>The field's tokens (without a closure: this runs for every place).</summary>
    private static FieldTokens? FieldOf(List<FieldTokens> fields, ArticleField field)
    {
        foreach (var candidate in fields)
        {
            if (candidate.Field == field)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The state or province named right after a comma at <paramref name="at"/> (its span and country), if any: up to three words.</summary>
    private (int Start, int End, string Country)? StateAfterComma(string text, int at)
    {
        var i = at;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        if (i >= text.Length || text[i] != ',')
        {
            return null;
        }

        i++;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        (int, int, string)? found = null;
        var end = i;
        for (var words = 0; words < 3 && end < text.Length && char.IsUpper(text[end]); words++)
        {
            while (end < text.Length && (char.IsLetter(text[end]) || text[end] == '.'))
            {
                end++;
            }

            var written = text.AsSpan(i, end - i);
            var candidate = written.TrimEnd('.');
            if (candidate.Length > 0 && _stateNameShapes.Contains((candidate[0], candidate.Length)) && _stateCountries.TryGetValue(candidate.ToString(), out var country)
                && (written.Length > candidate.Length || !_datelineOnlyStates.Contains(candidate.ToString())))
            {
                found = (i, end, country);
            }

            if (end >= text.Length || text[end] != ' ')
            {
                break;
            }

            end++;
        }

        return found;
    }

    /// <summary>
    /// A state named like a country (countries.json: a region with <c>namesCountry</c>): "Georgia" is the US state where the text places itself in that state's country and says nothing else of the
    /// country Georgia: a US place ("Georgia voters went to the polls in Atlanta") or a US dateline, and no other
    /// name of Georgia ("Tbilisi", "Georgian"). It becomes an implied mention of the US, like any state's name; a US
    /// named only as another actor ("Russia invaded Georgia; the US protested") leaves the country.
    /// </summary>
    private void ResolveStatesNamedLikeCountries(List<EntityMention> mentions, List<FieldTokens> fields)
    {
        foreach (var (name, country, state) in _statesNamedLikeCountries)
        {
            var statePlaces = false;
            var county = false;
            var otherNames = false;
            var found = false;
            foreach (var mention in mentions)
            {
                if (mention.Kind != EntityKind.Country)
                {
                    continue;
                }

                if (mention.Id == country)
                {
                    var same = mention.Text.Equals(name, StringComparison.OrdinalIgnoreCase);
                    found |= same;
                    otherNames |= !same;
                    county = county || same && FieldOf(fields, mention.Field) is { } field && WithACounty(field.Text, mention.Start, mention.End);
                }
                else if (mention.Id == state && (mention.Implied || mention.Field == ArticleField.Dateline
                    || _stateNameShapes.Contains((mention.Text[0], mention.Text.Length)) && _stateCountries.TryGetValue(mention.Text, out var of) && of == state))
                {
                    statePlaces = true; // a place of the state's country, or another of its states
                }
            }

            if (!found || otherNames || !(statePlaces || county))
            {
                continue;
            }

            // A county says itself that the name is the state, as a region word does ("Niger State"): no support needed.
            for (var m = 0; m < mentions.Count; m++)
            {
                if (mentions[m].Kind == EntityKind.Country && mentions[m].Id == country)
                {
                    mentions[m] = mentions[m] with { Id = state, Implied = !county };
                }
            }
        }
    }

    /// <summary>"Georgia's Fulton County", "Fulton County, Georgia": a county of the name says it is the state.</summary>
    private static bool WithACounty(string text, int start, int end) =>
        CountyAfter().IsMatch(text.AsSpan(end, Math.Min(40, text.Length - end))) || CountyBefore().IsMatch(text.AsSpan(Math.Max(0, start - 40), start - Math.Max(0, start - 40)));

    [GeneratedRegex(@"^['’]s(\s+\p{Lu}\p{Ll}+){1,2}\s+County\b")]
    private static partial Regex CountyAfter();

    [GeneratedRegex(@"\b\p{Lu}\p{Ll}+\s+County,\s*$")]
    private static partial Regex CountyBefore();

    /// <summary>Before a state's end, mentions of the countries it covered mean that state (Moscow in 1987: the USSR).</summary>
    private void ApplyHistory(List<EntityMention> mentions, DateTimeOffset? published)
    {
        DateOnly? today = published is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : null;

        // A former state's city that is a present country's today ("Aden", South Yemen's capital and Yemen's since
        // 1990) names the state only in an article dated before the state's end; otherwise (undated too) today's country.
        for (var m = 0; m < mentions.Count; m++)
        {
            var mention = mentions[m];
            if (mention.Kind == EntityKind.Country && _formerStates.TryGetValue(mention.Id, out var former) &&
                (today is null || today >= former.Until) && _catalog.FindCity(mention.Text) is { } city && city.Country != former.Id &&
                _catalog.Get(EntityKind.Country, city.Country) is { Until: null })
            {
                mentions[m] = mention with { Id = city.Country };
            }
        }

        if (today is not { } day)
        {
            return;
        }

        foreach (var historical in _historical)
        {
            if (day >= historical.Until)
            {
                continue;
            }

            for (var m = 0; m < mentions.Count; m++)
            {
                var mention = mentions[m];
                if (mention.Kind == EntityKind.Country && historical.Covers.Contains(mention.Id))
                {
                    mentions[m] = mention with { Id = historical.Id };
                }
                else if (mention.Kind == EntityKind.Force && historical.Covers.Any(c => mention.Id == EntityCatalog.NationalForceId(c)))
                {
                    mentions[m] = mention with { Id = EntityCatalog.NationalForceId(historical.Id) };
                }
            }
        }
    }

    private Entity? SingleEntity(MatchState state, Hit hit)
    {
        Entity? found = null;
        for (var t = hit.TargetStart; t < hit.TargetStart + hit.TargetCount; t++)
        {
            var target = state.Targets[t];
            // Context names do not make context (that would be circular), and a name another force may share by
            // context ("SDF") is not evidence for either; a shadow counts only through its implied country.
            if (target.Role == AliasRole.ContextName)
            {
                for (var other = hit.TargetStart; other < hit.TargetStart + hit.TargetCount; other++)
                {
                    if (state.Targets[other].Role != AliasRole.ContextName && state.Targets[other].Entity != target.Entity)
                    {
                        return null;
                    }
                }

                continue;
            }

            if (target.Role is AliasRole.City or AliasRole.BaseNoun or AliasRole.NamedBasePattern or AliasRole.NumberedBase ||
                (target.Role == AliasRole.Shadow && target.Extra < 0))
            {
                continue;
            }

            var entity = _entities[target.Role is AliasRole.NationalForce or AliasRole.Shadow ? target.Extra : target.Entity];
            if (found is not null && !ReferenceEquals(found, entity))
            {
                return null;
            }

            found = entity;
        }

        // A capital that is also a big city abroad ("Tripoli": Libya's capital, Lebanon's second city) is no evidence
        // for either country until the text says which (see AnotherCountrysCity).
        if (found is { Kind: EntityKind.Country })
        {
            for (var t = hit.TargetStart; t < hit.TargetStart + hit.TargetCount; t++)
            {
                if (state.Targets[t].Role == AliasRole.City && _catalog.Cities[state.Targets[t].Entity].Country != found.Id)
                {
                    return null;
                }
            }
        }

        return found;
    }

    /// <summary>
    /// The country a region name implies (an entity index), or −1. A name that regions of several countries share
    /// ("Central Region" in Ghana, Uganda, Kenya …; "Northern Province") implies the one the text otherwise names, and
    /// none when it names none of them or several equally.
    /// </summary>
    /// <summary>
    /// A name that is a region of one country and a city (100,000 people or more) of another ("Portland", "Santa
    /// Catarina") is the city unless the text names the region's country more than the city's.
    /// </summary>
    private bool CityAbroadWins(ReadOnlySpan<AliasTarget> targets, Dictionary<string, int> countryCounts)
    {
        if (IndexOf(targets, AliasRole.City) < 0)
        {
            return false;
        }

        var region = RegionCountry(targets, countryCounts);
        if (region < 0)
        {
            return false;
        }

        var regionId = _entities[region].Id;
        var best = 0;
        var cities = false;
        foreach (var target in targets)
        {
            if (target.Role == AliasRole.City && _catalog.Cities[target.Entity] is var city)
            {
                if (city.Country == regionId)
                {
                    return false;
                }

                // A town abroad does not hide a region: "Mount Lebanon" is the Lebanese governorate, not the Pennsylvania town.
                if (city.Population >= City.TownPopulation)
                {
                    cities = true;
                    best = Math.Max(best, countryCounts.GetValueOrDefault(city.Country));
                }
            }
        }

        return cities && countryCounts.GetValueOrDefault(regionId) is var named && (named == 0 || named <= best);
    }

    private int RegionCountry(ReadOnlySpan<AliasTarget> targets, Dictionary<string, int> countryCounts)
    {
        var best = -1;
        var bestCount = 0;
        var shared = false;
        foreach (var target in targets)
        {
            if (target.Role != AliasRole.Shadow || target.Extra < 0 || target.Extra == best)
            {
                continue;
            }

            if (best < 0 && !shared)
            {
                (best, bestCount) = (target.Extra, countryCounts.GetValueOrDefault(_entities[target.Extra].Id));
                continue;
            }

            // A second country: only the text's own evidence decides.
            shared = true;
            var count = countryCounts.GetValueOrDefault(_entities[target.Extra].Id);
            if (count > bestCount)
            {
                (best, bestCount) = (target.Extra, count);
            }
            else if (count == bestCount)
            {
                best = -1;
            }
        }

        return shared && bestCount == 0 ? -1 : best;
    }

    private static int IndexOf(ReadOnlySpan<AliasTarget> targets, AliasRole role)
    {
        for (var i = 0; i < targets.Length; i++)
        {
            if (targets[i].Role == role)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// True when a capital's name is read as a city of another country that the text names, while it does not name the
    /// capital's: "Tripoli, Lebanon" is Lebanon's Tripoli, not Libya's capital. The city reading then applies.
    /// </summary>
    private bool AnotherCountrysCity(ReadOnlySpan<AliasTarget> targets, int named, Dictionary<string, int> countryCounts)
    {
        var capital = _entities[named];
        if (capital.Kind != EntityKind.Country || countryCounts.GetValueOrDefault(capital.Id) > 0 || IndexOf(targets, AliasRole.Metonym) < 0)
        {
            return false;
        }

        foreach (var target in targets)
        {
            if (target.Role is not (AliasRole.Name or AliasRole.Demonym or AliasRole.Metonym or AliasRole.City or AliasRole.Shadow) ||
                (target.Role != AliasRole.City && target.Entity != named))
            {
                return false; // the words are more than a capital and cities: a name or demonym keeps its reading
            }
        }

        foreach (var target in targets)
        {
            if (target.Role == AliasRole.City && _catalog.Cities[target.Entity].Country is var cityCountry &&
                cityCountry != capital.Id && countryCounts.GetValueOrDefault(cityCountry) > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The entity a name-like alias stands for; when it names several, the one the context favours.</summary>
    private int? NamedEntity(ReadOnlySpan<AliasTarget> targets, Dictionary<string, int> countryCounts)
    {
        int? single = null;
        List<int>? several = null;
        foreach (var target in targets)
        {
            if (target.Role is not (AliasRole.Name or AliasRole.Demonym or AliasRole.Metonym or AliasRole.Person or AliasRole.Region or AliasRole.DatelineRegion or AliasRole.ContextName) ||
                (target.Role == AliasRole.ContextName && ContextScore(target.Entity, countryCounts) == 0))
            {
                continue;
            }

            if (single is null)
            {
                single = target.Entity;
            }
            else if (single != target.Entity && (several is null || !several.Contains(target.Entity)))
            {
                several ??= [single.Value];
                several.Add(target.Entity);
            }
        }

        if (several is null)
        {
            return single;
        }

        // Forces that share a name (SAF: Sudan's and Somalia's armed forces) resolve by the article's countries; when
        // they do not decide, no tag is better than a guess.
        return several.TrueForAll(e => _entities[e].Kind == EntityKind.Force) ? ChooseByContext(several, countryCounts) : Choose([.. several], countryCounts);
    }

    /// <summary>A named force of the same country at the same words as a national-military pattern (a branch, a coast guard), or null.</summary>
    private int? NamedBranch(ReadOnlySpan<AliasTarget> targets, int nationalForce)
    {
        foreach (var target in targets)
        {
            if (target.Role == AliasRole.Name && target.Entity != nationalForce && _entities[target.Entity].Kind == EntityKind.Force &&
                (string.Equals(_entities[target.Entity].Parent, _entities[nationalForce].Id, StringComparison.Ordinal) ||
                 string.Equals(_entities[target.Entity].Country, _entities[nationalForce].Country, StringComparison.Ordinal)))
            {
                return target.Entity;
            }
        }

        return null;
    }

    /// <summary>How much the article's countries speak for an entity: its own mentions for a country; for a force, the
    /// mentions of its country and areas.</summary>
    private int ContextScore(int entity, Dictionary<string, int> countryCounts)
    {
        if (_scopes[entity] is not { } scope)
        {
            return _entities[entity].Kind == EntityKind.Country ? countryCounts.GetValueOrDefault(_entities[entity].Id) : 0;
        }

        var score = 0;
        foreach (var country in scope)
        {
            score += countryCounts.GetValueOrDefault(country);
        }

        return score;
    }

    private int? ChooseByContext(List<int> candidates, Dictionary<string, int> countryCounts)
    {
        int? best = null;
        var bestScore = 0;
        var tie = false;
        foreach (var candidate in candidates)
        {
            var score = ContextScore(candidate, countryCounts);
            if (score > bestScore)
            {
                (best, bestScore, tie) = (candidate, score, false);
            }
            else if (score == bestScore && score > 0)
            {
                tie = true;
            }
        }

        return tie ? null : best;
    }

    /// <summary>The keys of the mentions the last text tagged on this thread got from a leader's name (read by
    /// <see cref="Prominence.About"/> right after <see cref="Resolve"/>).</summary>
    internal static HashSet<long>? PeopleOfLastText => t_people;

    private static bool IsPerson(ReadOnlySpan<AliasTarget> targets, int entity)
    {
        var person = false;
        foreach (var target in targets)
        {
            if (target.Entity == entity && target.Role != AliasRole.City)
            {
                if (target.Role != AliasRole.Person)
                {
                    return false; // also the country's name, demonym or metonym
                }

                person = true;
            }
        }

        return person;
    }

    /// <summary>
    /// A leader's name stands for the country only where the text does not name the country itself: "Milei's government
    /// devalued the peso" is about Argentina, while in "Reagan said the U.S. would…" the U.S. is already named, and counting
    /// the name too would make it crowd out the other countries of the story.
    /// </summary>
    private static void DropPeopleOfNamedCountries(List<EntityMention> mentions)
    {
        var people = t_people!;
        var named = t_namedCountries ??= new HashSet<string>(StringComparer.Ordinal);
        named.Clear();
        foreach (var mention in mentions)
        {
            if (mention.Kind == EntityKind.Country && !mention.Implied)
            {
                named.Add(mention.Id);
            }
        }

        if (named.Count == 0)
        {
            return;
        }

        var kept = 0;
        for (var i = 0; i < mentions.Count; i++)
        {
            var mention = mentions[i];
            if (!(mention.Kind == EntityKind.Country && named.Contains(mention.Id) && people.Contains(PlaceKey(mention))))
            {
                mentions[kept++] = mention;
            }
        }

        mentions.RemoveRange(kept, mentions.Count - kept);
    }

    /// <summary>
    /// A context name the named countries did not resolve ("ARSA", "KIA", "PDF" in a report that names only towns)
    /// names the one entity whose country or area is that of a place the article keeps (a located town, a region):
    /// "the KIA shelled a camp in Bhamo" is the Kachin Independence Army. Places name countries only after every name
    /// is known (<see cref="DropUnsupportedPlaces"/>), so this runs last; the entity's country is then already there.
    /// </summary>
    private void ResolveByPlaces(MatchState state, List<int> contextNames, List<EntityMention> mentions)
    {
        var places = t_placeCountries ??= new Dictionary<string, int>(StringComparer.Ordinal);
        var taken = t_mentionStarts ??= [];
        places.Clear();
        taken.Clear();
        foreach (var mention in mentions)
        {
            taken.Add(PlaceKey(mention));
            if (mention.Kind == EntityKind.Country)
            {
                places[mention.Id] = 1;
            }
        }

        if (places.Count == 0)
        {
            return;
        }

        var candidates = t_contextCandidates ??= [];
        foreach (var h in contextNames)
        {
            var hit = state.Hits[h];
            var field = state.Fields[hit.FieldIndex];
            if (taken.Contains(PlaceKey(field.Field, field.Tokens[hit.First].Start)))
            {
                continue; // the words became something else (a place, a base): its mention starts where the hit does
            }

            candidates.Clear();
            for (var t = hit.TargetStart; t < hit.TargetStart + hit.TargetCount; t++)
            {
                var target = state.Targets[t];
                if (target.Role == AliasRole.ContextName && !candidates.Contains(target.Entity))
                {
                    candidates.Add(target.Entity);
                }
            }

            if (ChooseByContext(candidates, places) is { } entity)
            {
                Add(mentions, field, hit.First, hit.End, _entities[entity]);
            }
        }
    }

    /// <summary>"SANTA CLARA, Calif.": a region in the dateline names the country; the city name alone may be another country's.</summary>
    /// <summary>
    /// The city a dateline names: of the cities that share its name, the one whose country the dateline names after it
    /// ("VALENCIA, Spain", "SAINT-DENIS, France"), else the first (the most populous).
    /// </summary>
    private int DatelineCity(MatchState state, Hit hit)
    {
        var targets = CollectionsMarshal.AsSpan(state.Targets).Slice(hit.TargetStart, hit.TargetCount);
        var first = -1;
        var qualified = false;
        foreach (var target in targets)
        {
            if (target.Role != AliasRole.City)
            {
                continue;
            }

            first = first < 0 ? target.Entity : first;
            var country = _catalog.Cities[target.Entity].Country;
            foreach (var other in state.Hits)
            {
                if (other.FieldIndex == hit.FieldIndex && other.First >= hit.End && SingleEntity(state, other) is { Kind: EntityKind.Country } named)
                {
                    qualified = true;
                    if (named.Id == country)
                    {
                        return target.Entity;
                    }
                }
            }
        }

        // "SAINT-DENIS, France": another country's place of that name, which the catalog does not hold.
        return qualified ? -1 : first;
    }

    private static bool DatelineHasRegion(MatchState state, int fieldIndex) =>
        state.Hits.Exists(h => h.FieldIndex == fieldIndex && (HasRole(state, h, AliasRole.Region) || HasRole(state, h, AliasRole.DatelineRegion)));

    private static bool HasRole(MatchState state, Hit hit, AliasRole role) => FirstTarget(state, hit, role) is not null;

    private static AliasTarget? FirstTarget(MatchState state, Hit hit, AliasRole role)
    {
        for (var t = hit.TargetStart; t < hit.TargetStart + hit.TargetCount; t++)
        {
            if (state.Targets[t].Role == role)
            {
                return state.Targets[t];
            }
        }

        return null;
    }

    /// <summary>Of several entities sharing an alias, the one whose country the article mentions most (catalog order breaks ties).</summary>
    private int Choose(int[] candidates, Dictionary<string, int> countryCounts)
    {
        if (candidates.Length == 1)
        {
            return candidates[0];
        }

        var best = candidates[0];
        var bestCount = -1;
        foreach (var candidate in candidates)
        {
            var entity = _entities[candidate];
            var count = countryCounts.GetValueOrDefault(entity.Kind == EntityKind.Country ? entity.Id : entity.Country ?? string.Empty);
            if (count > bestCount)
            {
                best = candidate;
                bestCount = count;
            }
        }

        return best;
    }

    private static void Add(List<EntityMention> mentions, FieldTokens field, int first, int end, Entity entity, bool implied = false)
    {
        var start = field.Tokens[first].Start;
        var stop = field.Tokens[end - 1].End;
        mentions.Add(new EntityMention(entity.Kind, entity.Id, field.Text[start..stop], start, stop, field.Field, implied));
    }

    private static void AddUnlisted(List<EntityMention> mentions, FieldTokens field, Hit hit, string? country, string slug)
    {
        var start = field.Tokens[hit.First].Start;
        var stop = field.Tokens[hit.End - 1].End;
        var id = EntityRelations.UnlistedBaseId(country, slug);
        mentions.Add(new EntityMention(EntityKind.Base, id, field.Text[start..stop], start, stop, field.Field));
    }

    private static string Slug(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text.Normalize(System.Text.NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-' && char.IsWhiteSpace(c) || c == '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().Trim('-');
    }

    [ThreadStatic]
    private static HashSet<string>? t_supportedCountries;

    [ThreadStatic]
    private static Dictionary<string, string>? t_firstPlaceOfCountry;

    [ThreadStatic]
    private static HashSet<long>? t_locativePlaces;

    /// <summary>Places before a public body's name (see NoteInstitution).</summary>
    [ThreadStatic]
    private static HashSet<long>? t_institutionPlaces;

    /// <summary>Where a city's implied mentions start (see LocatedBesideOthers: a city after another does not qualify it).</summary>
    [ThreadStatic]
    private static HashSet<long>? t_cityPlaces;

    /// <summary>What may stand between a place and the place that says where it is: "Milan, Ohio", "Faro in Canada", "the Zama area of Alberta".</summary>
    [GeneratedRegex(@"^[\s,]*(in|of|(area|region|district|province|county|state|airport)\s+(of|in))?[\s,]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QualifierGap();

    /// <summary>One-word place names the text also uses as someone's name (see LooksLikeAPersonsName).</summary>
    [ThreadStatic]
    private static HashSet<string>? t_personLikePlaces;

    /// <summary>Located places not followed by another name's next word (see NoteLocative): they count beside other countries.</summary>
    [ThreadStatic]
    private static HashSet<long>? t_strongPlaces;

    [ThreadStatic]
    private static HashSet<long>? t_towns;

    /// <summary>Where unlocated cities of a million people or more start (see IsMetropolis).</summary>
    [ThreadStatic]
    private static HashSet<long>? t_metropolises;

    /// <summary>Keys (<see cref="PlaceKey(in EntityMention)"/>) of the country mentions made by a person's name in the text
    /// being tagged (implied mentions that count as named ones in what the text is about; see <see cref="PeopleOfLastText"/>).</summary>
    [ThreadStatic]
    private static HashSet<long>? t_people;

    [ThreadStatic]
    private static HashSet<string>? t_namedCountries;

    [ThreadStatic]
    private static Dictionary<string, int>? t_placeCountries;

    [ThreadStatic]
    private static List<int>? t_contextCandidates;

    [ThreadStatic]
    private static HashSet<long>? t_mentionStarts;

    [ThreadStatic]
    private static HashSet<string>? t_countriesPresent;

    /// <summary>
    /// Whose service a bare "the Navy" is: the country of the last national force or branch named before it with the
    /// same word ("the U.S. Navy … the Navy"); else the dateline's country ("WASHINGTON — The Navy said"); else the only
    /// country the text names. With none of these it is nobody's: in a text about several countries it would be a guess.
    /// </summary>
    /// <returns>How many force mentions were added.</returns>
    private int ResolveBareBranches(MatchState state, List<(int Hit, int Noun, int Preceding)> bareBranches, List<EntityMention> mentions)
    {
        string? dateline = null;
        string? only = null;
        var several = false;
        foreach (var mention in mentions)
        {
            if (mention.Kind == EntityKind.Country && !mention.Implied)
            {
                if (mention.Field == ArticleField.Dateline)
                {
                    dateline ??= mention.Id;
                }

                several |= only is not null && only != mention.Id;
                only ??= mention.Id;
            }
        }

        var fallback = dateline ?? (several ? null : only);
        var added = 0;
        foreach (var (h, noun, preceding) in bareBranches)
        {
            var home = Antecedent(mentions, preceding, BareBranches[noun].Term) ?? fallback;
            if (home is not null && CountryIndex(home) is { } country && _branchOf.TryGetValue((country, noun), out var service))
            {
                var hit = state.Hits[h];
                Add(mentions, state.Fields[hit.FieldIndex], hit.First, hit.End, _entities[service]);
                added++;
            }
        }

        return added;
    }

    /// <summary>Nouns of numbered military units ("30th Brigade", "6th Infantry Division", "58th Army", "7th Fleet").</summary>
    private static readonly string[] UnitNouns = ["brigade", "battalion", "division", "regiment", "corps", "army", "fleet", "flotilla"];

    /// <summary>Words that may stand between a unit's number and its noun ("3rd Separate Assault Brigade", "2nd Combined Arms Army").</summary>
    private static readonly string[] UnitWords =
    [
        "separate", "mechanized", "mechanised", "motorized", "motorised", "motor", "rifle", "infantry", "airborne", "air", "assault", "armoured",
        "armored", "tank", "marine", "mountain", "artillery", "special", "forces", "guards", "guard", "combined", "arms", "operational",
        "territorial", "defence", "defense", "jaeger", "light", "naval", "ranger", "rangers", "commando", "presidential", "rapid", "intervention",
        "reaction", "border", "coastal", "mobile", "rocket", "missile", "engineer", "paratroop", "parachute", "landing", "shock", "spetsnaz",
        "military", "army", "support", "security", "counterinsurgency", "strike", "heavy", "reserve",
    ];

    /// <summary>Ordinals written out, as units' names use them capitalised ("Fourth Army Region", "Third Fleet").</summary>
    private static readonly string[] SpelledOrdinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"];

    /// <summary>
    /// Numbered units name their country's army (its navy for a fleet), in the same pass as the listed bases (see
    /// AddListedBases): "Ukraine's 3rd Separate Assault Brigade", "the
    /// army's 30th Brigade", "Russia's 58th Army", "the Royal Thai Army's Fourth Army Region", "the 6th Infantry Division"
    /// in a report on one country. Whose unit it is: the country or force named right before it, else the dateline's
    /// country or the only country the text names; in a text about several countries an unattributed unit is nobody's.
    /// A division needs a word of its arm ("6th Infantry Division"; "1st Division" is as often a league).
    /// </summary>
    /// <returns>How many force mentions were added.</returns>
    private int AddNumberedUnits(MatchState state, List<EntityMention> mentions)
    {
        var added = 0;
        string? fallback = null;
        var fallbackKnown = false;
        var existing = mentions.Count;
        foreach (var field in state.Fields)
        {
            if (field.Field == ArticleField.Dateline)
            {
                continue;
            }

            for (var t = 0; t < field.Count; t++)
            {
                ref readonly var token = ref field.Tokens[t];
                var mark = ScanMark(token);
                if (mark == 0 && !char.IsAsciiDigit(field.Text[token.Start]))
                {
                    continue; // most words: neither a unit's noun, an ordinal written out, a number nor a plural base noun
                }

                if ((mark & PluralBaseMark) != 0)
                {
                    t = AddListedBases(field, t, mentions); // one pass over the words for both scans
                    continue;
                }

                var spelled = false;
                if ((mark & LandUnitMark) != 0 && NumberedAfter(field, t) is var after and > 0)
                {
                    // "Infantry Battalion 275", "Light Infantry Battalion 345", "Brigade 604": the number after the noun.
                    var from = t;
                    while (from > 0 && t - from < 3 && field.Tokens[from - 1].Has(TokenFlags.Capitalized) && !field.Tokens[from].Has(TokenFlags.SentenceStart)
                        && IsOneOf(field, from - 1, UnitWords))
                    {
                        from--;
                    }

                    if ((t > from || !IsOneOf(field, t, ["division"])) && !Overlaps(mentions, field.Field, field.Tokens[from].Start, field.Tokens[after - 1].End)
                        && (UnitOwner(mentions, existing, field, field.Tokens[from].Start, naval: false) is var owner and >= 0 ? owner : UnitFallback(mentions, existing, ref fallback, ref fallbackKnown)) is var unitService and >= 0)
                    {
                        Add(mentions, field, from, after, _entities[unitService]);
                        added++;
                    }

                    t = after - 1;
                    continue;
                }

                if (!IsDigitOrdinal(field.Text, token) && !(spelled = (mark & SpelledOrdinalMark) != 0 && token.Has(TokenFlags.Capitalized) && !token.Has(TokenFlags.AllUpper)))
                {
                    continue;
                }

                var words = 0;
                var end = t + 1;
                while (end < field.Count && words < 4 && !IsOneOf(field, end, UnitNouns) && IsOneOf(field, end, UnitWords))
                {
                    words++;
                    end++;
                }

                while (end < field.Count && IsOneOf(field, end, ["army"]) && end + 1 < field.Count && IsOneOf(field, end + 1, UnitNouns))
                {
                    words++; // "2nd Army Corps"
                    end++;
                }

                if (end >= field.Count || !IsOneOf(field, end, UnitNouns) || spelled && !field.Tokens[end].Has(TokenFlags.Capitalized)
                    || IsOneOf(field, end, ["division"]) && words == 0 || CrossesSentence(field, t, end))
                {
                    continue;
                }

                var noun = end;
                end++;
                if (IsOneOf(field, noun, ["army"]) && end < field.Count && IsOneOf(field, end, ["region", "area", "command"]))
                {
                    end++; // "Fourth Army Region"
                }

                // "4th Brigade Street", "the 2nd Division Hospital": the start of another name.
                var start = field.Tokens[t].Start;
                if (end < field.Count && field.Tokens[end].Has(TokenFlags.Capitalized) && !field.Tokens[end].Has(TokenFlags.SentenceStart)
                    && !field.Tokens[end].Has(TokenFlags.AfterComma) && !field.Tokens[end - 1].Has(TokenFlags.Possessive)
                    || Overlaps(mentions, field.Field, start, field.Tokens[end - 1].End))
                {
                    t = end - 1;
                    continue;
                }

                var naval = IsOneOf(field, noun, ["fleet", "flotilla"]);
                var service = UnitOwner(mentions, existing, field, start, naval);
                if (service < 0)
                {
                    service = UnitFallback(mentions, existing, ref fallback, ref fallbackKnown, naval);
                }

                if (service >= 0)
                {
                    Add(mentions, field, t, end, _entities[service]);
                    added++;
                }

                t = end - 1;
            }
        }

        return added;
    }

    /// <summary>The army (navy) of the text's one country for an unattributed unit (see UnitCountry), or −1.</summary>
    private int UnitFallback(List<EntityMention> mentions, int existing, ref string? fallback, ref bool fallbackKnown, bool naval = false)
    {
        if (!fallbackKnown)
        {
            fallback = UnitCountry(mentions, existing);
            fallbackKnown = true;
        }

        return fallback is not null && CountryIndex(fallback) is { } country && _branchOf.TryGetValue((country, naval ? 0 : 2), out var branch) ? branch : -1;
    }

    /// <summary>The end of "Battalion 275" at <paramref name="t"/> (a land-unit noun, see LandUnitMark, capitalised and followed by a number), or −1.</summary>
    private static int NumberedAfter(FieldTokens field, int t)
    {
        ref readonly var token = ref field.Tokens[t];
        return t + 1 < field.Count && field.Tokens[t + 1].Has(TokenFlags.Numeric)
            && (token.Flags & (TokenFlags.Capitalized | TokenFlags.AllUpper)) == TokenFlags.Capitalized
            && field.Text.AsSpan(token.End, field.Tokens[t + 1].Start - token.End) is " "
            ? t + 2
            : -1;
    }

    /// <summary>Land-unit nouns that a number may follow ("Infantry Battalion 275", "Brigade 604").</summary>
    private static readonly string[] LandUnitNouns = ["brigade", "battalion", "division", "regiment"];

    /// <summary>"30th", "3rd", "101st": a number with an ordinal's ending.</summary>
    private static bool IsDigitOrdinal(string text, in Token token)
    {
        var length = token.End - token.Start;
        if (length < 3 || length > 6 || !char.IsAsciiDigit(text[token.Start]))
        {
            return false;
        }

        var suffix = text.AsSpan(token.End - 2, 2);
        if (!(suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
            || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        foreach (var c in text.AsSpan(token.Start, length - 2))
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Overlaps(List<EntityMention> mentions, ArticleField field, int start, int end)
    {
        foreach (var mention in mentions)
        {
            if (mention.Field == field && mention.Start < end && mention.End > start && mention.Kind != EntityKind.Country)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The service a numbered unit belongs to by the name right before it ("Ukraine's", "Russian", "the army's", "the
    /// Royal Thai Army's"): a branch named there, else the army (navy) of the country named there; −1 when none.
    /// </summary>
    private int UnitOwner(List<EntityMention> mentions, int count, FieldTokens field, int start, bool naval)
    {
        for (var m = 0; m < count; m++)
        {
            var mention = mentions[m];
            if (mention.Field != field.Field || mention.End > start || mention.End < start - 40)
            {
                continue;
            }

            var gap = field.Text.AsSpan(mention.End, start - mention.End);
            if (!OwnerGap().IsMatch(gap))
            {
                if (mention.Kind == EntityKind.Force && CoordinatedGap().IsMatch(gap) && _catalog.Get(EntityKind.Force, mention.Id) is { Country: { } partner } partnerForce
                    && !AbroadCategories.Contains(partnerForce.Category, StringComparer.Ordinal) && CountryIndex(partner) is { } partnerCountry
                    && _branchOf.TryGetValue((partnerCountry, naval ? 0 : 2), out var partnerBranch))
                {
                    return partnerBranch;
                }

                continue;
            }

            if (mention.Kind == EntityKind.Force && _entityIndex.TryGetValue((EntityKind.Force, mention.Id), out var force))
            {
                var entity = _entities[force];
                if (entity.Category == "national")
                {
                    if (entity.Country is { } home && CountryIndex(home) is { } country && _branchOf.TryGetValue((country, naval ? 0 : 2), out var branch))
                    {
                        return branch;
                    }
                }
                else if (!AbroadCategories.Contains(entity.Category, StringComparer.Ordinal))
                {
                    return force; // "the Royal Thai Army's Fourth Army Region", "Border Guard Police 5th Battalion"
                }
            }
            else if (mention.Kind == EntityKind.Country && !mention.Implied && CountryIndex(mention.Id) is { } country
                && _branchOf.TryGetValue((country, naval ? 0 : 2), out var branch))
            {
                return branch;
            }
        }

        return -1;
    }

    /// <summary>What may stand between a unit's owner and its number: "Ukraine's 3rd", "the army's 30th", "Russian 58th".</summary>
    [GeneratedRegex(@"^(?:['’]s)?\s+(?:the\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OwnerGap();

    /// <summary>A unit coordinated after a force: "the al-Ghadeer Brigade of the Iranian Revolutionary Guards and the 21st Brigade".</summary>
    [GeneratedRegex(@"^,?\s+and\s+(?:the\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CoordinatedGap();

    /// <summary>
    /// Whose an unattributed numbered unit is: the one country whose forces the text names (abroad-acting ones aside:
    /// "RSF drones hit the 6th Infantry Division", "BIFF gunmen clashed with the 6th Infantry Division"); else the
    /// dateline's country where the text names it too and names no force; else the only country the text names itself;
    /// null when it names forces of several countries (an Iran–Iraq war report), several countries or none.
    /// </summary>
    private string? UnitCountry(List<EntityMention> mentions, int count)
    {
        string? home = null;
        var homes = false;
        string? dateline = null;
        string? only = null;
        var several = false;
        var named = t_countriesPresent ??= new HashSet<string>(StringComparer.Ordinal);
        named.Clear();
        for (var m = 0; m < count; m++)
        {
            var mention = mentions[m];
            if (mention.Kind == EntityKind.Force && _catalog.Get(EntityKind.Force, mention.Id) is { Country: { } country } force
                && !AbroadCategories.Contains(force.Category, StringComparer.Ordinal))
            {
                homes |= home is not null && home != country;
                home ??= country;
            }
            else if (mention.Kind == EntityKind.Country)
            {
                if (mention.Field == ArticleField.Dateline)
                {
                    dateline ??= mention.Id;
                    continue;
                }

                named.Add(mention.Id);
                if (!mention.Implied)
                {
                    several |= only is not null && only != mention.Id;
                    only ??= mention.Id;
                }
            }
        }

        return homes ? null
            : home is not null ? home
            : dateline is not null && named.Contains(dateline) ? dateline
            : several ? null : only;
    }

    private string? Antecedent(List<EntityMention> mentions, int preceding, string term)
    {
        for (var m = preceding - 1; m >= 0; m--)
        {
            var mention = mentions[m];
            if (mention.Kind == EntityKind.Force && mention.Text.Contains(term, StringComparison.OrdinalIgnoreCase) &&
                _catalog.Get(EntityKind.Force, mention.Id) is { Country: { } country } force &&
                (force.Category == "national" || force.Parent is not null && _catalog.Get(EntityKind.Force, force.Parent)?.Category == "national"))
            {
                return country;
            }
        }

        return null;
    }

    private int? CountryIndex(string country) => _entityIndex.TryGetValue((EntityKind.Country, country), out var index) ? index : null;

    /// <summary>Force categories that act abroad by nature: their home country says nothing about where a report is.</summary>
    private static readonly string[] AbroadCategories = ["private-military-company", "multinational", "coalition", "alliance"];

    /// <summary>
    /// A named base implies its host country, and where the text names no country itself, a force of one country implies
    /// its home: once, as an implied mention on its first mention. A conflict report often names only the actors and the
    /// place ("FAMa soldiers were ambushed" is about Mali, "a landmine killed three near Hmeimim" about Syria), and a
    /// base is a place whatever else the text names ("Iranian missiles hit Nevatim airbase" is Israel too). Forces that
    /// act abroad by nature (private military companies, multinational forces, coalitions) imply nothing. With a
    /// country named, a force adds nothing: on Reuters-21578, adding the forces' homes always cost 0.002 of
    /// mentioned-country precision and gained no recall (the bases' hosts cost nothing there).
    /// </summary>
    private void AddHomeCountries(List<EntityMention> mentions)
    {
        var present = t_countriesPresent ??= new HashSet<string>(StringComparer.Ordinal);
        present.Clear();
        var named = false;
        foreach (var mention in mentions)
        {
            if (mention.Kind == EntityKind.Country)
            {
                named |= !mention.Implied; // the text names a country itself: that says more than a force's home
                present.Add(mention.Id);
            }
        }

        var count = mentions.Count;
        for (var i = 0; i < count; i++)
        {
            // A named base is a place: its host is where the report is, whatever else it names ("Iranian missiles hit
            // Nevatim airbase" is Israel too), as a located city would be.
            var mention = mentions[i];
            if ((mention.Kind == EntityKind.Base || !named) && mention.Kind is EntityKind.Force or EntityKind.Base
                && _catalog.Get(mention.Kind, mention.Id) is { Country: { } home } entity &&
                (mention.Kind == EntityKind.Base || Array.IndexOf(AbroadCategories, entity.Category) < 0) && present.Add(home) &&
                _catalog.Get(EntityKind.Country, home) is { } country)
            {
                mentions.Add(mention with { Kind = EntityKind.Country, Id = country.Id, Implied = true });
            }
        }
    }

    /// <summary>
    /// "Border Guard Bangladesh", "Armed Forces of the Philippines": a force whose name holds its country's name or
    /// demonym names that country too, as "Nigerian troops" does, even where the text names other countries (the force's
    /// home alone is added only where it names none, see AddHomeCountries).
    /// </summary>
    private void AddCountriesNamedInForceNames(List<EntityMention> mentions)
    {
        // Linear in the mentions (a hostile text may name thousands of forces), with per-thread sets.
        var named = t_countriesPresent ??= new HashSet<string>(StringComparer.Ordinal);
        named.Clear();
        foreach (var mention in mentions)
        {
            if (mention.Kind == EntityKind.Country && !mention.Implied)
            {
                named.Add(mention.Id);
            }
        }

        var count = mentions.Count;
        HashSet<long>? added = null;
        for (var i = 0; i < count; i++)
        {
            var mention = mentions[i];
            if (mention.Kind != EntityKind.Force || _catalog.Get(EntityKind.Force, mention.Id) is not { Country: { } home }
                || named.Contains(home) || _catalog.Get(EntityKind.Country, home) is not { } country || !NamesCountry(mention.Text, country))
            {
                continue;
            }

            named.Add(home);
            mentions.Add(mention with { Kind = EntityKind.Country, Id = home, Implied = false });
            (added ??= []).Add(PlaceKey(mention));
        }

        if (added is not null)
        {
            // The home AddHomeCountries put on the same words, implied, gives way to the named one.
            mentions.RemoveAll(m => m.Kind == EntityKind.Country && m.Implied && added.Contains(PlaceKey(m)) && named.Contains(m.Id));
        }
    }

    private static bool NamesCountry(string text, Entity country)
    {
        if (ContainsWord(text, country.Name))
        {
            return true;
        }

        foreach (var alias in country.Aliases)
        {
            if (ContainsWord(text, alias))
            {
                return true;
            }
        }

        foreach (var demonym in country.Demonyms)
        {
            if (ContainsWord(text, demonym))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsWord(string text, string word)
    {
        var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase);
        return at >= 0 && (at == 0 || !char.IsLetter(text[at - 1])) && (at + word.Length == text.Length || !char.IsLetter(text[at + word.Length]));
    }

    [ThreadStatic]
    private static HashSet<string>? t_countriesWithACity;

    [ThreadStatic]
    private static HashSet<string>? t_countriesWithTwoPlaces;

    private static long PlaceKey(in EntityMention mention) => PlaceKey(mention.Field, mention.Start);

    /// <summary>A place mention's field and start offset in one number, for the per-thread sets of located places and towns.</summary>
    internal static long PlaceKey(ArticleField field, int start) => ((long)field << 32) | (uint)start;

    /// <summary>Words after a city's name that make it unmistakably a place ("Idlib city", "Menaka town").</summary>
    private static readonly string[] PlaceWords = ["city", "town", "village", "township", "municipality"];

    /// <summary>Words that make a region name unmistakably a region ("Borno State", "Kabul Province").</summary>
    private static readonly string[] RegionWords =
        ["state", "province", "region", "governorate", "district", "prefecture", "oblast", "county", "department", "emirate", "canton", "territory", "division", "wilaya", "krai", "voivodeship", "regency"];

    /// <summary>
    /// A region or a city outside the dateline implies its country only with support, because a bare place name ("Long
    /// Island", "San Jose", "Midway") is too often something else (a US place, a common word) to add a country on its
    /// own. Support is other evidence of the same country: the article names the country itself; a force of that country
    /// ("FAMa" for a Malian region) or one that operates there, or a base it hosts; a second, different place of it
    /// ("Goma, North Kivu"); or the region's own words say it is a region ("Niger State", "the Mopti region").
    /// Unsupported, a region's words stay consumed, so the country or capital inside it is never read.
    /// </summary>
    private void DropUnsupportedPlaces(List<EntityMention> mentions, EntityCatalog catalog, List<FieldTokens> fields)
    {
        if (!mentions.Exists(static m => m.Implied))
        {
            return;
        }

        // Linear in the mentions (a hostile text may list thousands of places), with per-thread sets.
        var supported = t_supportedCountries ??= new HashSet<string>(StringComparer.Ordinal);
        var firstPlace = t_firstPlaceOfCountry ??= new Dictionary<string, string>(StringComparer.Ordinal);
        var towns = t_towns!;
        var withACity = t_countriesWithACity ??= new HashSet<string>(StringComparer.Ordinal);
        var twoPlaces = t_countriesWithTwoPlaces ??= new HashSet<string>(StringComparer.Ordinal);
        supported.Clear();
        firstPlace.Clear();
        withACity.Clear();
        twoPlaces.Clear();
        foreach (var mention in mentions)
        {
            if (mention.Kind == EntityKind.Country && (!mention.Implied || t_people!.Contains(PlaceKey(mention))))
            {
                supported.Add(mention.Id); // the country named itself, or by its leader's name
            }
            else if (mention.Kind == EntityKind.Country)
            {
                // A second, different place of one country supports both, unless both are towns: a country has so many
                // towns that two of them are too often two surnames or firms ("Whitney", "Goodyear").
                if (!towns.Contains(PlaceKey(mention)))
                {
                    withACity.Add(mention.Id);
                }

                if (!firstPlace.TryAdd(mention.Id, mention.Text) && !string.Equals(firstPlace[mention.Id], mention.Text, StringComparison.OrdinalIgnoreCase))
                {
                    twoPlaces.Add(mention.Id);
                }
            }
            else if (catalog.Get(mention.Kind, mention.Id) is { } entity)
            {
                // A force of the country or one that operates there ("ISGS militants near Tillabéri"), or a base it hosts.
                if (entity.Country is { } country)
                {
                    supported.Add(country);
                }

                foreach (var area in entity.Areas)
                {
                    supported.Add(area);
                }
            }
        }

        foreach (var country in twoPlaces)
        {
            if (withACity.Contains(country))
            {
                supported.Add(country);
            }
        }

        var locative = t_locativePlaces!;
        var alone = supported.Count == 0;
        var kept = 0;
        for (var i = 0; i < mentions.Count; i++)
        {
            var mention = mentions[i];
            if (!mention.Implied || mention.Kind != EntityKind.Country
                || !(t_cityPlaces!.Contains(PlaceKey(mention)) && QualifiedByAnotherCountry(mentions, i, fields))
                && (supported.Contains(mention.Id) || NamesItselfAPlace(mention.Text) || alone && locative.Contains(PlaceKey(mention))
                    || alone && t_metropolises?.Contains(PlaceKey(mention)) == true && !t_people!.Contains(PlaceKey(mention)) && t_personLikePlaces?.Contains(mention.Text) != true
                    || t_institutionPlaces?.Contains(PlaceKey(mention)) == true
                    || LocatedBesideOthers(mentions, i, fields)))
            {
                mentions[kept++] = mention;
            }
        }

        mentions.RemoveRange(kept, mentions.Count - kept);
    }

    /// <summary>
    /// A city where something happens (a town only after "in", "near" and the like) counts even where the text names
    /// other countries: the actors' countries do not make the place's country doubtful ("Israeli strikes in Khan Younis",
    /// "Russian missiles struck Kharkiv", "Wagner fighters in Timbuktu"). Not when another country's place qualifies it
    /// ("Milan, Ohio"), nor when the text gives the name to someone.
    /// </summary>
    private bool LocatedBesideOthers(List<EntityMention> mentions, int index, List<FieldTokens> fields)
    {
        var mention = mentions[index];
        var key = PlaceKey(mention);
        if (!t_strongPlaces!.Contains(key) || t_people!.Contains(key) || t_personLikePlaces?.Contains(mention.Text) == true)
        {
            return false;
        }

        return !QualifiedByAnotherCountry(mentions, index, fields);
    }

    /// <summary>
    /// "Milan, Ohio", "Faro in Canada", "the Zama area of Alberta", "Kani township, Sagaing region": a place (not a city)
    /// of another country right after a place says where that place is.
    /// </summary>
    private bool QualifiedByAnotherCountry(List<EntityMention> mentions, int index, List<FieldTokens> fields)
    {
        var mention = mentions[index];
        var text = FieldOf(fields, mention.Field)?.Text;
        for (var j = index + 1; text is not null && j < mentions.Count && mentions[j].Field == mention.Field && mentions[j].Start <= mention.End + 16; j++)
        {
            var next = mentions[j];
            if (next.Start > mention.End && next.Kind == EntityKind.Country && next.Id != mention.Id && !t_cityPlaces!.Contains(PlaceKey(next))
                && text.AsSpan(mention.End, next.Start - mention.End) is var gap && QualifierGap().IsMatch(gap)
                && (next.Implied || _stateCountries.ContainsKey(next.Text) || gap.Trim().Trim(',').Trim().Length > 0 || EndsAPhrase(text, next.End)))
            {
                // After a bare comma a country qualifies only where the phrase ends with it ("Split, Yugoslavia."):
                // "Belgorod, Ukraine said" is a new clause.
                return true;
            }
        }

        return false;
    }

    private void AddImpliedCityCountries(List<EntityMention> mentions, FieldTokens field, Hit hit, ReadOnlySpan<AliasTarget> targets, Dictionary<string, int> countryCounts)
    {
        var first = mentions.Count;
        var reading = CityReading(targets, countryCounts);
        foreach (var target in targets)
        {
            if (target.Role != AliasRole.City || (reading >= 0 && target.Entity != reading) ||
                _catalog.Get(EntityKind.Country, _catalog.Cities[target.Entity].Country) is not { } country)
            {
                continue;
            }

            var known = false;
            for (var m = first; m < mentions.Count; m++)
            {
                known |= mentions[m].Id == country.Id;
            }

            if (!known)
            {
                Add(mentions, field, hit.First, hit.End, country, implied: true);
                if (_catalog.Cities[target.Entity].Population < City.TownPopulation)
                {
                    t_towns!.Add(PlaceKey(mentions[^1]));
                }
            }
        }

        if (mentions.Count > first)
        {
            t_cityPlaces!.Add(PlaceKey(mentions[first]));
            var guessed = GuessedAmongCities(targets, countryCounts);
            var city = _catalog.Cities[reading >= 0 ? reading : FirstCity(targets)];
            NoteLocative(field, hit.First, hit.End, byVerb: !guessed, !guessed && CountsBesideOthers(field, hit, city));
            if (!guessed && IsMetropolis(field, hit, city))
            {
                (t_metropolises ??= []).Add(PlaceKey(mentions[first]));
            }
        }

        if (mentions.Count > first)
        {
            NoteInstitution(field, hit.First, hit.End);
        }

        // "the Mopti region": a city name of one country followed by a region word is that country's region; "Idlib
        // city", "Menaka town": followed by a place word, it says itself that it is a place.
        if (mentions.Count == first + 1 && hit.End < field.Count && (IsRegionWord(field, hit.End) || IsOneOf(field, hit.End, PlaceWords))
            && !EndsALongerName(field, hit.First))
        {
            var city = mentions[first];
            mentions[first] = city with { Text = field.Text[city.Start..field.Tokens[hit.End].End], End = field.Tokens[hit.End].End };
        }
    }

    /// <summary>"Let Yet Kone village", "Upper Dir district": capitalised words before the name make it the end of a longer
    /// name, whose place word says nothing of this one.</summary>
    private static bool EndsALongerName(FieldTokens field, int first) =>
        first > 0 && field.Tokens[first - 1].Has(TokenFlags.Capitalized) && !field.Tokens[first].Has(TokenFlags.SentenceStart)
        && !field.Tokens[first].Has(TokenFlags.AfterComma) && !field.Tokens[first - 1].Has(TokenFlags.Possessive)
        && !field.Tokens[first - 1].Has(TokenFlags.SentenceStart) && !field.Tokens[first - 1].Has(TokenFlags.AllUpper);

    private static int FirstCity(ReadOnlySpan<AliasTarget> targets) => targets[IndexOf(targets, AliasRole.City)].Entity;

    /// <summary>A city of a million people or more names its country even unlocated, where the text names no country
    /// ("Crowds packed Sydney's Chinatown", "Perth recorded its hottest day"): not in a headline's capitals, not a
    /// feature's name, not inside another name ("Sydney Sweeney", "Houston Rockets", "Bayern Munich"), not a club
    /// winning or losing ("Barcelona beat Napoli").</summary>
    private static bool IsMetropolis(FieldTokens field, Hit hit, City city) =>
        city.Population >= City.MetropolisPopulation && !field.Tokens[hit.First].Has(TokenFlags.AllUpper) && !IsOneOf(field, hit.End - 1, FeatureWords)
        && (hit.First == 0 || !field.Tokens[hit.First - 1].Has(TokenFlags.Capitalized) || field.Tokens[hit.First].Has(TokenFlags.SentenceStart)
            || field.Tokens[hit.First].Has(TokenFlags.AfterComma) || field.Tokens[hit.First - 1].Has(TokenFlags.Possessive))
        && (hit.End >= field.Count || !IsOneOf(field, hit.End, ResultVerbs))
        && (hit.End >= field.Count || field.Tokens[hit.End - 1].Has(TokenFlags.Possessive) || !field.Tokens[hit.End].Has(TokenFlags.Capitalized) || field.Tokens[hit.End].Has(TokenFlags.SentenceStart)
            || field.Tokens[hit.End].Has(TokenFlags.AfterComma) || IsRegionWord(field, hit.End) || IsOneOf(field, hit.End, PlaceWords));

    /// <summary>True when cities of several countries share the name and the text names none of those countries.</summary>
    private bool GuessedAmongCities(ReadOnlySpan<AliasTarget> targets, Dictionary<string, int> countryCounts)
    {
        string? firstCountry = null;
        var countries = false;
        var evidence = false;
        foreach (var target in targets)
        {
            if (target.Role == AliasRole.City)
            {
                var country = _catalog.Cities[target.Entity].Country;
                countries |= firstCountry is not null && firstCountry != country;
                firstCountry ??= country;
                evidence |= countryCounts.ContainsKey(country);
            }
        }

        return countries && !evidence;
    }

    /// <summary>
    /// Whether a located city may name its country beside other countries (see LocatedBesideOthers): not a name that a
    /// place abroad shares, not in a headline's capitals, not a feature's name ("the Pearl River estuary"), and a town
    /// only right after "in", "near" and the like. A one-word name used as someone's name is noted (LooksLikeAPersonsName).
    /// </summary>
    private bool CountsBesideOthers(FieldTokens field, Hit hit, City city)
    {
        if (hit.End - hit.First == 1 && LooksLikeAPersonsName(field, hit.First))
        {
            (t_personLikePlaces ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(field.Text[field.Tokens[hit.First].Start..field.Tokens[hit.First].End]);
        }

        return (!city.NamedElsewhere || city.Population >= City.MetropolisPopulation) && !field.Tokens[hit.First].Has(TokenFlags.AllUpper) && !IsOneOf(field, hit.End - 1, FeatureWords)
            && (city.Population >= City.TownPopulation || LocativeWordAt(field, hit.First) is var at && at >= 0 && IsOneOf(field, at, TownLocativeWords));
    }

    /// <summary>
    /// Which of the big cities that share a name the text means (a city index), or −1 when the name has one city: the
    /// one whose country the text names most ("Valencia … Spanish officials" is Spain's), else the most populous
    /// ("Valencia" alone is Venezuela's, "Hyderabad" India's).
    /// </summary>
    private int CityReading(ReadOnlySpan<AliasTarget> targets, Dictionary<string, int> countryCounts)
    {
        int best = -1, cities = 0, bestCount = 0;
        long bestPopulation = -1;
        foreach (var target in targets)
        {
            if (target.Role != AliasRole.City)
            {
                continue;
            }

            cities++;
            var city = _catalog.Cities[target.Entity];
            var count = countryCounts.GetValueOrDefault(city.Country);
            if (count > bestCount || (count == bestCount && city.Population > bestPopulation))
            {
                (best, bestCount, bestPopulation) = (target.Entity, count, city.Population);
            }
        }

        return cities > 1 ? best : -1;
    }

    /// <summary>Verbs of a match's result: a city before one is a club ("Barcelona beat Napoli").</summary>
    private static readonly string[] ResultVerbs =
        ["beat", "beats", "defeated", "defeat", "drew", "draw", "lost", "lose", "won", "win", "edged", "thrashed", "routed", "signed", "sign", "face", "faces", "host", "hosts"];

    /// <summary>Capitalised words after a place's name that make it a public body's seat ("Cornwall Council", "Kandahar Airport").</summary>
    private static readonly string[] InstitutionWords = ["Council", "Police", "Assembly", "Government", "Parliament", "Airport", "Legislature", "Municipality"];

    /// <summary>Words before "Court" that make a court of the place ("Kerala High Court", "Lahore High Court").</summary>
    private static readonly string[] CourtWords = ["High", "Supreme", "District", "Provincial"];

    /// <summary>
    /// "Kerala High Court", "Cornwall Council", "Sindh Assembly", "Kandahar Airport": a place's name before the name of a
    /// public body seated there says itself that it is the place, like a region word after it ("Niger State"), so it
    /// names its country without other support.
    /// </summary>
    private static void NoteInstitution(FieldTokens field, int first, int end)
    {
        if (end < field.Count && field.Tokens[end].Has(TokenFlags.Capitalized) && !field.Tokens[end].Has(TokenFlags.AllUpper)
            && (IsOneOf(field, end, InstitutionWords) || end + 1 < field.Count && IsOneOf(field, end, CourtWords) && IsOneOf(field, end + 1, ["Court"])))
        {
            (t_institutionPlaces ??= []).Add(PlaceKey(field.Field, field.Tokens[first].Start));
        }
    }

    /// <summary>Words before a place that say the text is about something happening there ("in Herat", "near Kidal").</summary>
    private static readonly string[] LocativeWords =
        ["in", "near", "at", "outside", "around", "off", "into", "inside", "toward", "towards", "across", "from", "nearby", "to"];

    /// <summary>Words before "of" that make the place after it a location ("north of Goma", "the town of Djibo").</summary>
    private static readonly string[] LocativeOfWords =
        ["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "outskirts", "town", "village", "city", "area", "district", "region", "province", "locality", "vicinity", "suburbs",
         "parts", "part", "heart", "centre", "center", "much", "most", "mayor", "governor", "port", "residents", "people", "streets", "suburb"];

    /// <summary>Verbs whose object is where something happens ("Russian missiles struck Kharkiv", "M23 rebels entered Goma").</summary>
    private static readonly string[] LocativeVerbs =
        ["struck", "strikes", "hit", "hits", "shelled", "shells", "bombed", "bombs", "bombarded", "pounded", "pounds", "attacked", "raided", "raids",
         "stormed", "captured", "captures", "seized", "seizes", "entered", "enters", "besieged", "overran", "recaptured", "retook", "targeted", "targets",
         "rocked", "rocks", "flooded", "battered", "batters", "evacuated", "liberated", "encircled", "visited", "visits", "toured"];

    /// <summary>Nouns before "on" that make the place after it a target ("a drone attack on Port Sudan", "the assault on Bakhmut").</summary>
    private static readonly string[] LocativeOnNouns =
        ["attack", "attacks", "strike", "strikes", "airstrike", "airstrikes", "assault", "offensive", "raid", "raids", "advance", "march", "bombardment"];

    /// <summary>Words after a place's name that make it a feature's name instead ("the Noto peninsula", "Kariba dam").</summary>
    private static readonly string[] FeatureWords =
        ["peninsula", "island", "islands", "bay", "river", "lake", "mountain", "mountains", "valley", "strait", "gulf", "coast", "sea", "desert", "canal", "dam", "base"];

    /// <summary>The words before a town that make it located strongly enough to count beside another country ("Wagner fighters in Timbuktu").</summary>
    private static readonly string[] TownLocativeWords = ["in", "near", "outside", "around", "into", "inside"];

    /// <summary>
    /// A one-word place name between a capitalised word and anything, or before a capitalised word that no entity uses,
    /// stands as someone's name there ("Philippe Seguin", "Gao Jianming"); elsewhere in the same text it may be that person.
    /// </summary>
    private bool LooksLikeAPersonsName(FieldTokens field, int at)
    {
        var tokens = field.Tokens;
        var token = tokens[at];
        if (token.Has(TokenFlags.AllUpper))
        {
            return false;
        }

        var after = at + 1 < field.Count && tokens[at + 1].Has(TokenFlags.Capitalized) && !tokens[at + 1].Has(TokenFlags.SentenceStart)
            && !tokens[at + 1].Has(TokenFlags.AfterComma) && !tokens[at + 1].Has(TokenFlags.AllUpper) && !_trie.IsEntityWord(tokens[at + 1].Symbol)
            && !token.Has(TokenFlags.Possessive) && !IsRegionWord(field, at + 1) && !IsOneOf(field, at + 1, PlaceWords)
            && !IsOneOf(field, at + 1, InstitutionWords) && !IsOneOf(field, at + 1, Honorifics); // "Kharkiv Mayor …", "Kandahar Airport"
        var before = at > 0 && !token.Has(TokenFlags.SentenceStart) && !token.Has(TokenFlags.AfterComma) && tokens[at - 1].Has(TokenFlags.Capitalized)
            && !tokens[at - 1].Has(TokenFlags.AllUpper) && !tokens[at - 1].Has(TokenFlags.Possessive) && !_trie.IsEntityWord(tokens[at - 1].Symbol);
        return after || before;
    }

    /// <summary>
    /// Notes a place mention at tokens [first, end) as located when the words before it say something happens there
    /// ("in Herat", "north of Goma", "a drone attack on Port Sudan", and with <paramref name="byVerb"/> "struck Kharkiv").
    /// A verb's object is too weak a sign for a name several cities share that the text does not resolve ("Flooding hit
    /// Valencia").
    /// </summary>
    private static void NoteLocative(FieldTokens field, int first, int end, bool byVerb = true, bool besideOthers = false)
    {
        var attacked = byVerb && UnderAttack(field, end);
        if (first == 0 && !attacked)
        {
            return;
        }

        if (end < field.Count && IsOneOf(field, end, FeatureWords))
        {
            return; // "the Noto peninsula", "the Kariba dam": a feature's name
        }

        var at = first == 0 ? -1 : LocativeWordAt(field, first);
        var byVerbOrNoun = attacked || byVerb && at >= 0 && (IsOneOf(field, at, LocativeVerbs) || at > 0 && IsOneOf(field, at, ["on"]) && IsOneOf(field, at - 1, LocativeOnNouns));
        if (at >= 0 && (IsOneOf(field, at, LocativeWords) || at > 0 && IsOneOf(field, at, ["of"]) && IsOneOf(field, at - 1, LocativeOfWords))
            || byVerbOrNoun || first > 0 && (InParenthesesAfterAName(field, first) || AfterALocatedName(field, first)) || BasedIn(field, end))
        {
            var key = PlaceKey(field.Field, field.Tokens[first].Start);
            t_locativePlaces!.Add(key);
            if (!(at >= 0 && IsOneOf(field, at, LocativeWords)) && !byVerbOrNoun && first > 0 && AfterALocatedName(field, first))
            {
                return; // "in Wayanad, Kerala": located, but only as the larger place of another name
            }

            // Followed by a capitalised word that is not a place's ("in Delhi Petroleum", "at Toyota Motor"), the name is
            // the start of another name: located, but not strongly enough to count beside another country.
            if (besideOthers && (end >= field.Count || !field.Tokens[end].Has(TokenFlags.Capitalized) || field.Tokens[end].Has(TokenFlags.SentenceStart)
                || field.Tokens[end].Has(TokenFlags.AfterComma) || IsRegionWord(field, end) || IsOneOf(field, end, PlaceWords)))
            {
                t_strongPlaces!.Add(key);
            }
        }
    }

    /// <summary>Adjectives that may stand between a locative word and a place ("in northern Gaza", "on central Sumy", "in the occupied West Bank").</summary>
    private static readonly string[] PlaceAdjectives =
        ["northern", "southern", "eastern", "western", "central", "north-eastern", "northeastern", "north-western", "northwestern", "south-eastern",
         "southeastern", "south-western", "southwestern", "downtown", "rural", "coastal", "occupied", "besieged", "neighbouring", "neighboring"];

    /// <summary>
    /// Where the word that may make the place at <paramref name="first"/> located stands: right before it, or before an
    /// adjective of place and a "the" ("in the occupied West Bank"); −1 when nothing is before it.
    /// </summary>
    private static int LocativeWordAt(FieldTokens field, int first)
    {
        var at = first - 1;
        if (at > 0 && IsOneOf(field, at, PlaceAdjectives))
        {
            at--;
        }

        if (at > 0 && IsOneOf(field, at, ["the"]))
        {
            at--;
        }

        return at;
    }

    /// <summary>
    /// "in Wayanad, Kerala", "in Kohistan district, Khyber Pakhtunkhwa", "near Bocaranga, Ouham-Pendé": a place after a
    /// comma that follows a located name (one to three capitalised words, perhaps with a region word, right after a
    /// locative word) is where that name is.
    /// </summary>
    private static bool AfterALocatedName(FieldTokens field, int first)
    {
        if (first < 2 || !field.Tokens[first].Has(TokenFlags.AfterComma))
        {
            return false;
        }

        var k = first - 1;
        if (IsRegionWord(field, k))
        {
            k--;
        }

        var words = 0;
        while (k >= 0 && words < 3 && field.Tokens[k].Has(TokenFlags.Capitalized) && !field.Tokens[k].Has(TokenFlags.AfterComma) && !IsOneOf(field, k, LocativeWords))
        {
            k--;
            words++;
        }

        // The name's first word may itself follow a comma only as the start of the name ("in Kumbo, Bui division").
        return words > 0 && k >= 0 && IsOneOf(field, k, LocativeWords) &&
            !field.Tokens[k + 1].Has(TokenFlags.SentenceStart);
    }

    /// <summary>Passive verbs of attack after a place ("Kharkiv came under fire", "Odesa was hit", "Sumy was shelled").</summary>
    private static readonly string[] AttackedVerbs =
        ["hit", "struck", "shelled", "bombed", "attacked", "targeted", "pounded", "rocked", "bombarded", "raided", "besieged", "overrun", "captured", "seized"];

    /// <summary>"Kharkov came under a Russian glide-bomb attack", "Odesa was hit overnight": a place that is attacked is where
    /// the attack happens.</summary>
    private static bool UnderAttack(FieldTokens field, int end)
    {
        if (end + 1 >= field.Count)
        {
            return false;
        }

        if (IsOneOf(field, end, ["came", "comes", "come"]) && IsOneOf(field, end + 1, ["under"]))
        {
            return true;
        }

        var verb = end + 1;
        if (IsOneOf(field, end, ["has", "have"]) && IsOneOf(field, end + 1, ["been"]) && end + 2 < field.Count)
        {
            verb = end + 2;
        }
        else if (!IsOneOf(field, end, ["was", "were", "is", "are"]))
        {
            return false;
        }

        if (verb < field.Count && IsOneOf(field, verb, ["again", "also", "repeatedly", "heavily"]) && verb + 1 < field.Count)
        {
            verb++;
        }

        return IsOneOf(field, verb, AttackedVerbs);
    }

    /// <summary>"a Hangzhou-based start-up": the place is where the firm is.</summary>
    private static bool BasedIn(FieldTokens field, int end) =>
        end < field.Count && IsOneOf(field, end, ["based"]) && field.Tokens[end].Start == field.Tokens[end - 1].End + 1 && field.Text[field.Tokens[end - 1].End] == '-';

    /// <summary>"Kajuru LGA (Kaduna)", "Djibo (Soum, Sahel)": a place in parentheses right after a name locates that name.</summary>
    private static bool InParenthesesAfterAName(FieldTokens field, int first)
    {
        var start = field.Tokens[first].Start;
        var previousEnd = field.Tokens[first - 1].End;
        var between = field.Text.AsSpan(previousEnd, start - previousEnd).Trim();
        return between.Length == 1 && between[0] == '(' && char.IsUpper(field.Text[field.Tokens[first - 1].Start]);
    }

    private static bool IsOneOf(FieldTokens field, int token, ReadOnlySpan<string> words) => IsWordOf(field.Tokens[token], field.Text, words);

    private static bool IsRegionWord(FieldTokens field, int token) => IsOneOf(field, token, RegionWords);

    /// <summary>
    /// "Nevatim and Ramon air bases", "Olenya, Engels and Belaya air bases": the plural names each listed base, though
    /// only the last is written out. Each earlier item (one to three capitalised words, before "and" or a comma) counts
    /// when the catalog knows "&lt;item&gt; air base".
    /// </summary>
    private void AddCoordinatedBases(FieldTokens field, int first, List<EntityMention> mentions)
    {
        if (first < 2 || !IsOneOf(field, first - 1, ["and"]))
        {
            return;
        }

        var air = _trie.Vocabulary.Find("air");
        var baseWord = _trie.Vocabulary.Find("base");
        var end = first - 1;
        while (end > 0)
        {
            var found = -1;
            for (var n = Math.Min(3, end); n >= 1 && found < 0; n--)
            {
                var start = end - n;
                var node = 0;
                var ok = true;
                for (var k = start; k < end && ok; k++)
                {
                    ok = (field.Tokens[k].Has(TokenFlags.Capitalized) || k == start && k + 1 < end && IsOneOf(field, k, ArabicArticles))
                        && _trie.TryStep(node, field.Tokens[k].Symbol, out node);
                }

                if (ok && _trie.TryStep(node, air, out node) && _trie.TryStep(node, baseWord, out node) && _trie.TargetsAt(node) is { } targets)
                {
                    foreach (var target in targets)
                    {
                        if (target.Role == AliasRole.Name && _entities[target.Entity].Kind == EntityKind.Base)
                        {
                            if (!AlreadyNamed(mentions, field, start))
                            {
                                Add(mentions, field, start, end, _entities[target.Entity]);
                            }

                            found = start;
                            break;
                        }
                    }
                }
            }

            if (found < 0 || !field.Tokens[found].Has(TokenFlags.AfterComma))
            {
                return;
            }

            end = found;
        }
    }

    /// <summary>The articles of Arabic names as news writes them before a capitalised name ("al-Jufra", "el-Fasher").</summary>
    private static readonly string[] ArabicArticles = ["al", "el", "ad", "ar", "as", "ash", "az", "an", "at"];

    /// <summary>Plural nouns that a list of bases may follow ("air bases including Belaya … and Olenya").</summary>
    private static readonly string[] PluralBaseNouns = ["bases", "airbases", "airfields"];

    /// <summary>
    /// "air bases including Belaya in Irkutsk region and Olenya in Murmansk", "three of its air bases, including Nur Khan
    /// near Rawalpindi", "airfields such as Engels and Shaykovka": each listed name counts when the catalog knows it as
    /// "&lt;name&gt; air base" (or airbase, base, airfield); a place after "in" or "near" says where it is and is skipped.
    /// </summary>
    private int AddListedBases(FieldTokens field, int t, List<EntityMention> mentions)
    {
        var next = t + 1;
        if (next < field.Count && IsOneOf(field, next, ["including", "like"]))
        {
            next++;
        }
        else if (next + 1 < field.Count && IsOneOf(field, next, ["such"]) && IsOneOf(field, next + 1, ["as"]))
        {
            next += 2;
        }
        else
        {
            return t;
        }

        while (next < field.Count && !CrossesSentence(field, t, next))
        {
            var end = ListedBase(field, next, mentions);
            if (end < 0)
            {
                break;
            }

            // "in Irkutsk region", "near Rawalpindi": where the base is.
            if (end < field.Count && IsOneOf(field, end, ["in", "near"]))
            {
                end++;
                while (end < field.Count && (field.Tokens[end].Has(TokenFlags.Capitalized) && !field.Tokens[end].Has(TokenFlags.SentenceStart) || IsRegionWord(field, end)))
                {
                    end++;
                }
            }

            if (end < field.Count && (IsOneOf(field, end, ["and", "or"]) || field.Tokens[end].Has(TokenFlags.AfterComma)))
            {
                next = IsOneOf(field, end, ["and", "or"]) ? end + 1 : end;
                if (next < field.Count && IsOneOf(field, next, ["and"]))
                {
                    next++;
                }

                continue;
            }

            break;
        }

        return next - 1;
    }

    /// <summary>The end of a base name listed at <paramref name="start"/> (one to three capitalised words, an Arabic
    /// article allowed first) that the catalog knows with a base noun after it, added as a mention; −1 when none.</summary>
    private int ListedBase(FieldTokens field, int start, List<EntityMention> mentions)
    {
        for (var n = Math.Min(3, field.Count - start); n >= 1; n--)
        {
            var node = 0;
            var ok = true;
            for (var k = start; k < start + n && ok; k++)
            {
                ok = (field.Tokens[k].Has(TokenFlags.Capitalized) || k == start && n > 1 && IsOneOf(field, k, ArabicArticles))
                    && _trie.TryStep(node, field.Tokens[k].Symbol, out node);
            }

            if (!ok)
            {
                continue;
            }

            foreach (var suffix in (ReadOnlySpan<string>)["air base", "airbase", "air force base", "base", "airfield"])
            {
                var at = node;
                var found = true;
                foreach (var word in suffix.Split(' '))
                {
                    found = found && _trie.TryStep(at, _trie.Vocabulary.Find(word), out at);
                }

                if (found && _trie.TargetsAt(at) is { } targets)
                {
                    foreach (var target in targets)
                    {
                        if (target.Role == AliasRole.Name && _entities[target.Entity].Kind == EntityKind.Base)
                        {
                            if (!AlreadyNamed(mentions, field, start))
                            {
                                Add(mentions, field, start, start + n, _entities[target.Entity]);
                            }

                            return start + n;
                        }
                    }
                }
            }
        }

        return -1;
    }

    /// <summary>True when one of the last few mentions (those of the words just before) is a base starting at this token
    /// already ("Nevatim" is a name of its own; "Engels" is also a city, which is no reason to skip the base).</summary>
    private static bool AlreadyNamed(List<EntityMention> mentions, FieldTokens field, int token)
    {
        var start = field.Tokens[token].Start;
        for (var m = mentions.Count - 1; m >= 0 && m >= mentions.Count - 32; m--)
        {
            if (mentions[m].Kind == EntityKind.Base && mentions[m].Field == field.Field && mentions[m].Start == start)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Words after "military" that make the phrase an agency, a court, a policy or money, not the force.</summary>
    private static readonly string[] MilitaryNonForceHeads =
    [
        "intelligence", "court", "courts", "tribunal", "tribunals", "prosecutor", "prosecutors", "spending", "budget",
        "budgets", "expenditure", "expenditures", "hardware", "exports", "aid", "assistance", "cooperation", "ties",
        "doctrine", "technology", "applications", "government", "rule",
    ];

    /// <summary>True when a national-force phrase ending in "military" heads a phrase that names no armed force
    /// ("the Russian military intelligence agency", "U.S. military aid").</summary>
    private static bool NamesNoForce(FieldTokens field, Hit hit, int countryTokens)
    {
        // Lower case only: "Syrian Military Intelligence" is a named, armed directorate.
        if (hit.End < field.Count && IsOneOf(field, hit.End - 1, ["military"]) && IsOneOf(field, hit.End, MilitaryNonForceHeads) &&
            !field.Tokens[hit.End].Has(TokenFlags.Capitalized))
        {
            return true;
        }

        // "Russian missiles struck Dnipro", "Israeli strikes on Gaza", "a US strike in Idlib" name the force that fired;
        // "Russian missiles sold to India", "French strikes over pensions", "Turkish drones bought by Kyiv" do not.
        // Only the bare weapon word: "air strikes", "drone strikes" and "glide bombs" are military by themselves.
        // A model between country and noun ("British Typhoon jets", "Israeli F-35 jets") is a weapon too, sold as often as used.
        var model = hit.End - hit.First - countryTokens >= 2 && field.Tokens[hit.First + countryTokens] is var word
            && word.Symbol < 0 && (word.Flags & (TokenFlags.Capitalized | TokenFlags.AllUpper)) == TokenFlags.Capitalized;
        return (model || hit.End - hit.First - countryTokens == 1 && IsOneOf(field, hit.End - 1, WeaponHeads)) && !AttackFollows(field, hit.End);
    }

    /// <summary>National nouns that name a force only when an attack follows (see <see cref="AttackFollows"/>).</summary>
    private static readonly string[] WeaponHeads =
        ["missiles", "missile", "drones", "drone", "rocket", "rockets", "strike", "strikes", "bomb", "bombs", "tank", "shells", "aircraft"];

    /// <summary>Words that may stand between a weapon and its attack verb ("have also repeatedly targeted", "was shot down").</summary>
    private static readonly string[] AttackAuxiliaries = ["have", "has", "had", "were", "was", "are", "is", "been", "being"];

    private static readonly string[] AttackAdverbs = ["later", "also", "then", "reportedly", "again", "overnight", "repeatedly", "allegedly", "twice", "first"];

    /// <summary>Words right after a weapon that say it was used in an attack.</summary>
    private static readonly string[] AttackWords =
    [
        "hit", "hits", "struck", "strike", "strikes", "killed", "kill", "kills", "killing", "fired", "attacked", "attack", "attacks",
        "targeted", "targeting", "pounded", "pounding", "shelled", "bombed", "destroyed", "damaged", "wounded", "entered",
        "downed", "slammed", "rained", "on", "against", "continued", "landed", "exploded", "set", "wrecked", "shot", "intercepted",
        "launched", "hitting", "striking", "crashed", "smashed", "bombarded", "pummelled", "pummeled",
    ];

    private static readonly string[] WeekDays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    private static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>True when the word at <paramref name="token"/> starts an attack: an attack verb or "on", or "in" before a
    /// capitalised name that is no month ("strikes in Idlib", not "strikes in March").</summary>
    private static bool AttackFollows(FieldTokens field, int token)
    {
        if (token >= field.Count)
        {
            return false;
        }

        // "Russian missiles and drones struck": a second weapon; "Indian strikes later hit", "Russian drones have also
        // repeatedly targeted", "a Ukrainian drone was shot down": auxiliaries and adverbs may stand between.
        if (token + 2 < field.Count && IsOneOf(field, token, ["and", "or"]) && IsOneOf(field, token + 1, WeaponHeads))
        {
            token += 2;
        }

        for (var skipped = 0; skipped < 2 && token + 1 < field.Count && IsOneOf(field, token, AttackAuxiliaries); skipped++)
        {
            token++;
        }

        for (var skipped = 0; skipped < 2 && token + 1 < field.Count && IsOneOf(field, token, AttackAdverbs); skipped++)
        {
            token++;
        }

        // Not across a sentence ("… Turkish drones. On Monday, …"), and "on" before a day is a date ("strikes on Tuesday").
        if (field.Tokens[token].Has(TokenFlags.SentenceStart) ||
            IsOneOf(field, token, ["on"]) && token + 1 < field.Count && (IsOneOf(field, token + 1, WeekDays) || IsOneOf(field, token + 1, MonthNames)))
        {
            return false;
        }

        if (IsOneOf(field, token, AttackWords))
        {
            return true;
        }

        return IsOneOf(field, token, ["in", "near", "across"]) && token + 1 < field.Count &&
            field.Tokens[token + 1].Has(TokenFlags.Capitalized) && !IsOneOf(field, token + 1, MonthNames);
    }

    private static bool NamesItselfARegion(string text) => EndsWithWordOf(text, RegionWords);

    private static bool NamesItselfAPlace(string text) => EndsWithWordOf(text, RegionWords) || EndsWithWordOf(text, PlaceWords);

    private static bool EndsWithWordOf(string text, string[] words)
    {
        foreach (var word in words)
        {
            var at = text.LastIndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (at > 0 && at + word.Length == text.Length && text[at - 1] == ' ')
            {
                return true;
            }
        }

        return false;
    }
}
