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

    /// <param name="mentions">The article's mentions.</param>
    /// <param name="body">Its body (for where the lead ends).</param>
    /// <param name="people">Keys (field, start) of implied country mentions made by a leader's name: they weigh like the
    /// country's own name ("Milei's government" is about Argentina), though they stay implied (story signatures count
    /// only countries a text names).</param>
    public static EntitySet About(IReadOnlyList<EntityMention> mentions, string body, HashSet<long>? people = null)
    {
        var leadEnd = LeadEnd(body);
        var evidence = new Dictionary<string, Evidence>?[3]; // made on a kind's first mention: most articles name one kind
        foreach (var mention in mentions)
        {
            var ofKind = evidence[(int)mention.Kind] ??= new Dictionary<string, Evidence>(StringComparer.Ordinal);
            ofKind.TryGetValue(mention.Id, out var e);
            if (mention.Implied && (people is null || people.Count == 0 || !people.Contains(EntityTagger.PlaceKey(mention.Field, mention.Start))))
            {
                // A region implies its country, but only as a passing mention: never as headline, dateline or lead evidence.
                e.Implied++;
                ofKind[mention.Id] = e;
                continue;
            }

            switch (mention.Field)
            {
                case ArticleField.Title:
                    e.Title = true;
                    break;
                case ArticleField.Dateline:
                    e.Dateline = true;
                    break;
                default:
                    e.Lead |= mention.Start < leadEnd;
                    e.Count++;
                    break;
            }

            ofKind[mention.Id] = e;
        }

        return new EntitySet(Prominent(evidence[0]), Prominent(evidence[1]), Prominent(evidence[2]));
    }

    private static ValueList<string> Prominent(Dictionary<string, Evidence>? evidence)
    {
        if (evidence is null || evidence.Count == 0)
        {
            return ValueList.Own(Array.Empty<string>());
        }

        var top = 0.0;
        foreach (var e in evidence.Values)
        {
            top = Math.Max(top, Score(e.Title, e.Dateline, e.Lead, e.Count) + ImpliedScore(e.Implied));
        }

        var result = new List<string>(evidence.Count);
        foreach (var (id, e) in evidence)
        {
            var score = Score(e.Title, e.Dateline, e.Lead, e.Count) + ImpliedScore(e.Implied);
            if (score >= MinScore && score >= top * MinShareOfTop)
            {
                result.Add(id);
            }
        }

        result.Sort(StringComparer.Ordinal);
        return ValueList.Own(result.ToArray());
    }

    private struct Evidence
    {
        public bool Title;
        public bool Dateline;
        public bool Lead;
        public int Count;
        public int Implied;
    }

    internal static double Score(bool title, bool dateline, bool lead, int count) =>
        (title ? TitleWeight : 0) + (dateline ? DatelineWeight : 0) + (lead ? LeadWeight : 0) +
        (count > 0 ? FirstMentionWeight + (RepeatWeight * Math.Min(count - 1, MaxCountedRepeats)) : 0);

    private static double ImpliedScore(int implied) => RepeatWeight * Math.Min(implied, MaxCountedRepeats);

    private static int LeadEnd(string body)
    {
        var paragraph = body.IndexOf("\n\n", StringComparison.Ordinal);
        return paragraph > 0 ? Math.Max(Math.Min(paragraph, LeadChars * 2), Math.Min(LeadChars, body.Length)) : Math.Min(LeadChars, body.Length);
    }
}
