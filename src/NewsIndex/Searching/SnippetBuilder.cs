using Lucene.Net.Analysis.TokenAttributes;
using NewsIndex.Analysis;
using NewsIndex.Entities;
using NewsIndex.Mapping;
using NewsIndex.Querying;
using NewsIndex.Results;

namespace NewsIndex.Searching;

/// <summary>
/// Builds snippets and match explanations by re-analysing the stored text of a hit with the index's analyzer
/// (so marked words are exactly the ones that matched) and by reading its stored entity mentions. Only the
/// page's hits are processed, so the cost is bounded by the page size, not the index.
/// </summary>
internal sealed class SnippetBuilder(NewsAnalyzer analyzer, EntityCatalog catalog)
{
    private const int LeadIn = 40;

    /// <summary>Where the query's terms occur in <paramref name="text"/> (one analysis pass, shared by snippets and "why").</summary>
    /// <remarks>Each token's term is compared in the analyzer's buffer against the (few) query terms, so only the
    /// matches become strings: a body of 500 words no longer allocates 500 term strings per hit.</remarks>
    public List<(int Start, int End, string Term)> QueryTermsIn(string text, IReadOnlySet<string> terms)
    {
        var result = new List<(int, int, string)>();
        if (terms.Count == 0 || text.Length == 0)
        {
            return result;
        }

        var wanted = new string[terms.Count];
        var n = 0;
        foreach (var t in terms)
        {
            wanted[n++] = t;
        }

        using var stream = analyzer.GetTokenStream(FieldNames.Body, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var chars = term.Buffer.AsSpan(0, term.Length);
            foreach (var candidate in wanted)
            {
                if (chars.SequenceEqual(candidate))
                {
                    result.Add((offset.StartOffset, offset.EndOffset, candidate));
                    break;
                }
            }
        }

        stream.End();
        return result;
    }

    /// <summary>The best windows of the body, with query terms (<paramref name="bodyTerms"/>, from
    /// <see cref="QueryTermsIn"/>) and the queried entities' mentions marked.</summary>
    public IReadOnlyList<Snippet> Build(StoredArticle stored, CompiledQuery query, SearchOptions options, List<(int Start, int End, string Term)> bodyTerms)
    {
        var body = stored.Article.Body;
        if (body.Length == 0)
        {
            return [];
        }

        var marks = bodyTerms.Select(t => new SnippetMark(t.Start, t.End - t.Start, MarkKind.Term))
            .Concat(EntityMarks(stored.Entities.Mentions, query)).ToList();
        marks = RemoveOverlaps(marks);
        var windows = ChooseWindows(body, marks, options.SnippetLength, Math.Max(1, options.SnippetCount));
        return windows.Select(w =>
        {
            var inside = marks.Where(m => m.Start >= w.Start && m.End <= w.End)
                .Select(m => m with { Start = m.Start - w.Start }).ToArray();
            return new Snippet(body[w.Start..w.End], w.Start, inside);
        }).ToArray();
    }

    /// <summary>Why the article matched: the aliases of queried entities, and the first place of each query term.</summary>
    public IReadOnlyList<MatchReason> Explain(StoredArticle stored, CompiledQuery query, List<(int Start, int End, string Term)> bodyTerms)
    {
        var reasons = new List<MatchReason>();
        foreach (var evidence in query.Evidence)
        {
            reasons.AddRange(stored.Entities.Mentions
                .Where(m => evidence.IsSatisfiedBy(m, catalog.Relations))
                .Take(3)
                .Select(m => new MatchReason(evidence.Clause, m.Id, m.Text, m.Field, m.Start, m.End)));
        }

        if (query.Terms.Count > 0)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var title = stored.Article.Title;
            var body = stored.Article.Body;
            foreach (var (start, end, term) in QueryTermsIn(title, query.Terms).Where(t => seen.Add(t.Term)))
            {
                reasons.Add(new MatchReason(term, null, title[start..end], ArticleField.Title, start, end));
            }

            foreach (var (start, end, term) in bodyTerms.Where(t => seen.Add(t.Term)))
            {
                reasons.Add(new MatchReason(term, null, body[start..end], ArticleField.Body, start, end));
            }
        }

        return reasons;
    }

    private IEnumerable<SnippetMark> EntityMarks(IReadOnlyList<EntityMention> mentions, CompiledQuery query) =>
        mentions.Where(m => m.Field == ArticleField.Body && query.Evidence.Any(e => e.IsSatisfiedBy(m, catalog.Relations)))
            .Select(m => new SnippetMark(m.Start, m.Length, MarkKind.Entity, m.Id));

    /// <summary>Sorted, non-overlapping marks; an entity mark wins over the term marks inside it.</summary>
    private static List<SnippetMark> RemoveOverlaps(List<SnippetMark> marks)
    {
        var ordered = marks.OrderBy(m => m.Start).ThenByDescending(m => m.Length).ThenBy(m => m.Kind == MarkKind.Entity ? 0 : 1).ToList();
        var result = new List<SnippetMark>(ordered.Count);
        foreach (var mark in ordered)
        {
            if (result.Count > 0 && mark.Start < result[^1].End)
            {
                continue;
            }

            result.Add(mark);
        }

        return result;
    }

    private static List<(int Start, int End)> ChooseWindows(string body, List<SnippetMark> marks, int length, int count)
    {
        if (marks.Count == 0)
        {
            return [Snap(body, 0, Math.Min(body.Length, length))];
        }

        // Each mark proposes a window starting a little before it; score = distinct marked texts + marks inside.
        var candidates = marks.Select(m =>
        {
            var start = Math.Max(0, m.Start - LeadIn);
            var end = Math.Min(body.Length, start + length);
            var inside = marks.Where(x => x.Start >= start && x.End <= end).ToArray();
            var score = inside.Select(x => body.Substring(x.Start, x.Length).ToLowerInvariant()).Distinct().Count() + (inside.Length * 0.1);
            return (start, end, score);
        }).OrderByDescending(c => c.score).ThenBy(c => c.start).ToList();

        var chosen = new List<(int Start, int End)>();
        foreach (var (start, end, _) in candidates)
        {
            var window = Snap(body, start, end);
            if (chosen.Count < count && chosen.TrueForAll(c => window.End <= c.Start || window.Start >= c.End))
            {
                chosen.Add(window);
            }
        }

        return chosen.OrderBy(c => c.Start).ToList();
    }

    /// <summary>Moves the ends outwards to word boundaries (never cutting a word) and trims whitespace.</summary>
    private static (int Start, int End) Snap(string body, int start, int end)
    {
        while (start > 0 && !char.IsWhiteSpace(body[start - 1]))
        {
            start--;
        }

        while (end < body.Length && !char.IsWhiteSpace(body[end]))
        {
            end++;
        }

        while (start < end && char.IsWhiteSpace(body[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(body[end - 1]))
        {
            end--;
        }

        return (start, end);
    }
}
