using System.Globalization;

namespace NewsIndex.Querying;

/// <summary>Articles published between two UTC days, both inclusive; an open end is null. Articles without a date never
/// match. Syntax <c>published:[2024-01-01 TO 2024-12-31]</c>, <c>published:[2024-05-01 TO *]</c>.</summary>
public sealed record PublishedClause : NewsQuery
{
    /// <summary>Creates the clause.</summary>
    public PublishedClause(DateOnly? from, DateOnly? to)
    {
        if (from is null && to is null)
        {
            throw new ArgumentException("a date range needs at least one end");
        }

        if (from > to)
        {
            throw new ArgumentException($"the range starts ({from:yyyy-MM-dd}) after it ends ({to:yyyy-MM-dd})");
        }

        From = from;
        To = to;
    }

    /// <summary>First day, or null.</summary>
    public DateOnly? From { get; }

    /// <summary>Last day, or null.</summary>
    public DateOnly? To { get; }

    /// <inheritdoc />
    public override string ToString() => $"published:[{Format(From)} TO {Format(To)}]";

    private static string Format(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "*";
}
