namespace NewsIndex.Querying;

/// <summary>A typed query that is too deep or too large to run within the <see cref="QueryLimits"/>.</summary>
public sealed class QueryTooComplexException : NewsIndexException
{
    /// <summary>Creates the exception.</summary>
    public QueryTooComplexException(string message) : base(message)
    {
    }
}
