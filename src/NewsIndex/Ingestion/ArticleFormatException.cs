namespace NewsIndex.Ingestion;

/// <summary>Thrown when an input record cannot be read and no error handler was given.</summary>
public sealed class ArticleFormatException : NewsIndexException
{
    /// <summary>Creates the exception from the error it reports.</summary>
    public ArticleFormatException(IngestionError error) : base(error.ToString()) => Error = error;

    /// <summary>Where and what: file, line and message.</summary>
    public IngestionError Error { get; }
}
