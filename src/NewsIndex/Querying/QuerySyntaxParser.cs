using System.Globalization;
using NewsIndex.Entities;

namespace NewsIndex.Querying;

/// <summary>
/// Recursive-descent parser of the query string syntax:
/// <code>
/// query   := or
/// or      := and ( "OR" and )*
/// and     := unary ( ["AND"] unary )*
/// unary   := ("NOT" | "-") unary | "+"? primary ( "^" number )?
/// primary := "(" or ")" | field ":" value | phrase ("~" n)? | word ( "*" | "~" n )? | "*"
/// </code>
/// Depth is bounded by <see cref="QueryLimits.MaxDepth"/>, so hostile nesting fails with a message, not a stack overflow.
/// </summary>
internal sealed partial class QuerySyntaxParser
{
    private const double MaxBoost = 10_000;
    private const double MaxKilometres = 20_040; // half the Earth's circumference: every point is closer

    private static readonly string[] Fields = ["title", "body", "country", "force", "base", "about", "source", "published", "affiliated", "located", "near"];

    private readonly string _text;
    private readonly EntityCatalog? _catalog;
    private readonly QueryLimits _limits;
    private int _pos;
    private int _depth;
    private int _clauses;

    public QuerySyntaxParser(string text, EntityCatalog? catalog, QueryLimits limits)
    {
        ArgumentNullException.ThrowIfNull(text);
        _text = text;
        _catalog = catalog;
        _limits = limits;
    }

    public NewsQuery Parse()
    {
        if (_text.Length > _limits.MaxLength)
        {
            throw Error(_limits.MaxLength, $"query is {_text.Length:N0} characters long, over the limit of {_limits.MaxLength:N0}");
        }

        if (QuerySyntax.FirstLoneSurrogate(_text) is var lone and >= 0)
        {
            throw Error(lone, "the query is not valid text (a lone UTF-16 surrogate)");
        }

        SkipSpace();
        if (_pos >= _text.Length)
        {
            throw Error(0, "empty query");
        }

        var query = ParseOr();
        SkipSpace();
        if (_pos < _text.Length)
        {
            throw Error(_pos, _text[_pos] == ')' ? "unmatched ')'" : $"unexpected '{_text[_pos]}'");
        }

        return query;
    }

    /// <summary>The kind <c>about:VALUE</c> resolves to: the first of country, force, base that knows the value.</summary>
    internal static EntityKind? AboutKind(string value, EntityCatalog catalog) =>
        Enum.GetValues<EntityKind>().Cast<EntityKind?>().FirstOrDefault(kind => catalog.TryResolve(kind!.Value, value, out _, out _));

    private NewsQuery ParseOr()
    {
        var left = ParseAnd();
        while (TryKeyword("OR"))
        {
            SkipSpace();
            if (AtEnd() || Peek() == ')')
            {
                throw Error(_pos, "OR needs a clause after it");
            }

            left = OrClause.Of(left, ParseAnd());
        }

        return left;
    }

    private NewsQuery ParseAnd()
    {
        var left = ParseUnary();
        while (true)
        {
            SkipSpace();
            if (AtEnd() || Peek() == ')' || IsKeywordAhead("OR"))
            {
                return left;
            }

            if (TryKeyword("AND"))
            {
                SkipSpace();
                if (AtEnd() || Peek() == ')')
                {
                    throw Error(_pos, "AND needs a clause after it");
                }
            }

            left = AndClause.Of(left, ParseUnary());
        }
    }

    private NewsQuery ParseUnary()
    {
        SkipSpace();
        if (AtEnd())
        {
            throw Error(_pos, "a clause was expected");
        }

        if (TryKeyword("NOT") || TryChar('-') || TryChar('!'))
        {
            Enter();
            var inner = ParseUnary();
            _depth--;
            return !inner;
        }

        TryChar('+');
        var primary = ParsePrimary();
        if (TryChar('^'))
        {
            var at = _pos;
            var factor = ReadNumber();
            if (factor is not (> 0 and <= MaxBoost))
            {
                throw Error(at, $"a boost (^) needs a positive number up to {MaxBoost}");
            }

            primary = primary.Boost((float)factor.Value);
        }

        return primary;
    }

