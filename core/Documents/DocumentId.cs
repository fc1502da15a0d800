using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Corpus.Core.Documents;

/// <summary>
/// Document ids: the first 16 bytes of SHA-256 over the UTF-8 source URI, a zero byte, and the
/// content bytes, as 32 lower-case hex digits. The same source and content always give the same id.
/// </summary>
public static class DocumentId
{
    /// <summary>Length of an id in hex digits.</summary>
    public const int Length = 32;

    /// <summary>Computes the id of <paramref name="content"/> from <paramref name="sourceUri"/>.</summary>
    public static string Compute(string sourceUri, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(sourceUri);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var uriBytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(sourceUri.Length));
        try
        {
            var n = Encoding.UTF8.GetBytes(sourceUri, uriBytes);
            hash.AppendData(uriBytes, 0, n);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(uriBytes);
        }

        hash.AppendData([0]);
        hash.AppendData(content);
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest[..16]);
    }

    /// <summary>Computes the id of a text (hashed as UTF-8) from its source URI.</summary>
    public static string Compute(string sourceUri, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Compute(sourceUri, Encoding.UTF8.GetBytes(text));
    }
}
