using NewsIndex.Ingestion;

namespace NewsIndex.Tests.Ingestion;

public class NewsDatesTests
{
    [TestCase("Aug 15, 2022", "2022-08-15T00:00:00Z")]
    [TestCase("15 Aug 2022 10:32 GMT", "2022-08-15T10:32:00Z")]
    [TestCase("Monday 15 August 2022 10.32 BST", "2022-08-15T09:32:00Z")]
    [TestCase("10:32 AM EDT, Mon August 15, 2022", "2022-08-15T14:32:00Z")]
    [TestCase("03 May 2024, 01:49 PM", "2024-05-03T13:49:00Z")]
    [TestCase("Mon, 15 Aug 2022 10:32:00 GMT", "2022-08-15T10:32:00Z")]
    [TestCase("Sun, 07 Jul 2024 18:20:00 +0000", "2024-07-07T18:20:00Z")]
    [TestCase("Mon, 15 Aug 2022 10:32:00 -0400", "2022-08-15T14:32:00Z")]
    [TestCase("2022-08-15T10:32:00+02:00", "2022-08-15T08:32:00Z")]
    [TestCase("2024-05-03", "2024-05-03T00:00:00Z")]
    [TestCase("August 15th, 2022 at 3:05 pm CEST", "2022-08-15T13:05:00Z")]
    [TestCase("15 August 2022 12:00 GMT+1", "2022-08-15T11:00:00Z")]
    public void TryParse_RealDateExpressions_GiveUtc(string text, string expected)
    {
        Assert.That(NewsDates.TryParse(text, out var value), Is.True, text);
        Assert.That(value, Is.EqualTo(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [TestCase("2022")]
    [TestCase("yesterday")]
    [TestCase("31 Feb 2022")]
    [TestCase("15 Aug 2022 10:32 XYZ")]
    [TestCase("13:61 15 Aug 2022")]
    [TestCase("On Aug 15, 2022 troops left Gao.")]
    public void TryParse_NonDates_AreRefused(string text) => Assert.That(NewsDates.TryParse(text, out _), Is.False);

    [Test]
    public void IsBareYear_OnlyFourDigits() => Assert.That(new[] { "2022", " 1987 ", "20222", "Aug 2022" }.Select(NewsDates.IsBareYear), Is.EqualTo(new[] { true, true, false, false }));

    [TestCase("Aug 15, 2022 — GAO, Mali", "2022-08-15T00:00:00Z", "", "GAO, Mali")]
    [TestCase("Published: 15 Aug 2022 10:32 GMT", "2022-08-15T10:32:00Z", "", null)]
    [TestCase("By Jane Doe | August 15, 2022", "2022-08-15T00:00:00Z", "Jane Doe", null)]
    [TestCase("By Jane Doe and John Roe | Updated 10:32 AM EDT, Mon August 15, 2022", "2022-08-15T14:32:00Z", "Jane Doe;John Roe", null)]
    [TestCase("Last updated on 15 August 2022", "2022-08-15T00:00:00Z", "", null)]
    public void TryParseLine_DateLines_GiveDateBylineAndPlace(string line, string date, string authors, string? place)
    {
        Assert.That(NewsDates.TryParseLine(line, out var result), Is.True, line);
        Assert.Multiple(() =>
        {
            Assert.That(result.Date, Is.EqualTo(DateTimeOffset.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(string.Join(";", result.Authors), Is.EqualTo(authors));
            Assert.That(result.Place, Is.EqualTo(place));
        });
    }

    [TestCase("Aug 15, 2022 — Russian troops entered the base at dawn.")]
    [TestCase("The junta said on Aug 15, 2022 that the French must leave.")]
    [TestCase("Niger — Mali")]
    public void TryParseLine_SentencesWithDates_AreText(string line) => Assert.That(NewsDates.TryParseLine(line, out _), Is.False);
}
