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

    /// <summary>The Lucene document of a tagged article.</summary>
    /// <param name="article">The article.</param>
    /// <param name="entities">Its entities.</param>
    /// <param name="story">Its story, when the index keeps stories.</param>
    /// <param name="pool">Field instances to reuse (one per writer thread); the document is then valid until the
    /// pool's next use. Null builds fresh fields.</param>
    public Document ToDocument(Article article, ArticleEntities entities, ArticleStory? story = null, FieldPool? pool = null)
    {
        pool?.Reset();
        var doc = new Builder(new Document(), pool);
        doc.String(FieldNames.Id, article.Id, stored: true);
        doc.Numeric(FieldNames.IdHash, FieldNames.HashId(article.Id));
        doc.Binary(FieldNames.IdSort, new BytesRef(article.Id));
        doc.Text(FieldNames.Title, article.Title);
        doc.Text(FieldNames.Body, article.Body);
        doc.Stored(FieldNames.Mentions, MentionCodec.Encode(entities.Mentions));
        if (story is { } s)
        {
            doc.Stored(FieldNames.Story, s.StoryId);
            doc.Sorted(FieldNames.Story, new BytesRef(s.StoryId));
            doc.Binary(FieldNames.StoryState, new BytesRef(s.Signature));
        }

        if (article.Dateline is { } dateline)
        {
            doc.Stored(FieldNames.Dateline, dateline);
        }

        if (article.Source is { } source)
        {
            doc.String(FieldNames.Source, NormalizeSource(source), stored: false);
            doc.Stored(FieldNames.SourceFacet, source);
            doc.SortedSet(FieldNames.SourceFacet, new BytesRef(source));
        }

        if (article.Url is { } url)
        {
            doc.Stored(FieldNames.Url, url);
        }

        foreach (var author in article.Authors)
        {
            doc.Stored(FieldNames.Authors, author);
        }

        if (article.Published is { } published)
        {
            var millis = published.ToUnixTimeMilliseconds();
            doc.Stored(FieldNames.Published, millis);
            doc.Numeric(FieldNames.Published, millis);
            doc.Day(FieldNames.PublishedDay, Day(published));
            doc.SortedSet(FieldNames.Month, new BytesRef(published.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture)));
        }
        else
        {
            doc.Numeric(FieldNames.Published, long.MinValue);
        }

        foreach (var kind in Kinds)
        {
            var name = FieldNames.Entity(kind);
            foreach (var id in entities.Mentioned.Of(kind))
            {
                doc.String(name, id, stored: true); // stored too: hits show the sets without decoding mentions
                doc.SortedSet(name, new BytesRef(id));
            }

            var about = FieldNames.About(kind);
            foreach (var id in entities.About.Of(kind))
            {
                doc.String(about, id, stored: true);
            }
        }

        var (tied, hosts) = Catalog.Relations.CountriesOf(entities.Mentioned);
        foreach (var country in tied)
        {
            doc.String(FieldNames.Affiliation, country, stored: false);
        }

        foreach (var host in hosts)
        {
            doc.String(FieldNames.BaseHost, host, stored: false);
        }

        return doc.Document;
    }

    private static readonly EntityKind[] Kinds = Enum.GetValues<EntityKind>();

    /// <summary>Adds fields to a document, taking them from a pool when there is one.</summary>
    private readonly struct Builder(Document document, FieldPool? pool)
    {
        public Document Document => document;

        private Field Keep(string name, int kind, Field field) => pool is null ? field : pool.Add(name, kind, field);

        public void String(string name, string value, bool stored)
        {
            var field = pool?.Take(name, stored ? 1 : 0) ?? Keep(name, stored ? 1 : 0, new StringField(name, value, stored ? Field.Store.YES : Field.Store.NO));
            field.SetStringValue(value);
            document.Add(field);
        }

        public void Text(string name, string value)
        {
            var field = pool?.Take(name, 2) ?? Keep(name, 2, new Field(name, value, StoredText));
            field.SetStringValue(value);
            document.Add(field);
        }

        public void Stored(string name, string value)
        {
            var field = pool?.Take(name, 3) ?? Keep(name, 3, new StoredField(name, value));
            field.SetStringValue(value);
            document.Add(field);
        }

        public void Stored(string name, long value)
        {
            var field = pool?.Take(name, 4) ?? Keep(name, 4, new StoredField(name, value));
            field.SetInt64Value(value);
            document.Add(field);
        }

        public void Stored(string name, byte[] value)
        {
            var field = pool?.Take(name, 5) ?? Keep(name, 5, new StoredField(name, value));
            field.SetBytesValue(value);
            document.Add(field);
        }

        public void Numeric(string name, long value)
        {
            var field = pool?.Take(name, 6) ?? Keep(name, 6, new NumericDocValuesField(name, value));
            field.SetInt64Value(value);
            document.Add(field);
        }

        public void Binary(string name, BytesRef value)
        {
            var field = pool?.Take(name, 7) ?? Keep(name, 7, new BinaryDocValuesField(name, value));
            field.SetBytesValue(value);
            document.Add(field);
        }

        public void Sorted(string name, BytesRef value)
        {
            var field = pool?.Take(name, 8) ?? Keep(name, 8, new SortedDocValuesField(name, value));
            field.SetBytesValue(value);
            document.Add(field);
        }

        public void SortedSet(string name, BytesRef value)
        {
            var field = pool?.Take(name, 9) ?? Keep(name, 9, new SortedSetDocValuesField(name, value));
            field.SetBytesValue(value);
            document.Add(field);
        }

        public void Day(string name, int value)
        {
            var field = pool?.Take(name, 10) ?? Keep(name, 10, new Int32Field(name, value, PublishedDayType));
            field.SetInt32Value(value);
            document.Add(field);
        }
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
