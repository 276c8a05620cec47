namespace NewsIndex.Entities;

/// <summary>
/// Decides what an article is about, as a reader skimming it would: entities in the headline or dateline, in the
/// lead, or mentioned again and again. Scores are compared within each kind, so a passing mention beside a
/// dominant entity does not count.
/// </summary>
internal static class Prominence
{
    internal const double TitleWeight = 3;
    internal const double DatelineWeight = 3;
    internal const double LeadWeight = 1.5;
    internal const double FirstMentionWeight = 1;
    internal const double RepeatWeight = 0.5;
    internal const int MaxCountedRepeats = 6;
    internal const double MinScore = 2;
    internal const double MinShareOfTop = 0.5;
    internal const int LeadChars = 300;

    public static EntitySet About(IReadOnlyList<EntityMention> mentions, string body)
    {
        var leadEnd = LeadEnd(body);
        var scores = new Dictionary<(EntityKind Kind, string Id), (bool Title, bool Dateline, bool Lead, int Count)>();
        foreach (var mention in mentions)
        {
            var key = (mention.Kind, mention.Id);
            var s = scores.GetValueOrDefault(key);
            switch (mention.Field)
            {
                case ArticleField.Title:
                    s.Title = true;
                    break;
                case ArticleField.Dateline:
                    s.Dateline = true;
                    break;
                default:
                    s.Lead |= mention.Start < leadEnd;
                    s.Count++;
                    break;
            }

            scores[key] = s;
        }

        var scored = scores.Select(kv => (kv.Key.Kind, kv.Key.Id, Score: Score(kv.Value.Title, kv.Value.Dateline, kv.Value.Lead, kv.Value.Count))).ToArray();
        string[] Of(EntityKind kind)
        {
            var ofKind = scored.Where(s => s.Kind == kind).ToArray();
            if (ofKind.Length == 0)
            {
                return [];
            }

            var top = ofKind.Max(s => s.Score);
            return ofKind.Where(s => s.Score >= MinScore && s.Score >= top * MinShareOfTop).Select(s => s.Id).Order(StringComparer.Ordinal).ToArray();
        }

        return new EntitySet(Of(EntityKind.Country), Of(EntityKind.Force), Of(EntityKind.Base));
    }

    internal static double Score(bool title, bool dateline, bool lead, int count) =>
        (title ? TitleWeight : 0) + (dateline ? DatelineWeight : 0) + (lead ? LeadWeight : 0) +
        (count > 0 ? FirstMentionWeight + (RepeatWeight * Math.Min(count - 1, MaxCountedRepeats)) : 0);

    private static int LeadEnd(string body)
    {
        var paragraph = body.IndexOf("\n\n", StringComparison.Ordinal);
        return paragraph > 0 ? Math.Max(Math.Min(paragraph, LeadChars * 2), Math.Min(LeadChars, body.Length)) : Math.Min(LeadChars, body.Length);
    }
}
