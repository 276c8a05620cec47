using System.Buffers;

namespace NewsIndex.Entities;

public sealed partial class EntityTagger
{
    /// <summary>Tokenizes one field and records, at each position, the longest alias that holds there.</summary>
    private void Match(string text, ArticleField field, MatchState state)
    {
        var tokens = ArrayPool<Token>.Shared.Rent(Math.Max(16, text.Length / 5));
        var count = Tokenizer.Tokenize(text, ref tokens, _trie.Vocabulary);
        var fieldIndex = state.Fields.Count;
        state.Fields.Add(new FieldTokens(field, text, tokens, count));

        Span<(int Node, int Next)> stack = stackalloc (int, int)[32];
        var lastCityEnd = -1;
        var lastCityCountry = string.Empty;
        var i = 0;
        while (i < count)
        {
            // Most tokens are words of no alias: no symbol, not a number, not a capitalised stand-in for a name.
            var first = tokens[i];
            if (first.Symbol < 0 && (first.Flags & (TokenFlags.Numeric | TokenFlags.Capitalized)) == 0)
            {
                i++;
                continue;
            }

            var (bestEnd, bestNode) = Longest(tokens, count, i, text, field, lastCityEnd, lastCityCountry, stack);

            // A name that starts with "the" ("the West") yields to a longer one starting at the next word ("the West
            // Bank", "the Gulf of Aden"): the article belongs to the longer name, which would otherwise lose its first word.
            if (bestEnd > i + 1 && IsWordOf(first, text, TheWord) && Longest(tokens, count, i + 1, text, field, lastCityEnd, lastCityCountry, stack).End > bestEnd)
            {
                i++;
                continue;
            }

            if (bestEnd < 0)
            {
                i++;
                continue;
            }

            var targetStart = state.Targets.Count;
            foreach (var target in _trie.TargetsAt(bestNode)!)
            {
                if (IsValid(target, tokens, count, i, bestEnd, text, field, lastCityEnd, lastCityCountry))
                {
                    state.Targets.Add(target);
                    if (target.Role == AliasRole.City)
                    {
                        lastCityEnd = bestEnd;
                        lastCityCountry = _catalog.Cities[target.Entity].Country;
                    }
                }
            }

            state.Hits.Add(new Hit(fieldIndex, i, bestEnd, targetStart, state.Targets.Count - targetStart));
            i = bestEnd;
        }
    }

    /// <summary>The longest alias with a valid target starting at token <paramref name="start"/>: its end (−1 when none) and trie node.</summary>
    private (int End, int Node) Longest(Token[] tokens, int count, int start, string text, ArticleField field, int lastCityEnd, string lastCityCountry, Span<(int Node, int Next)> stack)
    {
        var bestEnd = -1;
        var bestNode = -1;
        var bestExact = false;
        var depth = 0;
        stack[depth++] = (0, start);
        while (depth > 0)
        {
            var (node, j) = stack[--depth];
            if (j >= count || depth + 3 >= stack.Length)
            {
                continue;
            }

            ref readonly var token = ref tokens[j];
            for (var kind = 0; kind < 3; kind++)
            {
                var symbol = kind switch
                {
                    0 => token.Symbol,
                    1 => token.Has(TokenFlags.Numeric) ? Vocabulary.Number : -1,
                    // Only unknown capitalised words stand in for a name (the text checks below run only when a
                    // pattern continues with one), and not in Title Case runs ("Russian Forces Enter Niger Airbase").
                    _ => token.Symbol < 0 && (token.Flags & (TokenFlags.Capitalized | TokenFlags.AllUpper)) == TokenFlags.Capitalized
                        ? Vocabulary.CapitalizedWord
                        : -1,
                };
                if (symbol < 0 || !_trie.TryStep(node, symbol, out var next) ||
                    (kind == 2 && (IsStopWord(text, token) || InTitleCase(tokens, start))))
                {
                    continue;
                }

                stack[depth++] = (next, j + 1);
                var exact = kind == 0;
                if ((j + 1 > bestEnd || (j + 1 == bestEnd && exact && !bestExact)) && HasValidTarget(next, tokens, count, start, j + 1, text, field, lastCityEnd, lastCityCountry))
                {
                    bestEnd = j + 1;
                    bestNode = next;
                    bestExact = exact;
                }
            }
        }

        return (bestEnd, bestNode);
    }

    private static readonly string[] TheWord = ["the"];

