using Microsoft.Extensions.Options;

namespace NewsIndex.Extensions.DependencyInjection;

/// <summary>Rejects settings that cannot open an index, naming the setting (run when the options are first read).</summary>
internal sealed class NewsIndexOptionsValidator : IValidateOptions<NewsIndexOptions>
{
    public ValidateOptionsResult Validate(string? name, NewsIndexOptions options)
    {
        var failures = new List<string>();
        if (options.ReadOnly && string.IsNullOrWhiteSpace(options.Path))
        {
            failures.Add($"{nameof(NewsIndexOptions)}.{nameof(NewsIndexOptions.ReadOnly)} needs {nameof(NewsIndexOptions.Path)}: an in-memory index cannot be read-only");
        }

        if (options.Path is not null && string.IsNullOrWhiteSpace(options.Path))
        {
            failures.Add($"{nameof(NewsIndexOptions)}.{nameof(NewsIndexOptions.Path)} is blank; leave it null for an in-memory index");
        }

        if (options.CatalogFile is { } catalog && !File.Exists(catalog))
        {
            failures.Add($"{nameof(NewsIndexOptions)}.{nameof(NewsIndexOptions.CatalogFile)}: no file at {System.IO.Path.GetFullPath(catalog)}");
        }

        if (!(options.RamBufferMB > 0))
        {
            failures.Add($"{nameof(NewsIndexOptions)}.{nameof(NewsIndexOptions.RamBufferMB)} must be positive (was {options.RamBufferMB})");
        }

        if (options.IndexingThreads < 1)
        {
            failures.Add($"{nameof(NewsIndexOptions)}.{nameof(NewsIndexOptions.IndexingThreads)} must be at least 1 (was {options.IndexingThreads})");
        }

        if (options.SlowQueryThreshold < TimeSpan.Zero && options.SlowQueryThreshold != Timeout.InfiniteTimeSpan)
        {
            failures.Add($"{nameof(NewsIndexOptions)}.{nameof(NewsIndexOptions.SlowQueryThreshold)} must be zero or more, or Timeout.InfiniteTimeSpan");
        }

        if (options.QueryLimits is null)
        {
            failures.Add($"{nameof(NewsIndexOptions)}.{nameof(NewsIndexOptions.QueryLimits)} is null");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
