namespace NewsIndex.Querying;

/// <summary>Articles matching every clause (negated clauses must not match). Syntax: clauses side by side, or <c>AND</c>.</summary>
public sealed record AndClause : NewsQuery
{
    /// <summary>Creates the clause from at least two clauses.</summary>
    public AndClause(IEnumerable<NewsQuery> clauses)
    {
        ArgumentNullException.ThrowIfNull(clauses);
        Clauses = ValueList.From(clauses.ToArray());
        if (Clauses.Count < 2 || Clauses.Any(c => c is null))
        {
            throw new ArgumentException("an AND needs at least two clauses", nameof(clauses));
        }
    }

    /// <summary>The clauses.</summary>
    public ValueList<NewsQuery> Clauses { get; }

    internal override int Precedence => 1;

    /// <summary>Combines two queries, flattening nested ANDs and merging adjacent words of the same scope
    /// (<c>Text("a") &amp; Text("b")</c> is <c>Text("a b")</c>), so equal queries have one shape.</summary>
    internal static NewsQuery Of(NewsQuery left, NewsQuery right)
    {
        var list = new List<NewsQuery>();
        foreach (var clause in Flatten(left).Concat(Flatten(right)))
        {
            if (clause is TextClause text && list.Count > 0 && list[^1] is TextClause previous && previous.Scope == text.Scope)
            {
                list[^1] = new TextClause(previous.Text + " " + text.Text, text.Scope);
            }
            else
            {
                list.Add(clause);
            }
        }

        return list.Count == 1 ? list[0] : new AndClause(list);
    }

    private static ValueList<NewsQuery> Flatten(NewsQuery query) => query is AndClause and ? and.Clauses : [query];

    /// <inheritdoc />
    public override string ToString() => string.Join(' ', Clauses.Select(c => c.ToString(1)));
}
