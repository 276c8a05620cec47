namespace NewsIndex.Entities;

/// <summary>A state, province or other sub-national place that stands for its country (<c>Texas</c>, <c>Ontario</c>,
/// and in datelines abbreviations such as <c>Calif.</c> or <c>N.Y.</c>).</summary>
/// <param name="Name">The name as written.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code of the country.</param>
/// <param name="DatelineOnly">True for forms only trusted in a dateline (<c>Ill.</c>, <c>Mass.</c>).</param>
/// <param name="NamesCountry">For a state named like a country (<c>Georgia</c>), that country's code: the name is the
/// country's, and the state's only where the text is set in the state's country.</param>
internal sealed record Region(string Name, string Country, bool DatelineOnly, string? NamesCountry = null);
