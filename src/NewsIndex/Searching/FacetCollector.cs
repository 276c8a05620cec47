using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using NewsIndex.Mapping;
using NewsIndex.Results;

namespace NewsIndex.Searching;

/// <summary>
/// Exact facet counts over every matching document, from sorted-set doc values (decoded once per segment by
/// <see cref="SegmentOrdinals"/>): counts per segment ordinal while collecting, resolved to labels once per segment.
/// No Facet module, no taxonomy index.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    private readonly FacetField[] _fields;
    private readonly string[] _names;
    private readonly Dictionary<string, int>[] _totals;
    private readonly SegmentOrdinals?[] _values;
    private readonly int[]?[] _ordinalCounts;

    // Counting stories: the distinct story keys per value, instead of counts per ordinal.
    private readonly StoryKeys? _stories;
    private readonly Dictionary<string, HashSet<int>>[]? _storySets;

    public FacetCollector(IReadOnlyList<FacetField> fields, CountUnit unit = CountUnit.Articles)
    {
        if (unit == CountUnit.Stories)
        {
            _stories = new StoryKeys();
            _storySets = fields.Distinct().Select(_ => new Dictionary<string, HashSet<int>>(StringComparer.Ordinal)).ToArray();
        }

        _fields = fields.Distinct().ToArray();
        _names = _fields.Select(Name).ToArray();
        _totals = _fields.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        _values = new SegmentOrdinals?[_fields.Length];
        _ordinalCounts = new int[]?[_fields.Length];
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        _stories?.SetNextReader(context.AtomicReader);
        for (var f = 0; f < _fields.Length; f++)
        {
            var values = SegmentOrdinals.For(context.AtomicReader, _names[f]);
            _values[f] = values;
            _ordinalCounts[f] = values is null ? null : new int[values.Labels.Length];
        }
    }

    public void Collect(int doc)
    {
        if (_stories is not null)
        {
            CollectStory(doc, _stories.KeyOf(doc));
            return;
        }

        for (var f = 0; f < _values.Length; f++)
        {
            var values = _values[f];
            if (values is null)
            {
                continue;
            }

            var counts = _ordinalCounts[f]!;
            var ordinals = values.Ordinals;
            for (int i = values.Starts[doc], end = values.Starts[doc + 1]; i < end; i++)
            {
                counts[ordinals[i]]++;
            }
        }
    }

    private void CollectStory(int doc, int story)
    {
        for (var f = 0; f < _values.Length; f++)
        {
            var values = _values[f];
            if (values is null)
            {
                continue;
            }

            var sets = _storySets![f];
            for (int i = values.Starts[doc], end = values.Starts[doc + 1]; i < end; i++)
            {
                var label = values.Labels[values.Ordinals[i]];
                if (!sets.TryGetValue(label, out var set))
                {
                    sets[label] = set = [];
                }

                set.Add(story);
            }
        }
    }

    public Dictionary<FacetField, IReadOnlyList<FacetCount>> Results(int size)
    {
        Flush();
        if (_storySets is not null)
        {
            for (var f = 0; f < _fields.Length; f++)
            {
                foreach (var (label, set) in _storySets[f])
                {
                    _totals[f][label] = set.Count;
                }
            }
        }

        var results = new Dictionary<FacetField, IReadOnlyList<FacetCount>>();
        for (var f = 0; f < _fields.Length; f++)
        {
            results[_fields[f]] = _totals[f]
                .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Take(size).Select(kv => new FacetCount(kv.Key, kv.Value)).ToArray();
        }

        return results;
    }

    private void Flush()
    {
        for (var f = 0; f < _fields.Length; f++)
        {
            var counts = _ordinalCounts[f];
            var values = _values[f];
            if (counts is null || values is null)
            {
                continue;
            }

            for (var ordinal = 0; ordinal < counts.Length; ordinal++)
            {
                if (counts[ordinal] > 0)
                {
                    var label = values.Labels[ordinal];
                    _totals[f][label] = _totals[f].GetValueOrDefault(label) + counts[ordinal];
                }
            }

            _ordinalCounts[f] = null;
        }
    }

    internal static string Name(FacetField field) => field switch
    {
        FacetField.Country => FieldNames.Entity(Entities.EntityKind.Country),
        FacetField.Force => FieldNames.Entity(Entities.EntityKind.Force),
        FacetField.Base => FieldNames.Entity(Entities.EntityKind.Base),
        FacetField.Source => FieldNames.SourceFacet,
        _ => FieldNames.Month,
    };
}
