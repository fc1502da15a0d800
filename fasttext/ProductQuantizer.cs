using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Corpus.FastText;

/// <summary>
/// fastText's <c>ProductQuantizer</c>: a vector of <c>dim</c> floats cut into <c>nsubq</c>
/// sub-vectors of <c>dsub</c> floats (the last one <c>lastdsub</c>), each coded as one of 256
/// centroids. On disk: int32 dim, nsubq, dsub, lastdsub, then dim x 256 float32 centroids.
/// </summary>
internal sealed class ProductQuantizer
{
    public const int KSub = 256;

    private readonly float[] _centroids;

    private ProductQuantizer(int dim, int nsubq, int dsub, int lastDsub, float[] centroids)
    {
        Dim = dim;
        NSubq = nsubq;
        DSub = dsub;
        LastDSub = lastDsub;
        _centroids = centroids;
    }

    public int Dim { get; }

    public int NSubq { get; }

    public int DSub { get; }

    public int LastDSub { get; }

    public static ProductQuantizer Read(FastTextReader reader)
    {
        var dim = reader.Int32();
        var nsubq = reader.Int32();
        var dsub = reader.Int32();
        var lastDsub = reader.Int32();
        if (dim <= 0 || dim > 1 << 16 || nsubq <= 0 || dsub <= 0 || lastDsub <= 0 || ((long)(nsubq - 1) * dsub) + lastDsub != dim)
        {
            throw reader.Invalid($"product quantizer shape dim {dim}, nsubq {nsubq}, dsub {dsub}, lastdsub {lastDsub} does not add up");
        }

        reader.Require((long)dim * KSub * sizeof(float));
        var centroids = new float[dim * KSub];
        reader.Floats(centroids);
        return new ProductQuantizer(dim, nsubq, dsub, lastDsub, centroids);
    }

    /// <summary>The centroid <paramref name="code"/> of sub-quantizer <paramref name="m"/>.</summary>
    public ReadOnlySpan<float> Centroid(int m, byte code) =>
        m == NSubq - 1
            ? _centroids.AsSpan((m * KSub * DSub) + (code * LastDSub), LastDSub)
            : _centroids.AsSpan(((m * KSub) + code) * DSub, DSub);

    /// <summary>x += alpha * decode(codes), each element as fastText computes it (x += alpha * c).</summary>
    public void AddCode(Span<float> x, ReadOnlySpan<byte> codes, float alpha)
    {
        ref var xr = ref MemoryMarshal.GetReference(x);
        ref var cr = ref MemoryMarshal.GetArrayDataReference(_centroids);
        ref var code = ref MemoryMarshal.GetReference(codes);
        var dsub = DSub;
        var last = NSubq - 1;
        if (dsub == 2)
        {
            for (var m = 0; m < last; m++)
            {
                ref var c = ref Unsafe.Add(ref cr, ((m * KSub) + Unsafe.Add(ref code, m)) * 2);
                ref var xs = ref Unsafe.Add(ref xr, m * 2);
                xs += alpha * c;
                Unsafe.Add(ref xs, 1) += alpha * Unsafe.Add(ref c, 1);
            }
        }
        else
        {
            for (var m = 0; m < last; m++)
            {
                ref var c = ref Unsafe.Add(ref cr, ((m * KSub) + Unsafe.Add(ref code, m)) * dsub);
                ref var xs = ref Unsafe.Add(ref xr, m * dsub);
                for (var n = 0; n < dsub; n++)
                {
                    Unsafe.Add(ref xs, n) += alpha * Unsafe.Add(ref c, n);
                }
            }
        }

        ref var lc = ref Unsafe.Add(ref cr, (last * KSub * dsub) + (Unsafe.Add(ref code, last) * LastDSub));
        ref var lx = ref Unsafe.Add(ref xr, last * dsub);
        for (var n = 0; n < LastDSub; n++)
        {
            Unsafe.Add(ref lx, n) += alpha * Unsafe.Add(ref lc, n);
        }
    }

    /// <summary>
    /// x = the sum over rows of norm[row] * decode(row's codes), rows in order. Sub-vector by
    /// sub-vector with the running sums in registers: each element still receives the same float
    /// products in the same order as adding row after row (fastText's loop), so the result is the same.
    /// </summary>
    public void SumCodes(Span<float> x, byte[] codes, ReadOnlySpan<int> rows, ReadOnlySpan<float> norms)
    {
        ref var cr = ref MemoryMarshal.GetArrayDataReference(_centroids);
        ref var codeRef = ref MemoryMarshal.GetArrayDataReference(codes);
        var nsubq = NSubq;
        for (var m = 0; m < nsubq; m++)
        {
            var last = m == nsubq - 1;
            var d = last ? LastDSub : DSub;
            var baseOffset = m * KSub * DSub;
            var x0 = m * DSub;
            if (d == 2)
            {
                var acc0 = 0f;
                var acc1 = 0f;
                for (var i = 0; i < rows.Length; i++)
                {
                    int code = Unsafe.Add(ref codeRef, (nint)(((long)rows[i] * nsubq) + m));
                    ref var c = ref Unsafe.Add(ref cr, baseOffset + (code * 2));
                    var a = norms[i];
                    acc0 += a * c;
                    acc1 += a * Unsafe.Add(ref c, 1);
                }

                x[x0] = acc0;
                x[x0 + 1] = acc1;
                continue;
            }

            for (var n = 0; n < d; n++)
            {
                var acc = 0f;
                for (var i = 0; i < rows.Length; i++)
                {
                    int code = Unsafe.Add(ref codeRef, (nint)(((long)rows[i] * nsubq) + m));
                    acc += norms[i] * Unsafe.Add(ref cr, baseOffset + (code * d) + n);
                }

                x[x0 + n] = acc;
            }
        }
    }

    /// <summary>alpha * (x . decode(codes)), summed as fastText does.</summary>
    public float MulCode(ReadOnlySpan<float> x, ReadOnlySpan<byte> codes, float alpha)
    {
        var res = 0f;
        for (var m = 0; m < NSubq; m++)
        {
            var c = Centroid(m, codes[m]);
            var xs = x.Slice(m * DSub, c.Length);
            for (var n = 0; n < c.Length; n++)
            {
                res += xs[n] * c[n];
            }
        }

        return res * alpha;
    }
}
