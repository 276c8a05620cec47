using System.Collections;
using System.Runtime.CompilerServices;

namespace NewsIndex;

/// <summary>
/// An immutable list that compares by value: two lists are equal when they hold equal items in the same order. Records
/// of this library use it for their list members, so records compare by value as records should.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
[CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;
    private int _hash;

    internal ValueList(T[] items) => _items = items;

    /// <summary>The empty list.</summary>
    internal static ValueList<T> Empty { get; } = new([]);

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <inheritdoc />
    public T this[int index] => _items[index];

    /// <summary>A list holding a copy of <paramref name="items"/>.</summary>
    public static implicit operator ValueList<T>(T[] items) => ValueList.From(items);

    /// <summary>A list holding a copy of <paramref name="items"/>.</summary>
    public static implicit operator ValueList<T>(List<T> items) => ValueList.From(items);

    /// <summary>Value equality.</summary>
    public static bool operator ==(ValueList<T>? left, ValueList<T>? right) => Equals(left, right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(ValueList<T>? left, ValueList<T>? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(ValueList<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || _items.AsSpan().SequenceEqual(other._items, EqualityComparer<T>.Default));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        if (_hash == 0)
        {
            var hash = new HashCode();
            foreach (var item in _items)
            {
                hash.Add(item);
            }

            _hash = hash.ToHashCode() | 1;
        }

        return _hash;
    }

    /// <summary>The items, comma-separated, in brackets.</summary>
    public override string ToString() => $"[{string.Join(", ", _items)}]";

    /// <summary>A struct enumerator (no allocation in <c>foreach</c>).</summary>
    public Enumerator GetEnumerator() => new(_items);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <summary>Enumerates a <see cref="ValueList{T}"/> without allocating.</summary>
    public struct Enumerator
    {
        private readonly T[] _items;
        private int _index;

        internal Enumerator(T[] items)
        {
            _items = items;
            _index = -1;
        }

        /// <summary>The current item.</summary>
        public readonly T Current => _items[_index];

        /// <summary>Advances to the next item.</summary>
        public bool MoveNext() => ++_index < _items.Length;
    }
}

/// <summary>Factories of <see cref="ValueList{T}"/>.</summary>
public static class ValueList
{
    /// <summary>A list of the items (used by collection expressions: <c>ValueList&lt;string&gt; x = ["a", "b"]</c>).</summary>
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => items.Length == 0 ? ValueList<T>.Empty : new(items.ToArray());

    /// <summary>A list over <paramref name="items"/> without copying: the caller hands the array over and never changes it.</summary>
    internal static ValueList<T> Own<T>(T[] items) => items.Length == 0 ? ValueList<T>.Empty : new(items);

    /// <summary>A list holding a copy of <paramref name="items"/> (the same instance when it already is one).</summary>
    public static ValueList<T> From<T>(IEnumerable<T>? items) => items switch
    {
        null => ValueList<T>.Empty,
        ValueList<T> list => list,
        _ => items.TryGetNonEnumeratedCount(out var n) && n == 0 ? ValueList<T>.Empty : new(items.ToArray()),
    };
}
