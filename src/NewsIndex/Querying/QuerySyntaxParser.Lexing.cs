using System.Globalization;
using System.Text;

namespace NewsIndex.Querying;

/// <summary>The character-level half of the parser: words, quoted values, numbers, keywords, positions and limits.</summary>
internal sealed partial class QuerySyntaxParser
{
    private string ReadValue(bool stopAtSlash = false)
    {
        if (!AtEnd() && Peek() == '"')
        {
            var at = _pos;
            var quoted = ReadQuoted();
            return string.IsNullOrWhiteSpace(quoted) ? throw Error(at, "empty value") : quoted;
        }

        var start = _pos;
        var word = ReadWord(stopAtSlash);
        return string.IsNullOrWhiteSpace(word) ? throw Error(start, "a value was expected") : word;
    }

    private string ReadQuoted()
    {
        var start = _pos;
        _pos++; // opening quote
        var builder = new StringBuilder();
        while (!AtEnd())
        {
            var c = _text[_pos++];
            if (c == '\\' && !AtEnd())
            {
                builder.Append(_text[_pos++]);
            }
            else if (c == '"')
            {
                return builder.ToString();
            }
            else
            {
                builder.Append(c);
            }
        }

        throw Error(start, "unclosed '\"'");
    }

    private string ReadWord(bool stopAtSlash = false)
    {
        var builder = new StringBuilder();
        while (!AtEnd())
        {
            var c = Peek();
            if (c == '\\' && _pos + 1 < _text.Length)
            {
                builder.Append(_text[_pos + 1]);
                _pos += 2;
                continue;
            }

            if (char.IsWhiteSpace(c) || c is '(' or ')' or '"' or '^' or '~' or '*' or '?' or ':' or '[' or ']' or '{' or '}' || (stopAtSlash && c == '/'))
            {
                break;
            }

            builder.Append(c);
            _pos++;
        }

        return builder.ToString();
    }

    private string? TryField()
    {
        var start = _pos;
        var word = ReadWhile(char.IsAsciiLetter);
        if (word.Length > 0 && !AtEnd() && Peek() == ':')
        {
            var field = word.ToLowerInvariant();
            if (Fields.Contains(field, StringComparer.Ordinal))
            {
                _pos++;
                return field;
            }

            throw Error(start, $"unknown field '{word}' (fields: {string.Join(", ", Fields)})");
        }

        _pos = start;
        return null;
    }

    private double? ReadNumber()
    {
        var text = ReadWhile(c => char.IsAsciiDigit(c) || c == '.');
        return double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private string ReadWhile(Func<char, bool> predicate)
    {
        var start = _pos;
        while (!AtEnd() && predicate(Peek()))
        {
            _pos++;
        }

        return _text[start.._pos];
    }

    private bool TryKeyword(string keyword)
    {
        if (!IsKeywordAhead(keyword))
        {
            return false;
        }

        _pos += keyword.Length;
        return true;
    }

    private bool IsKeywordAhead(string keyword) =>
        string.CompareOrdinal(_text, _pos, keyword, 0, keyword.Length) == 0 &&
        (_pos + keyword.Length >= _text.Length || char.IsWhiteSpace(_text[_pos + keyword.Length]) || _text[_pos + keyword.Length] is '(' or '"' or '-');

    private bool TryChar(char c)
    {
        if (!AtEnd() && Peek() == c)
        {
            _pos++;
            return true;
        }

        return false;
    }

    private void Enter()
    {
        if (++_depth > _limits.MaxDepth)
        {
            throw Error(_pos, $"nesting deeper than {_limits.MaxDepth} levels");
        }
    }

    private void Count(int at)
    {
        if (++_clauses > _limits.MaxClauses)
        {
            throw Error(at, $"more than {_limits.MaxClauses} clauses");
        }
    }

    private void SkipSpace()
    {
        while (!AtEnd() && char.IsWhiteSpace(Peek()))
        {
            _pos++;
        }
    }

    private bool AtEnd() => _pos >= _text.Length;

    private char Peek() => _text[_pos];

    private QuerySyntaxException Error(int position, string reason) => new(_text, Math.Min(position, _text.Length), reason);
}
