using NewsIndex.Entities;
using NewsIndex.Ingestion;
using NewsIndex.Results;

namespace NewsIndex.Tests.Searching;

/// <summary><see cref="SearchHit.Names"/>: the hit's entities with the catalog's display names; <see cref="SearchOptions.Why"/>.</summary>
public class SearchHitNamesTests
{
    [Test]
    public void Names_ResolveEveryMentionedEntity_ThroughTheIndexCatalog_InKindOrder()
    {
        var catalog = EntityCatalog.Default.With([new Entity(EntityKind.Force, "zorro-brigade", "Zorro Brigade") { Country = "ML", Aliases = ["Zorro Brigade"] }]);
        using var index = ArticleIndex.CreateInMemory(new ArticleIndexOptions { Catalog = catalog });
        index.Upsert(new Article("z1", "Zorro Brigade in Mali", "BAMAKO — The Zorro Brigade and Wagner fighters reached Air Base 101 near Bamako, Mali."));

        var hit = index.Search("force:\"Zorro Brigade\"").Hits.Single();

        Assert.That(hit.Names.Select(n => (n.Kind, n.Id, n.Name)), Is.EqualTo(new[]
        {
            (EntityKind.Country, "ML", "Mali"),
            (EntityKind.Force, "wagner-group", "Wagner Group"),
            (EntityKind.Force, "zorro-brigade", "Zorro Brigade"),
            (EntityKind.Base, "ml-air-base-101", catalog.Get(EntityKind.Base, "ml-air-base-101")!.Name),
        }));
        Assert.That(hit.Names.Select(n => n.Id), Is.EqualTo(hit.Mentioned.Countries.Concat(hit.Mentioned.Forces).Concat(hit.Mentioned.Bases)));
        Assert.That(hit.Names.Single(n => n.Id == "zorro-brigade").Name, Is.EqualTo("Zorro Brigade"));
        Assert.That(hit.Names.Single(n => n.Id == "ML").ToString(), Is.EqualTo("Mali"));
    }

    [Test]
    public void Why_Option_FillsOrEmptiesSearchHitWhy()
    {
        using var index = ArticleIndex.CreateInMemory();
        index.Upsert(new Article("n1", "Drones", "US drones left Air Base 201 in Agadez, Niger."));

        Assert.That(index.Search("country:Niger").Hits.Single().Why.Select(r => r.EntityId), Does.Contain("NE"));
        Assert.That(index.Search("country:Niger", new SearchOptions { Why = false }).Hits.Single().Why, Is.Empty);
    }
}
