namespace NewsIndex.Ingestion;

/// <summary>What kind of problem an <see cref="IngestionError"/> reports, for counting and filtering.</summary>
public enum IngestionErrorKind
{
    /// <summary>Not classified (errors created by callers with the positional constructor).</summary>
    Other = 0,

    /// <summary>The path does not exist.</summary>
    NotFound,

    /// <summary>The file or folder exists but cannot be opened or read (permissions, I/O error).</summary>
    Unreadable,

    /// <summary>Not a regular file (a FIFO, socket or device): skipped without opening it for a blocking read.</summary>
    NotARegularFile,

    /// <summary>The file holds no text.</summary>
    Empty,

    /// <summary>Binary data or invalid UTF-8 where text was expected.</summary>
    InvalidText,

    /// <summary>A record or file over <see cref="ArticleReaderOptions.MaxArticleBytes"/>.</summary>
    TooLarge,

    /// <summary>A JSON Lines record that is not valid JSON, or not an object.</summary>
    InvalidJson,

    /// <summary>A field of the wrong type, or a string with an invalid escape (a lone UTF-16 surrogate).</summary>
    InvalidField,

    /// <summary>A required field (the id) is missing or empty.</summary>
    MissingField,

    /// <summary>A date field that is present but is no date (a bare year is not an error: the article stays undated).</summary>
    InvalidDate,

    /// <summary>An id or source the index cannot hold: invalid UTF-16 (lone surrogates) or over 32,766 UTF-8 bytes.</summary>
    InvalidId,

    /// <summary>A compressed stream that is not gzip, or ends early (truncated): the rest of that source is lost.</summary>
    CorruptStream,

    /// <summary>A feed that is not well-formed XML, or not RSS 2.0 / Atom: the rest of that source is lost.</summary>
    InvalidFeed,

    /// <summary>A page or feed item without any article text or title.</summary>
    NoContent,
}
