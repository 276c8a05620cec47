using NewsIndex.Entities;

namespace NewsIndex.Querying;

/// <summary>
/// An immutable, typed query over a news index. Build one with the factories of <see cref="Q"/> and the <c>&amp;</c>,
/// <c>|</c> and <c>!</c> operators, or parse the query-string syntax with <see cref="Parse(string, EntityCatalog?, QueryLimits?)"/>.
/// <see cref="object.ToString"/> prints the query-string syntax, and parsing it gives an equal query back.
/// </summary>
/// <example><code>
/// var q = Q.Force("Wagner") &amp; Q.Text("airbase") &amp; !Q.Country("Mali");
/// Console.WriteLine(q); // force:Wagner airbase -country:Mali
/// </code></example>
public abstract record NewsQuery
{
    private protected NewsQuery()
    {
    }

    /// <summary>Parses the query-string syntax. With a catalog, entity values are checked and unknown ones are reported
    /// with their position. Throws <see cref="QuerySyntaxException"/>.</summary>
    public static NewsQuery Parse(string query, EntityCatalog? catalog = null, QueryLimits? limits = null) =>
        new QuerySyntaxParser(query, catalog, limits ?? QueryLimits.Default).Parse();

    /// <summary>Both queries must match.</summary>
    public static NewsQuery operator &(NewsQuery left, NewsQuery right) => AndClause.Of(left, right);

    /// <summary>Either query may match.</summary>
    public static NewsQuery operator |(NewsQuery left, NewsQuery right) => OrClause.Of(left, right);

    /// <summary>The query must not match.</summary>
    public static NewsQuery operator !(NewsQuery query) => query is NotClause not ? not.Inner : new NotClause(query);

    /// <summary>Named alternative to <c>&amp;</c>.</summary>
    public NewsQuery And(NewsQuery other) => this & other;

    /// <summary>Named alternative to <c>|</c>.</summary>
    public NewsQuery Or(NewsQuery other) => this | other;

    /// <summary>Named alternative to <c>!</c>.</summary>
    public NewsQuery Not() => !this;

    /// <summary>This query with its score multiplied by <paramref name="factor"/> (&gt; 0).</summary>
    public NewsQuery Boost(float factor) => new BoostClause(this, factor);

    /// <summary>The query-string syntax of this query.</summary>
    public abstract override string ToString();

    /// <summary>Precedence when printed: 0 OR, 1 AND, 2 NOT and boost, 3 primary.</summary>
    internal virtual int Precedence => 3;

    internal string ToString(int parentPrecedence) => Precedence < parentPrecedence ? $"({this})" : ToString();
}
