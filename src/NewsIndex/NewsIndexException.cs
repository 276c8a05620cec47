namespace NewsIndex;

/// <summary>
/// Base type of every error NewsIndex raises on purpose: bad input, bad queries, index problems.
/// Catch this to handle all of them; catch a derived type to handle one.
/// </summary>
public class NewsIndexException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public NewsIndexException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public NewsIndexException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
