using Lucene.Net.Index;
using Lucene.Net.Search;
using NewsIndex.Entities;
using NewsIndex.Mapping;
using NewsIndex.Results;

namespace NewsIndex.Searching;

/// <summary>
/// Counts every match by time bucket and, optionally, by the entities of one kind it mentions (sorted-set doc values);
/// counts articles, or distinct stories per bucket and series.
/// </summary>
internal sealed class TimelineCollector(TimelineInterval interval, EntityKind? by, CountUnit unit) : ICollector
{
    private readonly Dictionary<(long Bucket, string? Series), int> _articles = [];
    private readonly Dictionary<(long Bucket, string? Series), HashSet<int>> _stories = [];
    private readonly StoryKeys _keys = new();
    private NumericDocValues? _published;
    private SegmentOrdinals? _entities;

    /// <summary>Matches without a date.</summary>
    public int Undated { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        var reader = context.AtomicReader;
        _published = reader.GetNumericDocValues(FieldNames.Published);
        _entities = by is { } kind ? SegmentOrdinals.For(reader, FieldNames.Entity(kind)) : null;
        if (unit == CountUnit.Stories)
        {
            _keys.SetNextReader(reader);
        }
    }

    public void Collect(int doc)
    {
        var millis = _published?.Get(doc) ?? long.MinValue;
        if (millis == long.MinValue)
        {
            Undated++;
            return;
        }

        var bucket = BucketOf(millis, interval);
        var story = unit == CountUnit.Stories ? _keys.KeyOf(doc) : -1;
        if (by is null)
        {
            Add(bucket, null, story);
            return;
        }

        if (_entities is { } values)
        {
            for (int i = values.Starts[doc], end = values.Starts[doc + 1]; i < end; i++)
            {
                Add(bucket, values.Labels[values.Ordinals[i]], story);
            }
        }
    }

    /// <summary>The timeline: the <paramref name="series"/> largest series, every bucket between the first and last.</summary>
    public Timeline Result(string query, int series)
    {
        var counts = unit == CountUnit.Stories
            ? _stories.ToDictionary(kv => kv.Key, kv => kv.Value.Count)
            : _articles;
        var names = by is null
            ? [null]
            : counts.GroupBy(kv => kv.Key.Series).Select(g => (Name: g.Key, Total: g.Sum(kv => kv.Value)))
                .OrderByDescending(s => s.Total).ThenBy(s => s.Name, StringComparer.Ordinal).Take(series).Select(s => s.Name).ToList();
        var points = new List<TimelinePoint>();
        if (counts.Count > 0)
        {
            var first = counts.Keys.Min(k => k.Bucket);
            var last = counts.Keys.Max(k => k.Bucket);
            for (var bucket = first; bucket <= last; bucket = Next(bucket, interval))
            {
                foreach (var name in names)
                {
                    points.Add(new TimelinePoint(DateTimeOffset.FromUnixTimeMilliseconds(bucket), name, counts.GetValueOrDefault((bucket, name))));
                }
            }
        }

        return new Timeline
        {
            Query = query,
            Interval = interval,
            By = by,
            Unit = unit,
            Series = by is null ? [] : names.Select(n => n!).ToArray(),
            Points = points,
            Undated = Undated,
        };
    }

    private void Add(long bucket, string? series, int story)
    {
        if (story < 0)
        {
            _articles[(bucket, series)] = _articles.GetValueOrDefault((bucket, series)) + 1;
            return;
        }

        if (!_stories.TryGetValue((bucket, series), out var set))
        {
            _stories[(bucket, series)] = set = [];
        }

        set.Add(story);
    }

    /// <summary>The start (Unix ms, UTC) of the bucket holding <paramref name="millis"/>.</summary>
    internal static long BucketOf(long millis, TimelineInterval interval)
    {
        var day = DateTimeOffset.FromUnixTimeMilliseconds(millis).UtcDateTime.Date;
        var start = interval switch
        {
            TimelineInterval.Day => day,
            TimelineInterval.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
            _ => new DateTime(day.Year, day.Month, 1, 0, 0, 0, DateTimeKind.Utc),
        };
        return new DateTimeOffset(DateTime.SpecifyKind(start, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
    }

    private static long Next(long bucket, TimelineInterval interval)
    {
        var start = DateTimeOffset.FromUnixTimeMilliseconds(bucket);
        return (interval switch
        {
            TimelineInterval.Day => start.AddDays(1),
            TimelineInterval.Week => start.AddDays(7),
            _ => start.AddMonths(1),
        }).ToUnixTimeMilliseconds();
    }
}
