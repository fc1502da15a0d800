using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Corpus.FastText;

/// <summary>
/// Row arithmetic of the model: <see cref="Vector{T}"/> lanes over the body, scalar over the tail.
/// Element-wise operations (add, scale) give the same floats as fastText's scalar loops; a dot
/// product sums in a different order, which moves the last bits only.
/// </summary>
internal static class FastTextVectors
{
    /// <summary>x += row.</summary>
    public static void Add(Span<float> x, ReadOnlySpan<float> row)
    {
        ref var xr = ref MemoryMarshal.GetReference(x);
        ref var rr = ref MemoryMarshal.GetReference(row);
        var n = x.Length;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
            {
                var sum = Vector.LoadUnsafe(ref xr, (nuint)i) + Vector.LoadUnsafe(ref rr, (nuint)i);
                sum.StoreUnsafe(ref xr, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref xr, i) += Unsafe.Add(ref rr, i);
        }
    }

    /// <summary>x += alpha * row.</summary>
    public static void AddScaled(Span<float> x, ReadOnlySpan<float> row, float alpha)
    {
        ref var xr = ref MemoryMarshal.GetReference(x);
        ref var rr = ref MemoryMarshal.GetReference(row);
        var n = x.Length;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var a = new Vector<float>(alpha);
            for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
            {
                var sum = Vector.LoadUnsafe(ref xr, (nuint)i) + (a * Vector.LoadUnsafe(ref rr, (nuint)i));
                sum.StoreUnsafe(ref xr, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref xr, i) += alpha * Unsafe.Add(ref rr, i);
        }
    }

    /// <summary>x *= a.</summary>
    public static void Scale(Span<float> x, float a)
    {
        ref var xr = ref MemoryMarshal.GetReference(x);
        var n = x.Length;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var av = new Vector<float>(a);
            for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
            {
                (Vector.LoadUnsafe(ref xr, (nuint)i) * av).StoreUnsafe(ref xr, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref xr, i) *= a;
        }
    }

    /// <summary>
    /// hidden = sum of the given rows of a row-major matrix, added in row order (so each element
    /// gets the same float additions as fastText's row-by-row loop), with the running sums of a
    /// column block kept in registers across all rows.
    /// </summary>
    public static void SumRows(float[] data, int cols, ReadOnlySpan<int> rows, Span<float> hidden)
    {
        ref var d = ref MemoryMarshal.GetArrayDataReference(data);
        var c = 0;
        var w = Vector<float>.Count;
        if (Vector.IsHardwareAccelerated)
        {
            for (; c + (2 * w) <= cols; c += 2 * w)
            {
                var acc0 = Vector<float>.Zero;
                var acc1 = Vector<float>.Zero;
                foreach (var row in rows)
                {
                    var at = (nuint)(((long)row * cols) + c);
                    acc0 += Vector.LoadUnsafe(ref d, at);
                    acc1 += Vector.LoadUnsafe(ref d, at + (nuint)w);
                }

                acc0.CopyTo(hidden[c..]);
                acc1.CopyTo(hidden[(c + w)..]);
            }

            for (; c + w <= cols; c += w)
            {
                var acc = Vector<float>.Zero;
                foreach (var row in rows)
                {
                    acc += Vector.LoadUnsafe(ref d, (nuint)(((long)row * cols) + c));
                }

                acc.CopyTo(hidden[c..]);
            }
        }

        for (; c < cols; c++)
        {
            var sum = 0f;
            foreach (var row in rows)
            {
                sum += Unsafe.Add(ref d, (nint)(((long)row * cols) + c));
            }

            hidden[c] = sum;
        }
    }

    /// <summary>The dot product of two equally long spans.</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        ref var ar = ref MemoryMarshal.GetReference(a);
        ref var br = ref MemoryMarshal.GetReference(b);
        var n = a.Length;
        var i = 0;
        var sum = 0f;
        if (Vector.IsHardwareAccelerated && n >= Vector<float>.Count)
        {
            var acc = Vector<float>.Zero;
            for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
            {
                acc += Vector.LoadUnsafe(ref ar, (nuint)i) * Vector.LoadUnsafe(ref br, (nuint)i);
            }

            sum = Vector.Sum(acc);
        }

        for (; i < n; i++)
        {
            sum += Unsafe.Add(ref ar, i) * Unsafe.Add(ref br, i);
        }

        return sum;
    }

    /// <summary>The dot product as fastText's scalar loop sums it (the reference for the vector path).</summary>
    public static float DotScalar(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary>fastText's softmax in place: the maximum subtracted before <c>exp</c>, then divided by the sum, in float as fastText does.</summary>
    public static void SoftmaxInPlace(Span<float> output)
    {
        var max = output[0];
        foreach (var value in output)
        {
            max = Math.Max(value, max);
        }

        var z = 0f;
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = MathF.Exp(output[i] - max);
            z += output[i];
        }

        for (var i = 0; i < output.Length; i++)
        {
            output[i] /= z;
        }
    }
}
