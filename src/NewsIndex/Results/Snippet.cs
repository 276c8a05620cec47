using System.Text;

namespace NewsIndex.Results;

/// <summary>A fragment of an article's body with the query's terms and entities marked.</summary>
/// <param name="Text">The fragment, cut at word boundaries.</param>
/// <param name="BodyOffset">Where <paramref name="Text"/> starts in the article body: <c>body.Substring(BodyOffset, Text.Length) == Text</c>.</param>
/// <param name="Marks">Marked stretches, in order, not overlapping, relative to <paramref name="Text"/>.</param>
public sealed record Snippet(string Text, int BodyOffset, ValueList<SnippetMark> Marks)
{
    /// <summary>The fragment with each mark wrapped in <paramref name="open"/> and <paramref name="close"/>.</summary>
    public string Render(string open = "[", string close = "]")
    {
        var builder = new StringBuilder(Text.Length + (Marks.Count * (open.Length + close.Length)));
        var position = 0;
        foreach (var mark in Marks)
        {
            builder.Append(Text, position, mark.Start - position).Append(open).Append(Text, mark.Start, mark.Length).Append(close);
            position = mark.End;
        }

        return builder.Append(Text, position, Text.Length - position).ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Render();
}
