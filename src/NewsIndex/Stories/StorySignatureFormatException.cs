namespace NewsIndex.Stories;

/// <summary>Thrown when stored story signature bytes cannot be read: truncated, of another version or inconsistent.</summary>
public sealed class StorySignatureFormatException : NewsIndexException
{
    /// <summary>Creates the exception with a message naming what is wrong and at which byte.</summary>
    public StorySignatureFormatException(string message) : base(message)
    {
    }
}
