namespace NewsIndex.Entities;

/// <summary>Which part of an article a mention's offsets refer to.</summary>
public enum ArticleField
{
    /// <summary>The headline (<see cref="Ingestion.Article.Title"/>).</summary>
    Title,

    /// <summary>The text (<see cref="Ingestion.Article.Body"/>).</summary>
    Body,

    /// <summary>The dateline (<see cref="Ingestion.Article.Dateline"/>).</summary>
    Dateline,
}
