using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace NewsIndex.Searching;

/// <summary>
/// One segment's sorted-set doc values for one field, decoded once into flat arrays (document → ordinals, ordinal →
/// label) and cached for the segment's lifetime. Facet counting then costs an array read per value instead of a
/// packed-ints decode per document, which in Lucene.Net 4.8 is the difference between ~5 ns and ~1 µs per document.
/// Segments are immutable, so the cache never goes stale; it is keyed by the segment core and dropped with it.
/// </summary>
internal sealed class SegmentOrdinals
{
    private static readonly ConditionalWeakTable<object, Dictionary<string, SegmentOrdinals?>> Cache = [];

    private SegmentOrdinals(int[] starts, int[] ordinals, string[] labels)
    {
        Starts = starts;
        Ordinals = ordinals;
        Labels = labels;
    }

    /// <summary>Ordinals of document <c>d</c> are <c>Ordinals[Starts[d]..Starts[d + 1]]</c>.</summary>
    public int[] Starts { get; }

    public int[] Ordinals { get; }

    public string[] Labels { get; }

    /// <summary>The decoded values of <paramref name="field"/> in this segment, or null when the segment has none.</summary>
    public static SegmentOrdinals? For(AtomicReader reader, string field)
    {
        var perField = Cache.GetValue(reader.CoreCacheKey, _ => new Dictionary<string, SegmentOrdinals?>(StringComparer.Ordinal));
        lock (perField)
        {
            if (!perField.TryGetValue(field, out var ordinals))
            {
                ordinals = Decode(reader, field);
                perField[field] = ordinals;
            }

            return ordinals;
        }
    }

    private static SegmentOrdinals? Decode(AtomicReader reader, string field)
    {
        var values = reader.GetSortedSetDocValues(field);
        if (values is null)
        {
            return null;
        }

        var maxDoc = reader.MaxDoc;
        var starts = new int[maxDoc + 1];
        var ordinals = new List<int>(maxDoc);
        for (var doc = 0; doc < maxDoc; doc++)
        {
            starts[doc] = ordinals.Count;
            values.SetDocument(doc);
            long ordinal;
            while ((ordinal = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                ordinals.Add((int)ordinal);
            }
        }

        starts[maxDoc] = ordinals.Count;
        var labels = new string[values.ValueCount];
        var bytes = new BytesRef();
        for (var ordinal = 0; ordinal < labels.Length; ordinal++)
        {
            values.LookupOrd(ordinal, bytes);
            labels[ordinal] = bytes.Utf8ToString();
        }

        return new SegmentOrdinals(starts, ordinals.ToArray(), labels);
    }
}
