using System.Globalization;
using System.Text;
using NewsIndex.Entities;

namespace NewsIndex.Mapping;

/// <summary>
/// Stores an article's mentions compactly in one stored field: <c>kind id field start end</c> per line
/// (the surface text is recovered from the stored field text, so it is not stored twice).
/// </summary>
internal static class MentionCodec
{
    public static string Encode(IReadOnlyList<EntityMention> mentions)
    {
        var builder = new StringBuilder(mentions.Count * 24);
        foreach (var m in mentions)
        {
            builder.Append((int)m.Kind).Append(' ').Append(m.Id).Append(' ').Append((int)m.Field).Append(' ')
                .Append(m.Start).Append(' ').Append(m.End).Append('\n');
        }

        return builder.ToString();
    }

    public static List<EntityMention> Decode(string encoded, string title, string body, string? dateline)
    {
        var mentions = new List<EntityMention>();
        foreach (var line in encoded.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ');
            var kind = (EntityKind)int.Parse(parts[0], CultureInfo.InvariantCulture);
            var field = (ArticleField)int.Parse(parts[2], CultureInfo.InvariantCulture);
            var start = int.Parse(parts[3], CultureInfo.InvariantCulture);
            var end = int.Parse(parts[4], CultureInfo.InvariantCulture);
            var text = field switch
            {
                ArticleField.Title => title,
                ArticleField.Dateline => dateline ?? string.Empty,
                _ => body,
            };
            var surface = end <= text.Length ? text[start..end] : string.Empty;
            mentions.Add(new EntityMention(kind, parts[1], surface, start, end, field));
        }

        return mentions;
    }
}
