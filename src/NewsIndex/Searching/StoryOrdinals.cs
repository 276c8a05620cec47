using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;
using NewsIndex.Mapping;

namespace NewsIndex.Searching;

/// <summary>
/// One segment's story doc values decoded once into flat arrays (document → story ordinal, −1 without a story; ordinal
/// → story id) and cached for the segment's lifetime, like <see cref="SegmentOrdinals"/>.
/// </summary>
internal sealed class StoryOrdinals
{
    private static readonly ConditionalWeakTable<object, StoryOrdinals> Cache = [];

    private StoryOrdinals(int[] ordinals, string[] labels)
    {
        Ordinals = ordinals;
        Labels = labels;
    }

    /// <summary>Story ordinal of each document of the segment, −1 for none.</summary>
    public int[] Ordinals { get; }

    /// <summary>Story id of each ordinal.</summary>
    public string[] Labels { get; }

    /// <summary>The decoded story values of the segment (empty labels when it has none).</summary>
    public static StoryOrdinals For(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => Decode(reader));

    private static StoryOrdinals Decode(AtomicReader reader)
    {
        var values = reader.GetSortedDocValues(FieldNames.Story);
        var ordinals = new int[reader.MaxDoc];
        if (values is null)
        {
            Array.Fill(ordinals, -1);
            return new StoryOrdinals(ordinals, []);
        }

        for (var doc = 0; doc < ordinals.Length; doc++)
        {
            ordinals[doc] = values.GetOrd(doc);
        }

        var labels = new string[values.ValueCount];
        var bytes = new BytesRef();
        for (var ordinal = 0; ordinal < labels.Length; ordinal++)
        {
            values.LookupOrd(ordinal, bytes);
            labels[ordinal] = bytes.Utf8ToString();
        }

        return new StoryOrdinals(ordinals, labels);
    }
}
