using System.Buffers.Binary;
using System.Text;

namespace Corpus.Pipeline.Isolation;

/// <summary>
/// The framing between a build and its worker processes, over the worker's standard input and output. A request is
/// <c>[int32 kind length][kind, UTF-8][int32 body length][body]</c>; an answer is <c>[byte status][int32 length][payload]</c>
/// with status 0 (answer), 1 (the handler failed: payload is its message), 2 (out of memory) or 3 (answer, and the
/// worker exits after it: a parse it left running past its limit would keep a core busy). A worker greets its
/// parent with one answer frame holding <see cref="Greeting"/> before it reads any request. Integers little-endian.
/// </summary>
internal static class WorkerFrames
{
    /// <summary>The payload of a worker's first frame.</summary>
    public const string Greeting = "corpus-worker 1";

    public const byte Answer = 0;
    public const byte Failure = 1;
    public const byte OutOfMemory = 2;
    public const byte AnswerThenExit = 3;

    /// <summary>Largest frame either side accepts (a request carries a whole input file).</summary>
    public const int MaxFrameBytes = int.MaxValue - 64;

    public static void WriteRequest(Stream output, string kind, ReadOnlySpan<byte> body)
    {
        var name = Encoding.UTF8.GetBytes(kind);
        Span<byte> header = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(header, name.Length);
        output.Write(header);
        output.Write(name);
        BinaryPrimitives.WriteInt32LittleEndian(header, body.Length);
        output.Write(header);
        output.Write(body);
        output.Flush();
    }

    /// <summary>Reads one request; null at the end of the input (the parent closed it).</summary>
    public static (string Kind, byte[] Body)? ReadRequest(Stream input)
    {
        if (ReadLength(input, allowEnd: true) is not { } kindLength)
        {
            return null;
        }

        var kind = Encoding.UTF8.GetString(ReadBytes(input, kindLength));
        var body = ReadBytes(input, ReadLength(input, allowEnd: false)!.Value);
        return (kind, body);
    }

    public static void WriteAnswer(Stream output, byte status, ReadOnlySpan<byte> payload)
    {
        Span<byte> header = stackalloc byte[5];
        header[0] = status;
        BinaryPrimitives.WriteInt32LittleEndian(header[1..], payload.Length);
        output.Write(header);
        output.Write(payload);
        output.Flush();
    }

    /// <summary>Reads one answer frame; null when the stream ends first (the worker died).</summary>
    public static async Task<(byte Status, byte[] Payload)?> ReadAnswerAsync(Stream input)
    {
        var header = new byte[5];
        try
        {
            await input.ReadExactlyAsync(header).ConfigureAwait(false);
            var length = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(1));
            if (length < 0 || length > MaxFrameBytes)
            {
                throw new InvalidDataException($"a worker answer frame of {length} bytes");
            }

            var payload = new byte[length];
            await input.ReadExactlyAsync(payload).ConfigureAwait(false);
            return (header[0], payload);
        }
        catch (EndOfStreamException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (ObjectDisposedException)
        {
            return null;
        }
    }

    private static int? ReadLength(Stream input, bool allowEnd)
    {
        Span<byte> header = stackalloc byte[4];
        var read = input.ReadAtLeast(header, 4, throwOnEndOfStream: false);
        if (read == 0 && allowEnd)
        {
            return null;
        }

        if (read < 4)
        {
            throw new EndOfStreamException("the request stream ended inside a frame");
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        return length is < 0 or > MaxFrameBytes ? throw new InvalidDataException($"a request frame of {length} bytes") : length;
    }

    private static byte[] ReadBytes(Stream input, int length)
    {
        var bytes = new byte[length];
        input.ReadExactly(bytes);
        return bytes;
    }
}
