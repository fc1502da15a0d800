using System.Security.Cryptography;

namespace Corpus.Ingest.Warc;

/// <summary>
/// WARC digests: <c>sha1:</c> + RFC 4648 base32 (upper case, as warcio and Heritrix write them) when
/// writing; when checking, <c>sha1</c>, <c>sha256</c>, <c>sha512</c> and <c>md5</c> in base32, base16
/// (hex) or base64 (plain or URL-safe).
/// </summary>
internal static class WarcDigest
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary><c>sha1:</c> + base32 of the SHA-1 of <paramref name="data"/>.</summary>
    public static string Sha1Base32(ReadOnlySpan<byte> data)
    {
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(data, hash);
        return "sha1:" + Base32(hash);
    }

    public static string Base32(ReadOnlySpan<byte> data)
    {
        var chars = new char[(data.Length * 8 + 4) / 5];
        int bits = 0, value = 0, n = 0;
        foreach (var b in data)
        {
            value = (value << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[n++] = Base32Alphabet[(value >> (bits - 5)) & 31];
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            chars[n++] = Base32Alphabet[(value << (5 - bits)) & 31];
        }

        var text = new string(chars, 0, n);
        return text.PadRight((text.Length + 7) / 8 * 8, '=');
    }

    /// <summary>Checks a <c>algo:value</c> digest header against <paramref name="data"/>; null when the algorithm is unknown.</summary>
    public static bool? Matches(string header, ReadOnlyMemory<byte> data) => Matches(header, [data]);

    /// <summary>
    /// Checks a digest header against each candidate byte string: true when any matches, false when
    /// none does (or the value cannot be decoded), null when the algorithm is not one we compute.
    /// </summary>
    public static bool? Matches(string header, IReadOnlyList<ReadOnlyMemory<byte>> candidates)
    {
        var colon = header.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        var algorithm = header[..colon].Trim().Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();
        var size = algorithm switch
        {
            "SHA1" => 20,
            "SHA256" => 32,
            "SHA512" => 64,
            "MD5" => 16,
            _ => 0,
        };
        if (size == 0)
        {
            return null;
        }

        var expected = Decode(header[(colon + 1)..].Trim(), size);
        if (expected is null)
        {
            return false;
        }

        foreach (var candidate in candidates)
        {
            var actual = algorithm switch
            {
                "SHA1" => SHA1.HashData(candidate.Span),
                "SHA256" => SHA256.HashData(candidate.Span),
                "SHA512" => SHA512.HashData(candidate.Span),
                _ => MD5.HashData(candidate.Span),
            };
            if (actual.AsSpan().SequenceEqual(expected))
            {
                return true;
            }
        }

        return false;
    }

    private static byte[]? Decode(string value, int size)
    {
        var unpadded = value.TrimEnd('=');
        if (value.Length == size * 2 && TryHex(value) is { } hex)
        {
            return hex;
        }

        if (unpadded.Length == (size * 8 + 4) / 5 && TryBase32(unpadded, size) is { } b32)
        {
            return b32;
        }

        var b64 = unpadded.Replace('-', '+').Replace('_', '/');
        b64 = b64.PadRight((b64.Length + 3) / 4 * 4, '=');
        var buffer = new byte[b64.Length];
        return Convert.TryFromBase64String(b64, buffer, out var written) && written == size ? buffer[..size] : null;
    }

    private static byte[]? TryHex(string value)
    {
        try
        {
            return Convert.FromHexString(value);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static byte[]? TryBase32(string value, int size)
    {
        var bytes = new byte[size];
        int bits = 0, acc = 0, n = 0;
        foreach (var c in value)
        {
            var index = Base32Alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (index < 0)
            {
                return null;
            }

            acc = (acc << 5) | index;
            bits += 5;
            if (bits >= 8)
            {
                if (n == size)
                {
                    return null;
                }

                bytes[n++] = (byte)(acc >> (bits - 8));
                bits -= 8;
            }
        }

        return n == size ? bytes : null;
    }
}
