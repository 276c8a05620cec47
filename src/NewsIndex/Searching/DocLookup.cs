using Lucene.Net.Index;
using Lucene.Net.Util;
using NewsIndex.Mapping;

namespace NewsIndex.Searching;

/// <summary>Per-document values of a top-level reader by global document number: article id, publication time.</summary>
internal sealed class DocLookup(IndexReader reader)
{
    private readonly IList<AtomicReaderContext> _leaves = reader.Leaves;
    private readonly Dictionary<int, string> _ids = [];
    private readonly BytesRef _bytes = new();

    // Doc values per leaf, fetched once: Lucene.Net's per-call lookup is far slower than the read.
    private readonly NumericDocValues?[] _published = new NumericDocValues?[reader.Leaves.Count];
    private readonly BinaryDocValues?[] _idValues = new BinaryDocValues?[reader.Leaves.Count];
    private readonly bool[] _fetched = new bool[reader.Leaves.Count];

    /// <summary>The leaf holding <paramref name="doc"/> and the document's number inside it.</summary>
    public (AtomicReaderContext Leaf, int Doc) Locate(int doc)
    {
        var leaf = _leaves[ReaderUtil.SubIndex(doc, _leaves)];
        return (leaf, doc - leaf.DocBase);
    }

    /// <summary>The article id of a document (memoised).</summary>
    public string IdOf(int doc)
    {
        if (!_ids.TryGetValue(doc, out var id))
        {
            var (leaf, local) = Locate(doc);
            var values = Fetch(leaf)._idValues[leaf.Ord];
            if (values is null)
            {
                id = string.Empty;
            }
            else
            {
                values.Get(local, _bytes);
                id = _bytes.Utf8ToString();
            }

            _ids[doc] = id;
        }

        return id;
    }

    /// <summary>The story id of a document, or null.</summary>
    public string? StoryOf(int doc)
    {
        var (leaf, local) = Locate(doc);
        var values = StoryOrdinals.For(leaf.AtomicReader);
        var ordinal = values.Ordinals[local];
        return ordinal < 0 ? null : values.Labels[ordinal];
    }

    /// <summary>Publication time in Unix milliseconds, <see cref="long.MinValue"/> when undated.</summary>
    public long PublishedOf(int doc)
    {
        var (leaf, local) = Locate(doc);
        return Fetch(leaf)._published[leaf.Ord]?.Get(local) ?? long.MinValue;
    }

    private DocLookup Fetch(AtomicReaderContext leaf)
    {
        if (!_fetched[leaf.Ord])
        {
            _published[leaf.Ord] = leaf.AtomicReader.GetNumericDocValues(FieldNames.Published);
            _idValues[leaf.Ord] = leaf.AtomicReader.GetBinaryDocValues(FieldNames.IdSort);
            _fetched[leaf.Ord] = true;
        }

        return this;
    }
}
