using NewsIndex.Entities;

namespace NewsIndex.Mapping;

/// <summary>The Lucene field names: the only place that knows them.</summary>
internal static class FieldNames
{
    public const string Id = "id";

    /// <summary>The article id as binary doc values: read by the story keeper and collapse without a stored-field read.</summary>
    public const string IdSort = "id_sort";

    /// <summary>A 64-bit hash of the article id as numeric doc values: the tie-breaker that makes paging cursors stable
    /// across merges (a numeric comparison costs far less than comparing id strings).</summary>
    public const string IdHash = "id_hash";

    /// <summary>The tie-breaker value of an article id: 64-bit FNV-1a over its UTF-8 bytes, as a signed long.</summary>
    public static long HashId(string id)
    {
        var hash = 14695981039346656037UL;
        Span<byte> buffer = stackalloc byte[256];
        var bytes = System.Text.Encoding.UTF8.GetByteCount(id) <= buffer.Length ? buffer[..System.Text.Encoding.UTF8.GetBytes(id, buffer)] : System.Text.Encoding.UTF8.GetBytes(id);
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }
    public const string Title = "title";
    public const string Body = "body";
    public const string Dateline = "dateline";
    public const string Source = "source";
    public const string SourceFacet = "source_facet";
    public const string Url = "url";
    public const string Authors = "author";
    public const string Published = "published";
    public const string PublishedDay = "published_day";

    /// <summary>Precision step of <see cref="PublishedDay"/>: two index terms a value instead of eight; date ranges
    /// span few distinct days, so the coarser trie costs queries nothing measurable and saves indexing time.</summary>
    public const int PublishedDayPrecisionStep = 16;
    public const string Month = "month";
    public const string Mentions = "mentions";
    public const string Affiliation = "affiliation";
    public const string BaseHost = "base_host";

    /// <summary>The story id: stored (for hits and export) plus sorted doc values for collapse, counting and a story's articles; not
    /// inverted, as nothing queries it by term.</summary>
    public const string Story = "story";

    /// <summary>The article's story signature, as binary doc values: read back to rebuild the story assigner on open.</summary>
    public const string StoryState = "story_sig";

    public static string Entity(EntityKind kind) => kind switch
    {
        EntityKind.Country => "country",
        EntityKind.Force => "force",
        _ => "base",
    };

    public static string About(EntityKind kind) => "about_" + Entity(kind);
}
