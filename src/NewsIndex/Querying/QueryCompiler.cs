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
    private const int MaxTypedDepth = 64;
    private const int MaxTypedNodes = 1024;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (IReadOnlySet<string>, IReadOnlySet<string>)> _tied = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlySet<string>> _hosted = new(StringComparer.Ordinal);

    public CompiledQuery Compile(NewsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        CheckShape(query);
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var evidence = new List<(string, EntityKind, IReadOnlySet<string>, string?)>();
        var lucene = Build(query, terms, evidence) ?? new MatchAllDocsQuery();
        return new CompiledQuery(lucene, terms, evidence);
    }

    /// <summary>Checks depth and size without recursion, so a hostile typed query cannot overflow the stack.</summary>
    private static void CheckShape(NewsQuery query)
    {
        var stack = new Stack<(NewsQuery Query, int Depth)>();
        stack.Push((query, 1));
        var nodes = 0;
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (depth > MaxTypedDepth)
            {
                throw new QueryTooComplexException($"query is nested deeper than {MaxTypedDepth} levels");
            }

            if (++nodes > MaxTypedNodes)
            {
                throw new QueryTooComplexException($"query has more than {MaxTypedNodes} clauses");
            }

            IEnumerable<NewsQuery> children = node switch
            {
                AndClause and => and.Clauses,
                OrClause or => or.Clauses,
                NotClause not => [not.Inner],
                BoostClause boost => [boost.Inner],
                _ => [],
            };
            foreach (var child in children)
            {
                stack.Push((child, depth + 1));
            }
        }
    }

    private Query? Build(NewsQuery query, HashSet<string> terms, List<(string, EntityKind, IReadOnlySet<string>, string?)> evidence)
    {
        switch (query)
        {
            case MatchAllClause:
                return new MatchAllDocsQuery();
            case TextClause text:
                return Words(text, terms);
            case PhraseClause phrase:
                return Phrase(phrase, terms);
            case PrefixClause prefix:
                return Fields(prefix.Scope, field => new PrefixQuery(new Term(field, Fold(prefix.Prefix)))
                {
                    MultiTermRewriteMethod = new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(limits.MaxExpansions),
                });
            case FuzzyClause fuzzy:
                var fuzzyTerm = Analyze(fuzzy.Term).Select(t => t.Term).FirstOrDefault() ?? Fold(fuzzy.Term);
                return Fields(fuzzy.Scope, field => new FuzzyQuery(new Term(field, fuzzyTerm), fuzzy.MaxEdits, 1, limits.MaxExpansions, true));
            case EntityClause entity:
                return Entity(entity, evidence);
            case AffiliatedWithClause affiliated:
            {
                var country = catalog.Resolve(EntityKind.Country, affiliated.Country).Id;
                var (forces, bases) = Tied(country);
                evidence.Add((affiliated.ToString(), EntityKind.Force, forces, null));
                evidence.Add((affiliated.ToString(), EntityKind.Base, bases, country.ToLowerInvariant() + "-"));
                return Constant(new TermQuery(new Term(FieldNames.Affiliation, country)), 1f);
            }

            case LocatedInClause located:
            {
                var country = catalog.Resolve(EntityKind.Country, located.Country).Id;
                evidence.Add((located.ToString(), EntityKind.Base, Hosted(country), country.ToLowerInvariant() + "-"));
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
                var inner = Build(boost.Inner, terms, evidence) ?? new MatchAllDocsQuery();
                inner.Boost *= boost.Factor;
                return inner;
            case NotClause not:
                return new BooleanQuery
                {
                    { new MatchAllDocsQuery(), Occur.MUST },
                    { Build(not.Inner, terms: [], evidence: []) ?? new MatchAllDocsQuery(), Occur.MUST_NOT },
                };
            case AndClause and:
            {
                var boolean = new BooleanQuery();
                var positive = false;
                foreach (var clause in and.Clauses)
                {
                    if (clause is NotClause negated)
                    {
                        boolean.Add(Build(negated.Inner, terms: [], evidence: []) ?? new MatchAllDocsQuery(), Occur.MUST_NOT);
                    }
                    else if (Build(clause, terms, evidence) is { } built)
                    {
                        boolean.Add(built, Occur.MUST);
                        positive = true;
                    }
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
                    boolean.Add(Build(clause, terms, evidence) ?? new MatchAllDocsQuery(), Occur.SHOULD);
                }

                return boolean;
            }

            default:
                throw new NotSupportedException($"query clause {query.GetType().Name} is not supported");
        }
    }

    /// <summary>Forces affiliated with a country and bases it hosts or operates (computed once per country).</summary>
    private (IReadOnlySet<string> Forces, IReadOnlySet<string> Bases) Tied(string country) =>
        _tied.GetOrAdd(country, c => (
            catalog.All(EntityKind.Force).Where(f => f.Country == c).Select(f => f.Id).ToHashSet(StringComparer.Ordinal),
            catalog.All(EntityKind.Base).Where(b => b.Country == c || b.Operators.Contains(c)).Select(b => b.Id).ToHashSet(StringComparer.Ordinal)));

    /// <summary>Bases located in a country (computed once per country).</summary>
    private IReadOnlySet<string> Hosted(string country) =>
        _hosted.GetOrAdd(country, c => catalog.All(EntityKind.Base).Where(b => b.Country == c).Select(b => b.Id).ToHashSet(StringComparer.Ordinal));

    private Query? Words(TextClause text, HashSet<string> terms)
    {
        var analyzed = Analyze(text.Text);
        if (analyzed.Count == 0)
        {
            return null; // only stop words: neutral
        }

        var boolean = new BooleanQuery();
        foreach (var (term, _) in analyzed.DistinctBy(t => t.Term))
        {
            terms.Add(term);
            boolean.Add(Fields(text.Scope, field => new TermQuery(new Term(field, term))), Occur.MUST);
        }

        return boolean.Clauses.Count == 1 ? boolean.Clauses[0].Query : boolean;
    }

    private Query? Phrase(PhraseClause phrase, HashSet<string> terms)
    {
        var analyzed = Analyze(phrase.Text);
        if (analyzed.Count == 0)
        {
            return null;
        }

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

    private Query Entity(EntityClause clause, List<(string, EntityKind, IReadOnlySet<string>, string?)> evidence)
    {
        // An alias may name several entities ("Air Base 101": Niger's and Mali's); the clause matches any of them.
        var ids = catalog.FindAll(clause.Kind, clause.Value).Select(e => e.Id).ToArray();
        if (ids.Length == 0)
        {
            ids = clause.Kind == EntityKind.Base && clause.Value.Length > 3 && clause.Value[2] == '-'
                ? [clause.Value.ToLowerInvariant()] // an unlisted base's generated id, e.g. ke-camp-kambi
                : [catalog.Resolve(clause.Kind, clause.Value).Id];
        }

        evidence.Add((clause.ToString(), clause.Kind, ids.ToHashSet(StringComparer.Ordinal), null));
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

    private ConstantScoreQuery Near(NearClause near, List<(string, EntityKind, IReadOnlySet<string>, string?)> evidence)
    {
        var center = catalog.Find(EntityKind.Base, near.Place)?.Location
                     ?? catalog.FindCity(near.Place)?.Location
                     ?? catalog.Find(EntityKind.Country, near.Place)?.Location
                     ?? throw new UnknownEntityException(EntityKind.Base, near.Place, []);
        var ids = catalog.All(EntityKind.Base)
            .Where(b => b.Location is { } location && location.DistanceKm(center) <= near.Kilometres)
            .Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        evidence.Add((near.ToString(), EntityKind.Base, ids, null));
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
        var normalized = text.Normalize(System.Text.NormalizationForm.FormD);
        return new string(normalized.Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray()).ToLowerInvariant();
    }
}
