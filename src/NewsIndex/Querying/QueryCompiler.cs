using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using NewsIndex.Analysis;
using NewsIndex.Entities;
using NewsIndex.Mapping;

namespace NewsIndex.Querying;

/// <summary>
/// Compiles typed queries to Lucene queries for one catalog. Entity values resolve through the catalog (id or alias);
/// relations expand through it (forces affiliated with a country, bases near a point). Stateless apart from its
/// inputs, so one compiler serves concurrent searches.
/// </summary>
internal sealed class QueryCompiler(EntityCatalog catalog, NewsAnalyzer analyzer, QueryLimits limits)
{
    private const float TitleBoost = 2f;

    /// <summary>Compiles a query. A clause that analyses to no terms is neutral: it is dropped from AND and OR, and
    /// NOT of it is neutral too; a query neutral as a whole compiles to one that matches nothing.</summary>
    /// <exception cref="QueryTooComplexException">The query breaks <see cref="QueryLimits"/>.</exception>
    /// <exception cref="UnknownEntityException">An entity value does not resolve in the catalog.</exception>
    public CompiledQuery Compile(NewsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        CheckShape(query);
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var evidence = new List<EntityEvidence>();
        var budget = new TermBudget(limits.MaxTerms);
        var lucene = Build(query, terms, evidence, budget);
        return new CompiledQuery(lucene ?? new BooleanQuery(), terms, evidence, Neutral: lucene is null);
    }

