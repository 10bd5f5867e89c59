using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace WooshPay.Contracts.Generator.Model;

/// <summary>
/// An immutable array compared by its elements, so that pipeline values holding collections
/// still compare equal when their contents do (which is what lets the incremental driver cache them).
/// </summary>
internal readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
    where T : IEquatable<T>
{
    public static readonly EquatableArray<T> Empty = new(ImmutableArray<T>.Empty);

    private readonly ImmutableArray<T> _items;

    public EquatableArray(ImmutableArray<T> items) => _items = items;

    public EquatableArray(IEnumerable<T> items) => _items = items.ToImmutableArray();

    private ImmutableArray<T> Items => _items.IsDefault ? ImmutableArray<T>.Empty : _items;

    public int Count => Items.Length;

    public T this[int index] => Items[index];

    public bool IsEmpty => Items.IsEmpty;

    public bool Equals(EquatableArray<T> other) => Items.AsSpan().SequenceEqual(other.Items.AsSpan());

    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = 17;
        foreach (var item in Items)
        {
            hash = unchecked(hash * 31 + (item?.GetHashCode() ?? 0));
        }

        return hash;
    }

    public ImmutableArray<T>.Enumerator GetEnumerator() => Items.GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => EnumeratorOf(Items);

    IEnumerator IEnumerable.GetEnumerator() => EnumeratorOf(Items);

    /// <summary>Maps every item into an array of the same length: unlike Select, no enumerator is boxed and no buffer grows.</summary>
    public EquatableArray<TResult> SelectAsArray<TResult>(Func<T, TResult> selector)
        where TResult : IEquatable<TResult> => new(ImmutableArray.CreateRange(Items, selector));

    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

    /// <summary>
    /// The interface enumerator of <paramref name="items"/> through a constrained call, so LINQ over an EquatableArray does not box
    /// the ImmutableArray first (and an empty one allocates nothing).
    /// </summary>
    private static IEnumerator<T> EnumeratorOf<TItems>(TItems items)
        where TItems : IEnumerable<T> => items.GetEnumerator();
}

internal static class EquatableArray
{
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items)
        where T : IEquatable<T> => new(items);
}
