using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsIndex.Entities;

namespace NewsIndex.Extensions.DependencyInjection;

/// <summary>Registers NewsIndex in a <see cref="IServiceCollection"/>.</summary>
public static class NewsIndexServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="NewsIndexOptions"/> (options pattern, validated when first read), the
    /// <see cref="EntityCatalog"/> (the built-in one, plus <see cref="NewsIndexOptions.CatalogFile"/>) and a singleton
    /// <see cref="ArticleIndex"/> opened from the options when first resolved. The container owns the index: disposing
    /// the service provider (the host, at shutdown) disposes it, discarding uncommitted changes. The index logs to
    /// the container's <c>ILogger&lt;ArticleIndex&gt;</c> when logging is registered.
    /// </summary>
    /// <remarks>Registrations already present (an <see cref="EntityCatalog"/> or <see cref="ArticleIndex"/> of your own)
    /// are kept. Calling it twice adds the second callback to the first.</remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; optional (an in-memory index with the built-in catalog).</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddNewsIndex(this IServiceCollection services, Action<NewsIndexOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<NewsIndexOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NewsIndexOptions>, NewsIndexOptionsValidator>());
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<NewsIndexOptions>>().Value;
            return options.CatalogFile is { } file ? EntityCatalog.Default.WithFile(file) : EntityCatalog.Default;
        });
        services.TryAddSingleton(Open);
        return services;
    }

    private static ArticleIndex Open(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<NewsIndexOptions>>().Value;
        var settings = new ArticleIndexOptions
        {
            Catalog = provider.GetRequiredService<EntityCatalog>(),
            ReadOnly = options.ReadOnly,
            AllowCatalogMismatch = options.AllowCatalogMismatch,
            QueryLimits = options.QueryLimits,
            RamBufferMB = options.RamBufferMB,
            IndexingThreads = options.IndexingThreads,
            SlowQueryThreshold = options.SlowQueryThreshold,
            Logger = provider.GetService<ILogger<ArticleIndex>>(),
        };
        return options.Path is null ? ArticleIndex.CreateInMemory(settings) : ArticleIndex.Open(options.Path, settings);
    }
}
