using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Corpus.Dedup;

/// <summary>
/// Checks candidate pairs against their signatures, read by offset from the parts'
/// <c>signatures.bin</c> (documents numbered across parts in part order). A pair is similar when
/// the signatures agree on at least <c>MinSimilarity</c> of the hashes.
/// </summary>
internal sealed class SignatureVerifier : IDisposable
{
    private readonly IReadOnlyList<string> _parts;
    private readonly int[] _firstDoc;
    private readonly SafeFileHandle?[] _handles;
    private readonly int _hashes;
    private readonly uint[] _x;
    private readonly uint[] _y;
    private readonly int _needed;
    private int _cached = -1;

    /// <param name="parts">The signed part folders.</param>
    /// <param name="firstDoc">The number of the first document of each part.</param>
    /// <param name="hashes">Hashes per signature.</param>
    /// <param name="minSimilarity">The share of hashes a similar pair agrees on.</param>
    public SignatureVerifier(IReadOnlyList<string> parts, int[] firstDoc, int hashes, double minSimilarity)
    {
        _parts = parts;
        _firstDoc = firstDoc;
        _handles = new SafeFileHandle?[parts.Count];
        _hashes = hashes;
        _x = new uint[hashes];
        _y = new uint[hashes];
        _needed = (int)Math.Ceiling(minSimilarity * hashes);
    }

    public bool Similar(int x, int y)
    {
        if (_needed == 0)
        {
            return true;
        }

        if (_cached != x)
        {
            Read(x, _x);
            _cached = x;
        }

        Read(y, _y);
        int equal = 0;
        for (int i = 0; i < _hashes; i++)
        {
            if (_x[i] == _y[i])
            {
                equal++;
            }
        }

        return equal >= _needed;
    }

    public void Dispose()
    {
        foreach (var handle in _handles)
        {
            handle?.Dispose();
        }
    }

    private void Read(int doc, uint[] into)
    {
        int part = PartOf(doc);
        var handle = _handles[part] ??= File.OpenHandle(Path.Combine(_parts[part], SignedPart.SignaturesFile), FileMode.Open, FileAccess.Read, FileShare.Read);
        var bytes = MemoryMarshal.AsBytes(into.AsSpan());
        long offset = (long)(doc - _firstDoc[part]) * _hashes * sizeof(uint);
        int read = 0;
        while (read < bytes.Length)
        {
            int got = RandomAccess.Read(handle, bytes[read..], offset + read);
            if (got == 0)
            {
                throw new EndOfStreamException($"'{Path.Combine(_parts[part], SignedPart.SignaturesFile)}' ended early.");
            }

            read += got;
        }
    }

    /// <summary>The last part whose first document is at most <paramref name="doc"/> (empty parts share a first document with the next).</summary>
    private int PartOf(int doc)
    {
        int lo = 0, hi = _firstDoc.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (_firstDoc[mid] <= doc)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }
}
