// Minimal declarations of the System.Collections.Immutable types that the
// Pulumi SDK's public signatures use (InputList<T> is an Input<ImmutableArray<T>>,
// InputMap<V> an Input<ImmutableDictionary<string, V>>, UpResult.Outputs an
// IImmutableDictionary). Mono's Debian packages do not ship this assembly.
// Mirrors: github.com/dotnet/runtime
//   src/libraries/System.Collections.Immutable/src/System/Collections/Immutable/ImmutableArray_1.cs
//   src/libraries/System.Collections.Immutable/src/System/Collections/Immutable/ImmutableDictionary_2.cs
//   src/libraries/System.Collections.Immutable/src/System/Collections/Immutable/IImmutableDictionary.cs
//   @ v8.0.0 (only the members listed here; the rest of the API is left out).
using System.Collections;
using System.Collections.Generic;

namespace System.Collections.Immutable
{
    public interface IImmutableDictionary<TKey, TValue> : IReadOnlyDictionary<TKey, TValue>
    {
        IImmutableDictionary<TKey, TValue> Add(TKey key, TValue value);
        IImmutableDictionary<TKey, TValue> Remove(TKey key);
    }

    public struct ImmutableArray<T> : IReadOnlyList<T>
    {
        public static readonly ImmutableArray<T> Empty;
        public T this[int index] { get { throw null; } }
        public int Length { get { throw null; } }
        public bool IsEmpty { get { throw null; } }
        int IReadOnlyCollection<T>.Count { get { throw null; } }
        public ImmutableArray<T> Add(T item) { throw null; }
        public IEnumerator<T> GetEnumerator() { throw null; }
        IEnumerator IEnumerable.GetEnumerator() { throw null; }
    }

    public static class ImmutableArray
    {
        public static ImmutableArray<T> Create<T>(params T[] items) { throw null; }
        public static ImmutableArray<T> CreateRange<T>(IEnumerable<T> items) { throw null; }
    }

    public sealed class ImmutableDictionary<TKey, TValue> : IImmutableDictionary<TKey, TValue>
    {
        private ImmutableDictionary() { }
        public static readonly ImmutableDictionary<TKey, TValue> Empty;
        public TValue this[TKey key] { get { throw null; } }
        public int Count { get { throw null; } }
        public IEnumerable<TKey> Keys { get { throw null; } }
        public IEnumerable<TValue> Values { get { throw null; } }
        public bool ContainsKey(TKey key) { throw null; }
        public bool TryGetValue(TKey key, out TValue value) { throw null; }
        public ImmutableDictionary<TKey, TValue> Add(TKey key, TValue value) { throw null; }
        public ImmutableDictionary<TKey, TValue> Remove(TKey key) { throw null; }
        IImmutableDictionary<TKey, TValue> IImmutableDictionary<TKey, TValue>.Add(TKey key, TValue value) { throw null; }
        IImmutableDictionary<TKey, TValue> IImmutableDictionary<TKey, TValue>.Remove(TKey key) { throw null; }
        public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() { throw null; }
        IEnumerator IEnumerable.GetEnumerator() { throw null; }
    }
}
