using System.Buffers;
using System.Runtime.CompilerServices;

namespace Corpus.Shards.IO;

/// <summary>
/// The pool of the large buffers that Parquet list columns are read into and written from, a row group
/// at a time (the tokens of 16 MB row groups: arrays of millions of elements). It rents and takes back
/// like <see cref="ArrayPool{T}.Shared"/>, which keeps what it is given for the life of the process; a
/// long build calls <see cref="ColumnBuffers.Release"/> between phases so that the buffers one phase
/// sized for its row groups (100 MB of them after the tokenize phase) do not stay resident through the next.
/// </summary>
/// <typeparam name="T">The column's element type.</typeparam>
public static class ColumnBuffers<T>
{
    private const int MaxArraysPerSize = 16;

    private static ArrayPool<T> s_pool = Create();

#pragma warning disable CA1810 // the registration must run once, when the type is first used
    static ColumnBuffers() => ColumnBuffers.Register(() => Volatile.Write(ref s_pool, Create()));
#pragma warning restore CA1810

    /// <summary>An array of at least <paramref name="minimumLength"/> elements, reused when the pool holds one.</summary>
    public static T[] Rent(int minimumLength) => Volatile.Read(ref s_pool).Rent(minimumLength);

    /// <summary>Gives <paramref name="array"/> (from <see cref="Rent"/>) back for reuse.</summary>
    public static void Return(T[] array) => Volatile.Read(ref s_pool).Return(array, RuntimeHelpers.IsReferenceOrContainsReferences<T>());

    private static ArrayPool<T> Create() => ArrayPool<T>.Create(1024 * 1024 * 1024, MaxArraysPerSize);
}

/// <summary>Releases what every <see cref="ColumnBuffers{T}"/> pool holds.</summary>
public static class ColumnBuffers
{
    private static readonly List<Action> Releases = [];

    /// <summary>
    /// Drops every pooled array, of every element type, so the collector can take them back; an array
    /// rented before and returned after is let go too.
    /// </summary>
    public static void Release()
    {
        lock (Releases)
        {
            foreach (var release in Releases)
            {
                release();
            }
        }
    }

    internal static void Register(Action release)
    {
        lock (Releases)
        {
            Releases.Add(release);
        }
    }
}
