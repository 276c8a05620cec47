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

        // Documents per ordinal (a counting sort), so a story's documents are found without a query.
        var starts = new int[labels.Length + 1];
        foreach (var ordinal in ordinals)
        {
            if (ordinal >= 0)
            {
                starts[ordinal + 1]++;
            }
        }

        for (var i = 0; i < labels.Length; i++)
        {
            starts[i + 1] += starts[i];
        }

        var docs = new int[starts[labels.Length]];
        var next = (int[])starts.Clone();
        for (var doc = 0; doc < ordinals.Length; doc++)
        {
            if (ordinals[doc] >= 0)
            {
                docs[next[ordinals[doc]]++] = doc;
            }
        }

        _starts = starts;
        _docs = docs;
        _ordinalOf = new Dictionary<string, int>(labels.Length, StringComparer.Ordinal);
        for (var i = 0; i < labels.Length; i++)
        {
            _ordinalOf[labels[i]] = i;
        }
    }

    private readonly int[] _starts;
    private readonly int[] _docs;
    private readonly Dictionary<string, int> _ordinalOf;

    /// <summary>The segment's documents with story <paramref name="storyId"/> (deleted ones included), or empty.</summary>
    public ReadOnlySpan<int> DocsOf(string storyId) =>
        _ordinalOf.TryGetValue(storyId, out var ordinal) ? _docs.AsSpan(_starts[ordinal], _starts[ordinal + 1] - _starts[ordinal]) : [];

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
