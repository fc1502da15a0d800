using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Corpus.FastText;

/// <summary>
/// Little-endian reads of a fastText file with the file's name in every error: a short read or a
/// value out of range becomes an <see cref="InvalidDataException"/> naming the file and the reason.
/// </summary>
internal sealed class FastTextReader(Stream stream, string name)
{
    private readonly byte[] _scalar = new byte[8];

    public string Name { get; } = name;

    public long Position { get; private set; }

    /// <summary>Bytes left when the stream knows its length, else <see cref="long.MaxValue"/>.</summary>
    public long Remaining => stream.CanSeek ? stream.Length - stream.Position : long.MaxValue;

    public InvalidDataException Invalid(string reason) =>
        new($"{Name}: not a valid fastText model: {reason} (at byte {Position})");

    public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Fill(4));

    public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Fill(8));

    public double Double() => BinaryPrimitives.ReadDoubleLittleEndian(Fill(8));

    public byte Byte() => Fill(1)[0];

    public bool Bool() => Byte() != 0;

    public void Bytes(Span<byte> into)
    {
        Require(into.Length);
        var read = stream.ReadAtLeast(into, into.Length, throwOnEndOfStream: false);
        Position += read;
        if (read < into.Length)
        {
            throw Invalid($"the file ends early ({into.Length - read} more bytes expected)");
        }
    }

    public void Floats(Span<float> into) => Bytes(MemoryMarshal.AsBytes(into));

    /// <summary>Fails before allocating when the file cannot hold <paramref name="bytes"/> more bytes.</summary>
    public void Require(long bytes)
    {
        if (bytes > Remaining)
        {
            throw Invalid($"the file ends early ({bytes} bytes needed, {Remaining} left)");
        }
    }

    /// <summary>A NUL-terminated byte string, appended to <paramref name="into"/>.</summary>
    public void ZeroTerminated(List<byte> into, int maxLength)
    {
        while (true)
        {
            var b = stream.ReadByte();
            if (b < 0)
            {
                throw Invalid("the file ends inside a vocabulary word");
            }

            Position++;
            if (b == 0)
            {
                return;
            }

            if (into.Count >= maxLength)
            {
                throw Invalid($"a vocabulary word is longer than {maxLength} bytes");
            }

            into.Add((byte)b);
        }
    }

    private Span<byte> Fill(int count)
    {
        var span = _scalar.AsSpan(0, count);
        var read = stream.ReadAtLeast(span, count, throwOnEndOfStream: false);
        Position += read;
        if (read < count)
        {
            throw Invalid("the file ends early");
        }

        return span;
    }
}
