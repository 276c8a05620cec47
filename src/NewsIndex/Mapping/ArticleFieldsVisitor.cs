using Lucene.Net.Index;
using NewsIndex.Entities;
using NewsIndex.Ingestion;

namespace NewsIndex.Mapping;

/// <summary>
/// Reads a stored document straight into an article in one pass over its stored fields, without building a Lucene
/// <c>Document</c> (whose <c>Get</c> scans every field for every lookup). For search hits without snippets it skips
/// the body and the mention list, which are most of the stored bytes.
/// </summary>
internal sealed class ArticleFieldsVisitor(bool full) : StoredFieldVisitor
{
    private readonly List<string>[] _mentioned = [[], [], []];
    private readonly List<string>[] _about = [[], [], []];
    private readonly List<string> _authors = [];
    private string _id = string.Empty;
    private string _title = string.Empty;
    private string _body = string.Empty;
    private string? _dateline;
    private string? _source;
    private string? _url;
    private string? _mentions;
    private string? _story;
    private long? _published;

    public override Status NeedsField(FieldInfo fieldInfo) =>
        full || (fieldInfo.Name is not (FieldNames.Body or FieldNames.Mentions or FieldNames.Authors)) ? Status.YES : Status.NO;

    public override void StringField(FieldInfo fieldInfo, string value)
    {
        switch (fieldInfo.Name)
        {
            case FieldNames.Id: _id = value; break;
            case FieldNames.Title: _title = value; break;
            case FieldNames.Body: _body = value; break;
            case FieldNames.Dateline: _dateline = value; break;
            case FieldNames.SourceFacet: _source = value; break;
            case FieldNames.Url: _url = value; break;
            case FieldNames.Authors: _authors.Add(value); break;
            case FieldNames.Mentions: _mentions = value; break;
            case FieldNames.Story: _story = value; break;
            case "country": _mentioned[(int)EntityKind.Country].Add(value); break;
            case "force": _mentioned[(int)EntityKind.Force].Add(value); break;
            case "base": _mentioned[(int)EntityKind.Base].Add(value); break;
            case "about_country": _about[(int)EntityKind.Country].Add(value); break;
            case "about_force": _about[(int)EntityKind.Force].Add(value); break;
            case "about_base": _about[(int)EntityKind.Base].Add(value); break;
        }
    }

    public override void Int64Field(FieldInfo fieldInfo, long value)
    {
        if (fieldInfo.Name == FieldNames.Published)
        {
            _published = value;
        }
    }

    /// <summary>The article read. Without <c>full</c>, its body is empty and its mention list is empty.</summary>
    public StoredArticle ToStoredArticle()
    {
        var article = new Article(_id, _title, _body)
        {
            Dateline = _dateline,
            Source = _source,
            Url = _url,
            Authors = _authors.ToArray(),
            Published = _published is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
        };
        var mentions = _mentions is null ? [] : MentionCodec.Decode(_mentions, _title, _body, _dateline);
        return new StoredArticle(article, new ArticleEntities(mentions, Set(_mentioned), Set(_about))) { Story = _story };
    }

    private static EntitySet Set(List<string>[] lists)
    {
        foreach (var list in lists)
        {
            list.Sort(StringComparer.Ordinal);
        }

        return new EntitySet([.. lists[0]], [.. lists[1]], [.. lists[2]]);
    }
}
