using Lucene.Net.Documents;

namespace NewsIndex.Mapping;

/// <summary>
/// Lucene field instances reused by one writer thread, document after document. A new indexed string or numeric field
/// builds its own token stream on first use (attribute lookups behind a global lock in Lucene.Net 4.8); a reused
/// field keeps its stream. That construction and the lock took about a fifth of each writer thread with two writers.
/// </summary>
/// <remarks>Not thread-safe: one pool per thread. A document built from the pool is valid until the next
/// <see cref="Reset"/>, so add it to the writer before building the next one.</remarks>
internal sealed class FieldPool
{
    private readonly Dictionary<(string Name, int Kind), Slot> _slots = [];
    private int _generation = 1;

    /// <summary>Starts a new document: every pooled field may be handed out again.</summary>
    public void Reset() => _generation++;

    /// <summary>A pooled field of this name and kind that the current document does not use yet, marked used; null
    /// when there is none (make one and <see cref="Add"/> it).</summary>
    public Field? Take(string name, int kind)
    {
        if (!_slots.TryGetValue((name, kind), out var slot))
        {
            return null;
        }

        if (slot.Generation != _generation)
        {
            slot.Generation = _generation;
            slot.Used = 0;
        }

        return slot.Used < slot.Fields.Count ? slot.Fields[slot.Used++] : null;
    }

    /// <summary>Pools a new field, used by the current document; returns it.</summary>
    public Field Add(string name, int kind, Field field)
    {
        if (!_slots.TryGetValue((name, kind), out var slot))
        {
            _slots[(name, kind)] = slot = new Slot();
        }

        if (slot.Generation != _generation)
        {
            slot.Generation = _generation;
            slot.Used = 0;
        }

        slot.Fields.Add(field);
        slot.Used = slot.Fields.Count;
        return field;
    }

    private sealed class Slot
    {
        public readonly List<Field> Fields = [];
        public int Used;
        public int Generation;
    }
}