    private NewsQuery ParsePrimary()
    {
        SkipSpace();
        var start = _pos;
        if (AtEnd())
        {
            throw Error(_pos, "a clause was expected");
        }

        var c = Peek();
        if (c == '(')
        {
            _pos++;
            Enter();
            SkipSpace();
            if (TryChar(')'))
            {
                throw Error(start, "empty parentheses");
            }

            var inner = ParseOr();
            SkipSpace();
            if (!TryChar(')'))
            {
                throw Error(start, "unclosed '('");
            }

            _depth--;
            return inner;
        }

        if (c == ')')
        {
            throw Error(_pos, "unmatched ')'");
        }

        if (c == '"')
        {
            return ParsePhrase(TextScope.All);
        }

        if (c is '*' or '?')
        {
            _pos++;
            if (c == '*' && (AtEnd() || char.IsWhiteSpace(Peek()) || Peek() == ')'))
            {
                return Q.All;
            }

            throw Error(start, "leading wildcards are not supported (they scan the whole term dictionary)");
        }

        if (c == '/')
        {
            throw Error(start, "regular expressions are not supported");
        }

        if (c is '[' or '{')
        {
            throw Error(start, "a range needs a field, as in published:[2024-01-01 TO 2024-12-31]");
        }

        var field = TryField();
        if (field is not null)
        {
            return ParseField(field, start);
        }

        return ParseWord(TextScope.All);
    }

    private NewsQuery ParseField(string field, int start)
    {
        if (AtEnd() || char.IsWhiteSpace(Peek()))
        {
            throw Error(_pos, $"'{field}:' needs a value");
        }

        switch (field)
        {
            case "title":
            case "body":
                var scope = field == "title" ? TextScope.Title : TextScope.Body;
                return Peek() == '"' ? ParsePhrase(scope) : ParseWord(scope);
            case "published":
                return ParseDateRange(start);
            case "near":
                return ParseNear();
        }

        var valueStart = _pos;
        EntityKind? aboutKind = null;
        if (field == "about")
        {
            var kindField = TryField();
            if (kindField is "country" or "force" or "base")
            {
                aboutKind = Enum.Parse<EntityKind>(kindField, ignoreCase: true);
                valueStart = _pos;
            }
            else if (kindField is not null)
            {
                throw Error(valueStart, $"about: takes a value, or country:, force: or base: and a value, not '{kindField}:'");
            }
        }

        var value = ReadValue(stopAtSlash: field is "force" or "about" or "country" or "base");
        Count(valueStart);
        switch (field)
        {
            case "source":
                return Q.Source(value);
            case "affiliated":
                return new AffiliatedWithClause(CheckEntity(EntityKind.Country, value, valueStart));
            case "located":
                return new LocatedInClause(CheckEntity(EntityKind.Country, value, valueStart));
            case "about":
                var kind = aboutKind ?? AboutKind(value, _catalog ?? EntityCatalog.Default)
                           ?? throw Error(valueStart, $"no country, force or base named \"{value}\" in the catalog");
                return new EntityClause(kind, CheckEntity(kind, value, valueStart), EntityScope.About, ReadRelations(kind));
            default:
                var entityKind = Enum.Parse<EntityKind>(field, ignoreCase: true);
                return new EntityClause(entityKind, CheckEntity(entityKind, value, valueStart), EntityScope.Mentions, ReadRelations(entityKind));
        }
    }

    /// <summary>The <c>/members+lineage</c> suffix of a force value (none when absent).</summary>
    private ForceRelations ReadRelations(EntityKind kind)
    {
        if (AtEnd() || Peek() != '/')
        {
            return ForceRelations.None;
        }

        var at = _pos;
        if (kind != EntityKind.Force)
        {
            throw Error(at, "only a force can include related forces (/members, /lineage)");
        }

        var include = ForceRelations.None;
        do
        {
            _pos++;
            var wordAt = _pos;
            var word = ReadWhile(char.IsAsciiLetter);
            include |= QuerySyntax.Relation(word) ?? throw Error(wordAt, $"'{Shorten(word)}' is no relation: use members, predecessors, successors or lineage, joined by '+'");
        }
        while (!AtEnd() && Peek() == '+');

        return include;
    }

    /// <summary>Checks an entity value through the catalog's one resolution path (the compiler asks the same memoised
    /// path), reporting an unknown value with its position and the closest names.</summary>
    private string CheckEntity(EntityKind kind, string value, int at)
    {
        if (_catalog is not null && !_catalog.TryResolve(kind, value, out _, out var suggestions))
        {
            throw Error(at, new UnknownEntityException(kind, value, suggestions).Message);
        }

        return value;
    }