    private bool HasValidTarget(int node, Token[] tokens, int count, int first, int end, string text, ArticleField field, int lastCityEnd, string lastCityCountry)
    {
        var targets = _trie.TargetsAt(node);
        if (targets is null)
        {
            return false;
        }

        foreach (var target in targets)
        {
            if (IsValid(target, tokens, count, first, end, text, field, lastCityEnd, lastCityCountry))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsValid(in AliasTarget target, Token[] tokens, int count, int first, int end, string text, ArticleField field, int lastCityEnd, string lastCityCountry)
    {
        // A dateline names a place, never a force: "LARGO, FLA" is Florida, not the FLA.
        if (field == ArticleField.Dateline && (target.Role is AliasRole.NationalForce or AliasRole.ContextName or AliasRole.BareBranch
            || target.Role == AliasRole.Name && _entities[target.Entity].Kind == EntityKind.Force))
        {
            return false;
        }

        // "NAVY SAYS" in a headline is the Navy; "fans known as ARMY" in running text is no service: a bare service in
        // capitals counts only in a title or among other capitalised words.
        if (target.Role == AliasRole.BareBranch && field != ArticleField.Title && tokens[first].Has(TokenFlags.AllUpper) &&
            !(first > 0 && tokens[first - 1].Has(TokenFlags.AllUpper)) && !(end < count && tokens[end].Has(TokenFlags.AllUpper)))
        {
            return false;
        }

        // "Nev.", "Ont.": outside a dateline only as the state of a place before it ("near Winnemucca, Nev.").
        if (target.Role == AliasRole.DatelineRegion && field != ArticleField.Dateline &&
            !(first > 0 && tokens[first].Has(TokenFlags.AfterComma) && tokens[first - 1].Has(TokenFlags.Capitalized)))
        {
            return false;
        }

        if (target.Role is AliasRole.Metonym or AliasRole.City && InsideALongerPlaceName(tokens, first, text))
        {
            return false;
        }

        if ((target.Role == AliasRole.Demonym || target.Role == AliasRole.Name && end - first == 1 && _entities[target.Entity].Kind == EntityKind.Country) && InsideAName(tokens, count, first, end))
        {
            return false;
        }

        for (var k = 0; k < target.Length; k++)
        {
            var flags = tokens[first + k].Flags;
            if ((target.UpperMask & (1u << k)) != 0 && (flags & TokenFlags.AllUpper) == 0)
            {
                return false;
            }

            if ((target.CapitalMask & (1u << k)) != 0 && (flags & TokenFlags.Capitalized) == 0)
            {
                return false;
            }

            // A mixed-case acronym keeps its inner capital ("LeT", not "Let"); an all-capitals headline may write a longer
            // one in capitals ("FAMA").
            if ((target.InnerUpperMask & (1u << k)) != 0 && (flags & TokenFlags.InnerUpper) == 0 &&
                ((flags & TokenFlags.AllUpper) == 0 || tokens[first + k].End - tokens[first + k].Start < 4))
            {
                return false;
            }
        }

        if (target.Role == AliasRole.Person)
        {
            return end - first > 1 || tokens[first].Has(TokenFlags.AllUpper) || SurnameStandsAlone(tokens, count, first, end, text, field);
        }

        // "the Pretoria agreement", "the Minsk accords", "the Astana process": an accord named after the city where it was
        // made is no reference to that city's country.
        if (target.Role is AliasRole.City or AliasRole.Metonym && end < count && !tokens[end].Has(TokenFlags.SentenceStart)
            && IsWordOf(tokens[end], text, AccordWords))
        {
            return false;
        }

        // "the Mobile World Congress", "Peru's Congress" aside, "the Peruvian Congress": after another capitalised word
        // "Congress" is some other body than the US Congress.
        if (target.Role == AliasRole.Metonym && end - first == 1 && first > 0 && tokens[first - 1].Has(TokenFlags.Capitalized)
            && !tokens[first].Has(TokenFlags.SentenceStart) && !tokens[first].Has(TokenFlags.AfterComma) && !tokens[first - 1].Has(TokenFlags.Possessive)
            && !(tokens[first - 1].Has(TokenFlags.SentenceStart) && IsWordOf(tokens[first - 1], text, SentenceOpeners))
            && IsWordOf(tokens[first], text, CongressWord) && !IsWordOf(tokens[first - 1], text, UsWords))
        {
            return false;
        }

        if (!target.PersonLike || tokens[first].Has(TokenFlags.AllUpper))
        {
            return true;
        }

        // "Chad Smith", "Michael Jordan", "Atlanta, Georgia": a country name that is also a first name or a US state;
        // "Chad le Clos", "Jordan de Goey": a name particle and a surname after it.
        if (end < count && tokens[end].Has(TokenFlags.Capitalized) && !tokens[end].Has(TokenFlags.SentenceStart) &&
            !tokens[end].Has(TokenFlags.AfterComma) && !_trie.IsStrongEntityWord(tokens[end].Symbol) && !IsPossessive(tokens[first])
            || end + 1 < count && !IsPossessive(tokens[first]) && IsWordOf(tokens[end], text, NameParticles) && tokens[end + 1].Has(TokenFlags.Capitalized)
                && !tokens[end + 1].Has(TokenFlags.AfterComma) && text.AsSpan(tokens[first].End, tokens[end].Start - tokens[first].End) is " ")
        {
            return false;
        }

        if (first > 0 && !tokens[first].Has(TokenFlags.SentenceStart) && !tokens[first].Has(TokenFlags.AfterComma) &&
            tokens[first - 1].Has(TokenFlags.Capitalized) && !_trie.IsStrongEntityWord(tokens[first - 1].Symbol) && !tokens[first - 1].Has(TokenFlags.AllUpper) &&
            !(tokens[first - 1].Has(TokenFlags.SentenceStart) && IsWordOf(tokens[first - 1], text, SentenceOpeners)))
        {
            return false;
        }

        // "Athens, Georgia": a name that is also a state, right after another country's city, is the state ("Saint-Denis,
        // France" is France).
        var entity = _entities[target.Entity];
        return !(tokens[first].Has(TokenFlags.AfterComma) && lastCityEnd == first && !string.Equals(lastCityCountry, entity.Id, StringComparison.Ordinal)
            && _stateCountries.ContainsKey(text[tokens[first].Start..tokens[end - 1].End]));
    }

    /// <summary>Surnames (token symbols) the text being tagged gave to someone else ("Jason Gillard"): a later bare use is that person.</summary>
    [ThreadStatic]
    private static HashSet<int>? t_otherPeople;

    /// <summary>Words that may stand before a leader's surname: titles and offices ("President Putin", "Chancellor Merkel").</summary>
    private static readonly string[] Honorifics =
    [
        "president", "presidents", "premier", "minister", "ministers", "pm", "chancellor", "chancellors", "mr", "mrs", "ms", "dr", "king",
        "queen", "prince", "princess", "emir", "sheikh", "ayatollah", "general", "gen", "marshal", "secretary", "leader", "chairman",
        "senator", "sen", "governor", "speaker", "former", "ex", "colonel", "col", "mullah", "comrade", "vice", "acting", "then",
        "interim", "strongman", "dictator", "counterpart", "envoy", "judge", "justice", "lord", "lady", "sir", "dame", "madame",
        "monsieur", "herr", "frau", "mayor", "field",
    ];

    private static readonly string[] CongressWord = ["Congress"];

    /// <summary>Words that make a city's name the name of an accord or a diplomatic format ("the Minsk agreements").</summary>
    private static readonly string[] AccordWords =
        ["agreement", "agreements", "accord", "accords", "treaty", "protocol", "protocols", "declaration", "format", "process", "communique", "communiqué", "consensus", "convention", "conventions"];

    /// <summary>Words that make "Congress" the US Congress after them ("U.S. Congress", "American Congress").</summary>
    private static readonly string[] UsWords = ["U.S", "US", "USA", "American", "States"];

    /// <summary>Lower-case particles of surnames after a first name ("Chad le Clos", "Kenya de Souza").</summary>
    private static readonly string[] NameParticles = ["le", "la", "de", "van", "von", "da", "du", "del", "della", "di", "dos", "das", "bin", "ben", "al", "el", "ter", "ten"];

    /// <summary>Function words that are capitalised only because they open a sentence ("The Reagan administration").</summary>
    private static readonly string[] SentenceOpeners = ["the", "a", "an", "and", "but", "when", "after", "as", "if", "while", "then", "so", "yet", "since", "before", "under", "with", "for", "in", "on", "at", "by"];

    /// <summary>Capitalised words that may follow a leader's surname in the same phrase ("the Reagan Administration").</summary>
    private static readonly string[] SurnameHeads = ["administration", "government", "cabinet", "doctrine", "era", "regime", "presidency", "junta"];

    /// <summary>
    /// A leader's surname alone names its country only where it stands as that person: not inside another name ("Jose
    /// Noriega", "Empress Sisi", "Saddam Haftar") nor before a capitalised word that makes it a place or a thing ("Blair
    /// County", "Clinton Township"). A title ("President Putin"), a possessive before it ("Russia's Putin") or after it
    /// ("Putin's") keeps it; in a headline, where every word may be capitalised, only the word before counts.
    /// </summary>
    private static bool SurnameStandsAlone(Token[] tokens, int count, int first, int end, string text, ArticleField field)
    {
        var others = t_otherPeople;
        if (others is not null && others.Contains(tokens[first].Symbol))
        {
            return false; // the text named someone else of that name before ("Jason Gillard … Gillard said")
        }

        if (first > 0 && !tokens[first].Has(TokenFlags.SentenceStart) && !tokens[first].Has(TokenFlags.AfterComma) &&
            tokens[first - 1].Has(TokenFlags.Capitalized) && !tokens[first - 1].Has(TokenFlags.AllUpper) &&
            !IsPossessive(tokens[first - 1]) && !IsWordOf(tokens[first - 1], text, Honorifics) &&
            !(tokens[first - 1].Has(TokenFlags.SentenceStart) && IsWordOf(tokens[first - 1], text, SentenceOpeners)))
        {
            (t_otherPeople ??= []).Add(tokens[first].Symbol);
            return false;
        }

        return field == ArticleField.Title || end >= count || IsPossessive(tokens[end - 1]) || !tokens[end].Has(TokenFlags.Capitalized) ||
            tokens[end].Has(TokenFlags.SentenceStart) || tokens[end].Has(TokenFlags.AfterComma) || IsWordOf(tokens[end], text, SurnameHeads);
    }

    /// <summary>True when the token is one of <paramref name="words"/>, in any case (a trailing abbreviation point ignored).</summary>
    private static bool IsWordOf(in Token token, string text, ReadOnlySpan<string> words)
    {
        var word = text.AsSpan(token.Start, token.End - token.Start).TrimEnd('.');
        foreach (var candidate in words)
        {
            if (word.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when a demonym or a one-word country name sits between two capitalised words that name no entity, inside one
    /// longer name: "Barangay Saudi Kalawag" is a Philippine village, not Saudi Arabia. Not at a sentence start or after a
    /// comma, and not in an all-capitals run.
    /// </summary>
    private bool InsideAName(Token[] tokens, int count, int first, int end)
    {
        if (first == 0 || end >= count || tokens[first].Has(TokenFlags.SentenceStart) || tokens[first].Has(TokenFlags.AfterComma) ||
            tokens[end].Has(TokenFlags.SentenceStart) || tokens[end].Has(TokenFlags.AfterComma))
        {
            return false;
        }

        static bool NameWord(in Token token) => (token.Flags & (TokenFlags.Capitalized | TokenFlags.AllUpper)) == TokenFlags.Capitalized;
        return NameWord(tokens[first - 1]) && NameWord(tokens[end]) && !tokens[first - 1].Has(TokenFlags.SentenceStart) &&
            !_trie.IsEntityWord(tokens[first - 1].Symbol) && !_trie.IsEntityWord(tokens[end].Symbol);
    }

    /// <summary>Place-name particles of Portuguese, Spanish, Italian and French names ("Mocimboa da Praia", "Vila do Conde").</summary>
    private static readonly string[] PlaceParticles = ["da", "de", "do", "das", "dos", "del", "della", "di", "du", "des"];

    /// <summary>
    /// True when the name ends a longer place name: "Capitalised particle Name", as in "Mocimboa da Praia" (not the capital
    /// of Cape Verde) or "Santa Cruz de Tenerife". The particle must be lower case and follow a capitalised word.
    /// </summary>
    private static bool InsideALongerPlaceName(Token[] tokens, int first, string text)
    {
        if (first < 2 || tokens[first].Has(TokenFlags.SentenceStart) || tokens[first - 1].Has(TokenFlags.SentenceStart) ||
            tokens[first - 1].Has(TokenFlags.AfterComma) || tokens[first].Has(TokenFlags.AfterComma) ||
            !tokens[first - 2].Has(TokenFlags.Capitalized) || tokens[first - 2].End + 1 != tokens[first - 1].Start ||
            tokens[first - 1].End + 1 != tokens[first].Start)
        {
            return false;
        }

        var particle = text.AsSpan(tokens[first - 1].Start, tokens[first - 1].End - tokens[first - 1].Start);
        foreach (var candidate in PlaceParticles)
        {
            if (particle.SequenceEqual(candidate))
            {
                return true;
            }
        }

        return false;
    }

    private static bool InTitleCase(Token[] tokens, int first) =>
        first > 0 && !tokens[first].Has(TokenFlags.SentenceStart) && tokens[first - 1].Has(TokenFlags.Capitalized) && !tokens[first - 1].Has(TokenFlags.Possessive);

    private static bool IsPossessive(in Token token) => token.Has(TokenFlags.Possessive);

    private static bool IsStopWord(string text, in Token token)
    {
        if (token.End - token.Start > 5)
        {
            return false;
        }

        var word = text.AsSpan(token.Start, token.End - token.Start);
        foreach (var stop in PatternStopWords)
        {
            if (word.Equals(stop, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
