namespace NewsIndex.Querying;

/// <summary>Which text fields a full-text clause searches.</summary>
public enum TextScope
{
    /// <summary>Title and body (title matches weigh more).</summary>
    All,

    /// <summary>The title only (<c>title:</c>).</summary>
    Title,

    /// <summary>The body only (<c>body:</c>).</summary>
    Body,
}