    private NewsQuery ParseNear()
    {
        var at = _pos;
        var place = ReadValue(stopAtSlash: true);
        if (!TryChar('/'))
        {
            throw Error(_pos, "near: needs a distance, as in near:Niamey/20km");
        }

        var numberAt = _pos;
        var km = ReadNumber();
        var unit = ReadWhile(char.IsAsciiLetter);
        if (km is not (> 0 and <= MaxKilometres) || unit is not ("km" or ""))
        {
            throw Error(numberAt, $"near: distance must be a positive number of kilometres up to {MaxKilometres:0}, as in near:Niamey/20km");
        }

        Count(at);
        if (_catalog is not null && _catalog.Find(EntityKind.Base, place) is null && _catalog.FindCity(place) is null && _catalog.Find(EntityKind.Country, place) is null)
        {
            throw Error(at, $"no base, city or country named \"{place}\"");
        }

        return Q.Near(place, km.Value);
    }

    private NewsQuery ParseDateRange(int start)
    {
        if (!TryChar('['))
        {
            throw Error(_pos, "published: takes a range, as in published:[2024-01-01 TO 2024-12-31]");
        }

        SkipSpace();
        var from = ReadDate(upper: false);
        SkipSpace();
        if (!TryKeyword("TO"))
        {
            throw Error(_pos, "expected TO in the date range");
        }

        SkipSpace();
        var to = ReadDate(upper: true);
        SkipSpace();
        if (!TryChar(']'))
        {
            throw Error(_pos, "expected ']' to close the date range");
        }

        if (from is null && to is null)
        {
            throw Error(start, "a date range needs at least one end");
        }

        if (from > to)
        {
            throw Error(start, "the date range starts after it ends");
        }

        Count(start);
        return Q.Published(from, to);
    }

    /// <summary>A date or <c>*</c>. A partial date names a period: as a lower bound it means the period's first day,
    /// as an upper bound its last (<c>[1987-03 TO 1987-03]</c> is all of March 1987).</summary>
    private DateOnly? ReadDate(bool upper)
    {
        var at = _pos;
        if (TryChar('*'))
        {
            return null;
        }

        var text = ReadWhile(c => char.IsAsciiDigit(c) || c == '-');
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return upper ? month.AddMonths(1).AddDays(-1) : month;
        }

        if (DateOnly.TryParseExact(text, "yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var year))
        {
            return upper ? new DateOnly(year.Year, 12, 31) : year;
        }

        throw Error(at, $"'{Shorten(text)}' is not a date (use yyyy-MM-dd, yyyy-MM, yyyy or *)");
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";

    private NewsQuery ParsePhrase(TextScope scope)
    {
        var start = _pos;
        var text = ReadQuoted();
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Error(start, "empty phrase");
        }

        if (QuerySyntax.LongestWord(text) > QuerySyntax.MaxWordLength)
        {
            throw Error(start, $"the phrase has a word longer than {QuerySyntax.MaxWordLength} characters; the index does not keep such words");
        }

        Count(start);
        var slop = 0;
        if (TryChar('~'))
        {
            var at = _pos;
            var digits = ReadWhile(char.IsAsciiDigit);
            if (digits.Length == 0 || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out slop) || slop > QuerySyntax.MaxSlop)
            {
                throw Error(at, $"proximity (~) needs a whole number of positions up to {QuerySyntax.MaxSlop}");
            }
        }

        return Q.Phrase(text, slop, scope);
    }

    private NewsQuery ParseWord(TextScope scope)
    {
        var start = _pos;
        var word = ReadWord();
        if (string.IsNullOrWhiteSpace(word))
        {
            throw Error(start, AtEnd() ? "a word was expected" : $"unexpected '{Peek()}'");
        }

        if (word.Length > QuerySyntax.MaxWordLength)
        {
            throw Error(start, $"a word is longer than {QuerySyntax.MaxWordLength} characters; the index does not keep such words");
        }

        if (word.Any(char.IsWhiteSpace) && !AtEnd() && Peek() is '*' or '~')
        {
            throw Error(start, "a prefix or fuzzy term is one word (an escaped space makes two)");
        }

        Count(start);
        if (TryChar('*'))
        {
            if (word.Length < _limits.MinPrefixLength)
            {
                throw Error(start, $"a prefix needs at least {_limits.MinPrefixLength} characters before '*'");
            }

            return Q.Prefix(word, scope);
        }

        if (TryChar('~'))
        {
            var at = _pos;
            var digits = ReadWhile(char.IsAsciiDigit);
            var edits = 2;
            if (digits.Length > 0 && !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out edits))
            {
                edits = int.MaxValue;
            }

            if (edits is < 1 or > 2)
            {
                throw Error(at, "fuzzy (~) takes 1 or 2 edits");
            }

            return Q.Fuzzy(word, edits, scope);
        }

        if (!AtEnd() && Peek() is '?' or '*')
        {
            throw Error(_pos, "wildcards are only supported as a trailing '*'");
        }

        return Q.Text(word, scope);
    }
}
