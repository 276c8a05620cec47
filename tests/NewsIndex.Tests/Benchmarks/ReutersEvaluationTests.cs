using NewsIndex.Testing.Evaluation;
using NewsIndex.Entities;

namespace NewsIndex.Tests.Benchmarks;

public class ReutersEvaluationTests
{
    [TestCase("usa", "US")]
    [TestCase("uk", "GB")]
    [TestCase("west-germany", "DE")]
    [TestCase("east-germany", "DD")]
    [TestCase("ussr", "SU")]
    [TestCase("new-zealand", "NZ")]
    [TestCase("el-salvador", "SV")]
    [TestCase("south-korea", "KR")]
    [TestCase("ivory-coast", "CI")]
    [TestCase("zaire", "CD")]
    [TestCase("burma", "MM")]
    [TestCase("yemen-demo-republic", "YD")]
    public void ReutersPlaces_MapToCatalogIds(string place, string id) =>
        Assert.That(ReutersPlaces.ToCountryId(place, EntityCatalog.Default), Is.EqualTo(id));

    [Test]
    public void SetScore_IsMicroAveraged()
    {
        var score = new SetScore();
        score.Add(new HashSet<string> { "A", "B" }, new HashSet<string> { "B", "C" });
        score.Add(new HashSet<string> { "D" }, new HashSet<string> { "D" });
        Assert.That((score.TruePositives, score.FalsePositives, score.FalseNegatives), Is.EqualTo((2L, 1L, 1L)));
        Assert.That(score.Precision, Is.EqualTo(2.0 / 3));
        Assert.That(score.F1, Is.EqualTo(2.0 / 3).Within(1e-12));
    }

    [Test]
    public void NaiveMatcher_MatchesOnlyExactCommonNames()
    {
        var naive = new NaiveCountryMatcher(EntityCatalog.Default);
        Assert.That(naive.Match("Niger and Nigeria; the U.S. and American troops; Nigerien officials"), Is.EquivalentTo(new[] { "NE", "NG" }));
    }
}
