namespace NewsIndex.Querying;

/// <summary>A query string that cannot be parsed or breaks a <see cref="QueryLimits"/> bound. Says what and where.</summary>
public sealed class QuerySyntaxException : NewsIndexException
{
    /// <summary>Creates the exception.</summary>
    public QuerySyntaxException(string query, int position, string reason)
        : base($"{reason} at position {position + 1}: {Excerpt(query, position)}")
    {
        Query = query;
        Position = position;
        Reason = reason;
    }

    /// <summary>The query string.</summary>
    public string Query { get; }

    /// <summary>0-based character position of the problem.</summary>
    public int Position { get; }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }

    private static string Excerpt(string query, int position)
    {
        var start = Math.Max(0, position - 30);
        var end = Math.Min(query.Length, position + 30);
        var text = query[start..end].ReplaceLineEndings(" ");
        return $"{(start > 0 ? "…" : string.Empty)}{text}{(end < query.Length ? "…" : string.Empty)} (the problem is at '{(position < query.Length ? query[position].ToString() : "end of query")}')";
    }
}