    /// <summary>Checks depth and size without recursion, so a hostile typed query cannot overflow the stack. Typed
    /// queries obey the same <see cref="QueryLimits"/> as the string syntax: at most <see cref="QueryLimits.MaxClauses"/>
    /// leaf clauses, and a tree at most twice <see cref="QueryLimits.MaxDepth"/> deep (a parenthesised level of the
    /// syntax is up to two tree levels: a NOT and an AND or OR).</summary>
    private void CheckShape(NewsQuery query)
    {
        var maxDepth = 2 * limits.MaxDepth + 2;
        var stack = new Stack<(NewsQuery Query, int Depth)>();
        stack.Push((query, 1));
        var leaves = 0;
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (depth > maxDepth)
            {
                throw new QueryTooComplexException($"query is nested deeper than {maxDepth} levels");
            }

            IEnumerable<NewsQuery> children = node switch
            {
                AndClause and => and.Clauses,
                OrClause or => or.Clauses,
                NotClause not => [not.Inner],
                BoostClause boost => [boost.Inner],
                _ => [],
            };
            if (node is not (AndClause or OrClause or NotClause or BoostClause) && ++leaves > limits.MaxClauses)
            {
                throw new QueryTooComplexException($"query has more than {limits.MaxClauses} clauses");
            }

            foreach (var child in children)
            {
                stack.Push((child, depth + 1));
            }
        }
    }

    /// <summary>The analysed terms a query may still use (<see cref="QueryLimits.MaxTerms"/>).</summary>
    private sealed class TermBudget(int max)
    {
        private int _used;

        public void Spend(int count)
        {
            _used += count;
            if (_used > max)
            {
                throw new QueryTooComplexException($"query analyses to more than {max} terms");
            }
        }
    }

    /// <summary>The Lucene query of a clause, or null when the clause is neutral (analyses to no terms).</summary>
    private Query? Build(NewsQuery query, HashSet<string> terms, List<EntityEvidence> evidence, TermBudget budget)
    {
        switch (query)
        {
            case MatchAllClause:
                return new MatchAllDocsQuery();
            case TextClause text:
                return Words(text, terms, budget);
            case PhraseClause phrase:
                return Phrase(phrase, terms, budget);
            case PrefixClause prefix:
                budget.Spend(1);
                return Fields(prefix.Scope, field => new PrefixQuery(new Term(field, Fold(prefix.Prefix)))
                {
                    MultiTermRewriteMethod = new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(limits.MaxExpansions),
                });
            case FuzzyClause fuzzy:
            {
                var analyzed = Analyze(fuzzy.Term);
                if (analyzed.Count == 0)
                {
                    return null;
                }

                budget.Spend(1);
                var fuzzyTerm = analyzed[0].Term;
                return Fields(fuzzy.Scope, field => new FuzzyQuery(new Term(field, fuzzyTerm), fuzzy.MaxEdits, 1, limits.MaxExpansions, true));
            }

            case EntityClause entity:
                return Entity(entity, evidence);
            case AffiliatedWithClause affiliated:
            {
                var country = ResolveOne(EntityKind.Country, affiliated.Country);
                evidence.Add(new EntityEvidence(affiliated.ToString(), EntityKind.Force, catalog.Relations.ForcesAffiliatedWith(country), country, EvidenceRelation.TiedTo));
                evidence.Add(new EntityEvidence(affiliated.ToString(), EntityKind.Base, catalog.Relations.BasesTiedTo(country), country, EvidenceRelation.TiedTo));
                return Constant(new TermQuery(new Term(FieldNames.Affiliation, country)), 1f);
            }

            case LocatedInClause located:
            {
                var country = ResolveOne(EntityKind.Country, located.Country);
                evidence.Add(new EntityEvidence(located.ToString(), EntityKind.Base, catalog.Relations.BasesHostedBy(country), country, EvidenceRelation.HostedIn));
                return Constant(new TermQuery(new Term(FieldNames.BaseHost, country)), 1f);
            }

            case NearClause near:
                return Near(near, evidence);
            case PublishedClause published:
                return Constant(NumericRangeQuery.NewInt32Range(FieldNames.PublishedDay, FieldNames.PublishedDayPrecisionStep,
                    published.From is { } from ? Day(from) : null, published.To is { } to ? Day(to) : null, true, true), 0.5f);
            case SourceClause source:
                return Constant(new TermQuery(new Term(FieldNames.Source, DocumentMapper.NormalizeSource(source.Source))), 0.5f);
            case BoostClause boost:
            {
                var inner = Build(boost.Inner, terms, evidence, budget);
                if (inner is not null)
                {
                    inner.Boost *= boost.Factor;
                }

                return inner;
            }

            case NotClause not:
            {
                var inner = Build(not.Inner, terms: [], evidence: [], budget);
                return inner is null ? null : new BooleanQuery { { new MatchAllDocsQuery(), Occur.MUST }, { inner, Occur.MUST_NOT } };
            }

            case AndClause and:
            {
                var boolean = new BooleanQuery();
                var positive = false;
                foreach (var clause in and.Clauses)
                {
                    if (clause is NotClause negated)
                    {
                        if (Build(negated.Inner, terms: [], evidence: [], budget) is { } excluded)
                        {
                            boolean.Add(excluded, Occur.MUST_NOT);
                        }
                    }
                    else if (Build(clause, terms, evidence, budget) is { } built)
                    {
                        boolean.Add(built, Occur.MUST);
                        positive = true;
                    }
                }

                if (boolean.Clauses.Count == 0)
                {
                    return null;
                }

                if (!positive)
                {
                    boolean.Add(new MatchAllDocsQuery(), Occur.MUST);
                }

                return boolean;
            }

            case OrClause or:
            {
                var boolean = new BooleanQuery();
                foreach (var clause in or.Clauses)
                {
                    if (Build(clause, terms, evidence, budget) is { } built)
                    {
                        boolean.Add(built, Occur.SHOULD);
                    }
                }

                return boolean.Clauses.Count switch
                {
                    0 => null,
                    1 => boolean.Clauses[0].Query,
                    _ => boolean,
                };
            }

            default:
                throw new NotSupportedException($"query clause {query.GetType().Name} is not supported");
        }
    }

    /// <summary>Resolves through the catalog's one resolution path (shared with the parser and memoised there).</summary>
    private IReadOnlyList<string> ResolveIds(EntityKind kind, string value) =>
        catalog.TryResolve(kind, value, out var ids, out var suggestions) ? ids : throw new UnknownEntityException(kind, value, suggestions);

    private string ResolveOne(EntityKind kind, string value) => ResolveIds(kind, value)[0];

    private Query? Words(TextClause text, HashSet<string> terms, TermBudget budget)
    {
        var analyzed = Analyze(text.Text);
        if (analyzed.Count == 0)
        {
            return null; // only stop words: neutral
        }

        budget.Spend(analyzed.Count);

        var boolean = new BooleanQuery();
        foreach (var (term, _) in analyzed.DistinctBy(t => t.Term))
        {
            terms.Add(term);
            boolean.Add(Fields(text.Scope, field => new TermQuery(new Term(field, term))), Occur.MUST);
        }

        return boolean.Clauses.Count == 1 ? boolean.Clauses[0].Query : boolean;
    }

    private Query? Phrase(PhraseClause phrase, HashSet<string> terms, TermBudget budget)
    {
        var analyzed = Analyze(phrase.Text);
        if (analyzed.Count == 0)
        {
            return null;
        }

        budget.Spend(analyzed.Count);

        foreach (var (term, _) in analyzed)
        {
            terms.Add(term);
        }

        return Fields(phrase.Scope, field =>
        {
            var query = new PhraseQuery { Slop = phrase.Slop };
            foreach (var (term, position) in analyzed)
            {
                query.Add(new Term(field, term), position);
            }

            return query;
        });
    }

    private Query Entity(EntityClause clause, List<EntityEvidence> evidence)
    {
        // An alias may name several entities ("Air Base 101": Niger's and Mali's); the clause matches any of them.
        var ids = ResolveIds(clause.Kind, clause.Value).ToArray();
        var printed = clause.ToString();
        evidence.Add(new EntityEvidence(printed, clause.Kind, ids.ToHashSet(StringComparer.Ordinal)));
        if (clause.Include != ForceRelations.None)
        {
            // Each relation is its own evidence, so "why" says which one matched: "force:JNIM/members (member)".
            var all = new HashSet<string>(ids, StringComparer.Ordinal);
            foreach (var (relation, label) in (ReadOnlySpan<(ForceRelations, string)>)[(ForceRelations.Members, "member"), (ForceRelations.Predecessors, "predecessor"), (ForceRelations.Successors, "successor")])
            {
                if (clause.Include.HasFlag(relation))
                {
                    var related = catalog.Relations.Related(ids, relation == ForceRelations.Members ? ForceLink.Member : relation == ForceRelations.Predecessors ? ForceLink.Predecessor : ForceLink.Successor);
                    related.ExceptWith(ids);
                    if (related.Count > 0)
                    {
                        evidence.Add(new EntityEvidence($"{printed} ({label})", clause.Kind, related));
                        all.UnionWith(related);
                    }
                }
            }

            ids = [.. all.Order(StringComparer.Ordinal)];
        }

        var about = Constant(AnyTerm(FieldNames.About(clause.Kind), ids), 1f);
        if (clause.Scope == EntityScope.About)
        {
            about.Boost = 2f;
            return about;
        }

        // Every article that mentions it matches; the ones about it score higher.
        return new BooleanQuery
        {
            { Constant(AnyTerm(FieldNames.Entity(clause.Kind), ids), 1f), Occur.MUST },
            { about, Occur.SHOULD },
        };
    }

    private ConstantScoreQuery Near(NearClause near, List<EntityEvidence> evidence)
    {
        var center = catalog.Find(EntityKind.Base, near.Place)?.Location
                     ?? catalog.FindCity(near.Place)?.Location
                     ?? catalog.Find(EntityKind.Country, near.Place)?.Location
                     ?? throw new UnknownEntityException(EntityKind.Base, near.Place, []);
        var ids = catalog.All(EntityKind.Base)
            .Where(b => b.Location is { } location && location.DistanceKm(center) <= near.Kilometres)
            .Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        evidence.Add(new EntityEvidence(near.ToString(), EntityKind.Base, ids));
        var boolean = new BooleanQuery();
        foreach (var id in ids)
        {
            boolean.Add(new TermQuery(new Term(FieldNames.Entity(EntityKind.Base), id)), Occur.SHOULD);
        }

        return Constant(boolean, 1f);
    }

    private static Query AnyTerm(string field, string[] values)
    {
        if (values.Length == 1)
        {
            return new TermQuery(new Term(field, values[0]));
        }

        var any = new BooleanQuery();
        foreach (var value in values)
        {
            any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        }

        return any;
    }

    private static Query Fields(TextScope scope, Func<string, Query> build)
    {
        switch (scope)
        {
            case TextScope.Title:
                return build(FieldNames.Title);
            case TextScope.Body:
                return build(FieldNames.Body);
            default:
                var title = build(FieldNames.Title);
                title.Boost *= TitleBoost;
                return new BooleanQuery { { title, Occur.SHOULD }, { build(FieldNames.Body), Occur.SHOULD } };
        }
    }

    private static int Day(DateOnly day) => DocumentMapper.Day(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    private static ConstantScoreQuery Constant(Query query, float boost) => new(query) { Boost = boost };

    /// <summary>Terms with their positions, as the index analyses text (stop words leave gaps).</summary>
    internal List<(string Term, int Position)> Analyze(string text)
    {
        var result = new List<(string, int)>();
        using var stream = analyzer.GetTokenStream(FieldNames.Body, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            result.Add((term.ToString(), position));
        }

        stream.End();
        return result;
    }

    private static string Fold(string text)
    {
        // Lone surrogates cannot be normalised; they can never match an indexed term either, so they become U+FFFD.
        var valid = QuerySyntax.FirstLoneSurrogate(text) < 0 ? text : System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(text));
        var normalized = valid.Normalize(System.Text.NormalizationForm.FormD);
        return new string(normalized.Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray()).ToLowerInvariant();
    }
}
