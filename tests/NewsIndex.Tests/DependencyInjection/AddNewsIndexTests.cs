using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsIndex.Entities;
using NewsIndex.Extensions.DependencyInjection;
using NewsIndex.Indexing;
using NewsIndex.Tests.Indexing;
using static NewsIndex.Tests.ArticleBuilder;

namespace NewsIndex.Tests.DependencyInjection;

public class AddNewsIndexTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp() => _dir = TestPaths.NewTempDirectory();

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void NoOptions_ASingletonInMemoryIndex_WithTheBuiltInCatalog()
    {
        using var provider = new ServiceCollection().AddNewsIndex().BuildServiceProvider(validateScopes: true);
        var index = provider.GetRequiredService<ArticleIndex>();
        Assert.That(provider.GetRequiredService<ArticleIndex>(), Is.SameAs(index));
        Assert.That(index.Location, Is.EqualTo("(memory)"));
        Assert.That(provider.GetRequiredService<EntityCatalog>(), Is.SameAs(EntityCatalog.Default).And.SameAs(index.Catalog));
        index.Upsert(Article("a", "Wagner fighters in Mali."));
        Assert.That(index.Search("force:Wagner").Total, Is.EqualTo(1));
    }

    [Test]
    public void Path_OpensTheIndexOnDisk_AndDisposingTheContainerReleasesIt()
    {
        var path = Path.Combine(_dir, "index");
        using (var provider = new ServiceCollection().AddNewsIndex(o => o.Path = path).BuildServiceProvider())
        {
            var index = provider.GetRequiredService<ArticleIndex>();
            Assert.That(index.Location, Is.EqualTo(Path.GetFullPath(path)));
            index.Upsert(Article("a", "Troops in Niger."));
            index.Commit();
            Assert.That(() => ArticleIndex.Open(path), Throws.TypeOf<IndexInUseException>(), "the container's index holds the write lock");
        }

        using var reopened = ArticleIndex.Open(path);
        Assert.That(reopened.Search("country:Niger").Total, Is.EqualTo(1), "the container disposed (closed) its index");
    }

    [Test]
    public void ReadOnly_SharesAnIndexAWriterHolds()
    {
        var path = Path.Combine(_dir, "index");
        using var writer = ArticleIndex.Open(path);
        writer.Upsert(Article("a", "Troops in Chad."));
        writer.Commit();

        using var provider = new ServiceCollection().AddNewsIndex(o => { o.Path = path; o.ReadOnly = true; }).BuildServiceProvider();
        var index = provider.GetRequiredService<ArticleIndex>();
        Assert.That(index.IsReadOnly, Is.True);
        Assert.That(index.Search("country:Chad").Total, Is.EqualTo(1));
    }

    [Test]
    public void CatalogFile_ExtendsTheCatalogTheIndexTagsWith()
    {
        var file = Path.Combine(_dir, "extra.json");
        File.WriteAllText(file, """{ "forces": [ { "id": "jnim-katiba-macina", "name": "Katiba Macina", "type": "insurgent", "country": "ML", "aliases": ["Katiba Macina", "Macina Liberation Front"] } ] }""");
        using var provider = new ServiceCollection().AddNewsIndex(o => o.CatalogFile = file).BuildServiceProvider();
        var index = provider.GetRequiredService<ArticleIndex>();
        Assert.That(provider.GetRequiredService<EntityCatalog>(), Is.SameAs(index.Catalog));
        index.Upsert(Article("a", "The Macina Liberation Front attacked a convoy near Mopti."));
        Assert.That(index.Search("force:jnim-katiba-macina").Hits.Select(h => h.Id), Is.EqualTo(new[] { "a" }));
    }

    [Test]
    public void ACatalogRegisteredFirst_IsKept()
    {
        var custom = EntityCatalog.Default.With([]);
        var services = new ServiceCollection();
        services.AddSingleton(custom);
        using var provider = services.AddNewsIndex().BuildServiceProvider();
        Assert.That(provider.GetRequiredService<ArticleIndex>().Catalog, Is.SameAs(custom));
    }

    [Test]
    public void TheContainersLogger_IsInjected()
    {
        var log = new RecordingLogger();
        var services = new ServiceCollection();
        services.AddSingleton<ILogger<ArticleIndex>>(new TypedLogger<ArticleIndex>(log));
        using var provider = services.AddNewsIndex(o => o.SlowQueryThreshold = TimeSpan.Zero).BuildServiceProvider();
        var index = provider.GetRequiredService<ArticleIndex>();
        index.Upsert(Article("a", "Troops in Niger."));
        index.Commit();
        index.Search("country:Niger");
        Assert.That(log.Entries.Select(e => e.EventName), Is.SupersetOf(new[] { "Committed", "SlowQuery" }));
    }

    [Test]
    public void InvalidOptions_FailWithTheSettingNamed()
    {
        using var provider = new ServiceCollection().AddNewsIndex(o => { o.ReadOnly = true; o.IndexingThreads = 0; }).BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ArticleIndex>());
        Assert.That(error!.Failures, Has.Some.Contains("NewsIndexOptions.ReadOnly needs Path"));
        Assert.That(error.Failures, Has.Some.Contains("NewsIndexOptions.IndexingThreads must be at least 1 (was 0)"));

        using var missing = new ServiceCollection().AddNewsIndex(o => o.CatalogFile = Path.Combine(_dir, "nope.json")).BuildServiceProvider();
        Assert.That(() => missing.GetRequiredService<EntityCatalog>(), Throws.TypeOf<OptionsValidationException>().With.Message.Contains("nope.json"));
    }

    [Test]
    public void AddNewsIndexTwice_CombinesTheCallbacks_AndRegistersOneIndex()
    {
        var path = Path.Combine(_dir, "index");
        var services = new ServiceCollection().AddNewsIndex(o => o.Path = path).AddNewsIndex(o => o.SlowQueryThreshold = TimeSpan.FromSeconds(5));
        Assert.That(services.Count(d => d.ServiceType == typeof(ArticleIndex)), Is.EqualTo(1));
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<NewsIndexOptions>>().Value;
        Assert.That((options.Path, options.SlowQueryThreshold), Is.EqualTo((path, TimeSpan.FromSeconds(5))));
    }

    private sealed class TypedLogger<T>(ILogger inner) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            inner.Log(logLevel, eventId, state, exception, formatter);
    }
}
