using System.Runtime.InteropServices;
using System.Text;
using Corpus.Core.Text;

namespace Corpus.Dedup;

/// <summary>One document as the signing step saw it: id, quality score, exact key, and whether it has a MinHash signature.</summary>
internal readonly record struct SignedDocument(string Id, double Score, UInt128 Key, bool Signed);

/// <summary>
/// The files the signing step writes for one part of the documents, in a folder of its own:
/// <c>docs.bin</c> (per document: id as UTF-8 with an int32 length, score as a double, exact key
/// as two uint64 (low, high), a signed byte), and when fuzzy, <c>signatures.bin</c> (per document
/// <c>Bands × RowsPerBand</c> uint32, zeros when unsigned) and <c>bands.bin</c> (per document
/// <c>2 + Bands</c> uint64: the order key (a hash of the id), 1 when signed else 0, then one
/// bucket hash per band). Little-endian, fixed-size records except in <c>docs.bin</c>.
/// </summary>
internal static class SignedPart
{
    public const string DocsFile = "docs.bin";
    public const string SignaturesFile = "signatures.bin";
    public const string BandsFile = "bands.bin";

    /// <summary>uint64 words per document in <c>bands.bin</c>.</summary>
    public static int BandWords(int bands) => 2 + bands;

    /// <summary>Documents in a signed part, from the size of its <c>bands.bin</c>.</summary>
    public static int CountFromBands(string folder, int bands)
    {
        long bytes = new FileInfo(Path.Combine(folder, BandsFile)).Length;
        long record = BandWords(bands) * sizeof(ulong);
        if (bytes % record != 0)
        {
            throw new InvalidDataException($"'{Path.Combine(folder, BandsFile)}' does not hold whole records of {bands} bands.");
        }

        return checked((int)(bytes / record));
    }

    /// <summary>The order in which members of one bucket are compared: a hash of the id (so not the input order).</summary>
    public static ulong OrderKey(string id)
    {
        ulong h = 0xCBF29CE484222325UL;
        foreach (char c in id)
        {
            h = TextHashing.Mix64(h ^ c);
        }

        return TextHashing.Mix64(h ^ (ulong)id.Length);
    }

    /// <summary>Writes one document's record to <c>docs.bin</c>.</summary>
    public static void WriteDocument(BinaryWriter writer, string id, double score, UInt128 key, bool signed)
    {
        int length = Encoding.UTF8.GetByteCount(id);
        writer.Write(length);
        Span<byte> small = length <= 512 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(id, small);
        writer.Write(small);
        writer.Write(score);
        writer.Write((ulong)key);
        writer.Write((ulong)(key >> 64));
        writer.Write(signed ? (byte)1 : (byte)0);
    }

    /// <summary>The documents of a signed part, in the order they were signed.</summary>
    public static IEnumerable<SignedDocument> ReadDocuments(string folder)
    {
        using var file = new FileStream(Path.Combine(folder, DocsFile), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var reader = new BinaryReader(file, Encoding.UTF8);
        while (file.Position < file.Length)
        {
            int length = reader.ReadInt32();
            var id = Encoding.UTF8.GetString(reader.ReadBytes(length));
            double score = reader.ReadDouble();
            ulong low = reader.ReadUInt64();
            ulong high = reader.ReadUInt64();
            bool signed = reader.ReadByte() != 0;
            yield return new SignedDocument(id, score, new UInt128(high, low), signed);
        }
    }

    /// <summary>Reads the <c>bands.bin</c> records of a part in blocks: each call fills <paramref name="block"/> with whole records and returns how many.</summary>
    public static int ReadBandRecords(Stream file, ulong[] block, int words)
    {
        var bytes = MemoryMarshal.AsBytes(block.AsSpan(0, block.Length / words * words));
        int read = 0;
        while (read < bytes.Length)
        {
            int n = file.Read(bytes[read..]);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        if (read % (words * sizeof(ulong)) != 0)
        {
            throw new InvalidDataException("A bands file ended inside a record.");
        }

        return read / (words * sizeof(ulong));
    }
}
