using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace NewsIndex.Benchmarks;

/// <summary>
/// A summary column that turns the measured mean into a rate (e.g. MB/s or articles/s) and allocations into a
/// per-unit figure (e.g. bytes per KB), from the work one operation does.
/// </summary>
public sealed class ThroughputColumn(string name, string legend, Func<BenchmarkCase, double> unitsPerOperation, bool perUnitAllocation = false) : IColumn
{
    /// <inheritdoc />
    public string Id => "Throughput." + name;

    /// <inheritdoc />
    public string ColumnName => name;

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc />
    public int PriorityInCategory => 0;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc />
    public string Legend => legend;

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        var units = unitsPerOperation(benchmarkCase);
        if (report?.ResultStatistics is not { } statistics || units <= 0)
        {
            return "-";
        }

        if (perUnitAllocation)
        {
            var bytes = report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
            return bytes is null ? "-" : (bytes.Value / units).ToString("N0", CultureInfo.InvariantCulture);
        }

        return (units / (statistics.Mean / 1e9)).ToString("N1", CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
