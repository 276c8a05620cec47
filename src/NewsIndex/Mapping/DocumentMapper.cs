using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using NewsIndex.Entities;
using NewsIndex.Ingestion;

namespace NewsIndex.Mapping;

/// <summary>
/// Turns a tagged article into a Lucene document and back. Entities become exact-match string fields (for filters),
/// sorted-set doc values (for exact facet counts) and a compact stored list of mentions (for snippets and "why").
/// </summary>
internal sealed class DocumentMapper(EntityCatalog catalog)
{
    private static readonly FieldType StoredText = new(TextField.TYPE_STORED) { IsTokenized = true };

    public EntityCatalog Catalog { get; } = catalog;

    public Document ToDocument(Article article, ArticleEntities entities, ArticleStory? story = null)
    {
        var doc = new Document
        {
            new StringField(FieldNames.Id, article.Id, Field.Store.YES),
            new NumericDocValuesField(FieldNames.IdHash, FieldNames.HashId(article.Id)),
            new BinaryDocValuesField(FieldNames.IdSort, new BytesRef(article.Id)),
            new Field(FieldNames.Title, article.Title, StoredText),
            new Field(FieldNames.Body, article.Body, StoredText),
            new StoredField(FieldNames.Mentions, MentionCodec.Encode(entities.Mentions)),
        };
        if (story is { } s)
        {
            doc.Add(new StringField(FieldNames.Story, s.StoryId, Field.Store.YES));
            doc.Add(new SortedDocValuesField(FieldNames.Story, new BytesRef(s.StoryId)));
            doc.Add(new BinaryDocValuesField(FieldNames.StoryState, new BytesRef(s.Signature)));
        }

        if (article.Dateline is { } dateline)
        {
            doc.Add(new StoredField(FieldNames.Dateline, dateline));
        }

        if (article.Source is { } source)
        {
            doc.Add(new StringField(FieldNames.Source, NormalizeSource(source), Field.Store.NO));
            doc.Add(new StoredField(FieldNames.SourceFacet, source));
            doc.Add(new SortedSetDocValuesField(FieldNames.SourceFacet, new BytesRef(source)));
        }

        if (article.Url is { } url)
        {
            doc.Add(new StoredField(FieldNames.Url, url));
        }

        foreach (var author in article.Authors)
        {
            doc.Add(new StoredField(FieldNames.Authors, author));
        }

        if (article.Published is { } published)
        {
            var millis = published.ToUnixTimeMilliseconds();
            doc.Add(new StoredField(FieldNames.Published, millis));
            doc.Add(new NumericDocValuesField(FieldNames.Published, millis));
            doc.Add(new Int32Field(FieldNames.PublishedDay, Day(published), PublishedDayType));
            doc.Add(new SortedSetDocValuesField(FieldNames.Month, new BytesRef(published.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture))));
        }
        else
        {
            doc.Add(new NumericDocValuesField(FieldNames.Published, long.MinValue));
        }

        foreach (var kind in Enum.GetValues<EntityKind>())
        {
            var name = FieldNames.Entity(kind);
            foreach (var id in entities.Mentioned.Of(kind))
            {
                doc.Add(new StringField(name, id, Field.Store.YES)); // stored too: hits show the sets without decoding mentions
                doc.Add(new SortedSetDocValuesField(name, new BytesRef(id)));
            }

            foreach (var id in entities.About.Of(kind))
            {
                doc.Add(new StringField(FieldNames.About(kind), id, Field.Store.YES));
            }
        }

        var (tied, hosts) = Catalog.Relations.CountriesOf(entities.Mentioned);
        foreach (var country in tied)
        {
            doc.Add(new StringField(FieldNames.Affiliation, country, Field.Store.NO));
        }

        foreach (var host in hosts)
        {
            doc.Add(new StringField(FieldNames.BaseHost, host, Field.Store.NO));
        }

        return doc;
    }

    /// <summary>Reads a stored article; with <paramref name="full"/> false, without its body and mention list (enough for a hit).</summary>
    public static StoredArticle Read(Lucene.Net.Index.IndexReader reader, int docId, bool full = true)
    {
        var visitor = new ArticleFieldsVisitor(full);
        reader.Document(docId, visitor);
        return visitor.ToStoredArticle();
    }

    /// <summary>Days since 1970-01-01 (UTC): the unit of date-range filters.</summary>
    public static int Day(DateTimeOffset time) => (int)Math.Floor(time.ToUnixTimeMilliseconds() / 86_400_000.0);

    private static readonly FieldType PublishedDayType = new(Int32Field.TYPE_NOT_STORED)
    {
        NumericPrecisionStep = FieldNames.PublishedDayPrecisionStep,
    };

    public static string NormalizeSource(string source) => source.Trim().ToLowerInvariant();
}
