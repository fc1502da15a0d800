using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Corpus.Synth.Gguf;

/// <summary>
/// Where a tensor's producer writes its floats: stored little-endian as F32 or F16, or quantized to Q8_0
/// blocks the way ggml's reference quantizer does it; buffered and counted.
/// </summary>
internal sealed class GgufFloatSink
{
    /// <summary>Weights per Q8_0 block.</summary>
    public const int Q8BlockLength = 32;

    /// <summary>Bytes per Q8_0 block: an f16 scale and 32 signed bytes.</summary>
    public const int Q8BlockBytes = 2 + Q8BlockLength;

    private const int BufferFloats = 16 * 1024;
    private readonly Stream _stream;
    private readonly float[] _buffer = new float[BufferFloats];
    private readonly byte[] _blocks = new byte[BufferFloats * 2];
    private int _buffered;
    private GgufTensorType _type = GgufTensorType.F32;

    internal GgufFloatSink(Stream stream) => _stream = stream;

    /// <summary>Floats written so far for the current tensor.</summary>
    public ulong Written { get; private set; }

    public void Write(float value)
    {
        _buffer[_buffered++] = value;
        Written++;
        if (_buffered == BufferFloats)
        {
            Flush();
        }
    }

    public void Write(ReadOnlySpan<float> values)
    {
        foreach (var v in values)
        {
            Write(v);
        }
    }

    /// <summary>Starts a tensor stored as <paramref name="type"/>.</summary>
    internal void Reset(GgufTensorType type)
    {
        Written = 0;
        _type = type;
    }

    internal void Flush()
    {
        if (_buffered == 0)
        {
            return;
        }

        var span = _buffer.AsSpan(0, _buffered);
        if (_type == GgufTensorType.Q8_0)
        {
            if (_buffered % Q8BlockLength != 0)
            {
                throw new InvalidOperationException($"a Q8_0 tensor's floats end inside a block ({_buffered % Q8BlockLength} of {Q8BlockLength})");
            }

            int bytes = QuantizeQ8(span, _blocks);
            _stream.Write(_blocks, 0, bytes);
            _buffered = 0;
            return;
        }

        if (_type == GgufTensorType.F16)
        {
            for (int i = 0; i < span.Length; i++)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(_blocks.AsSpan(2 * i), BitConverter.HalfToUInt16Bits((Half)span[i]));
            }

            _stream.Write(_blocks, 0, 2 * span.Length);
            _buffered = 0;
            return;
        }

        if (!BitConverter.IsLittleEndian)
        {
            var ints = MemoryMarshal.Cast<float, int>(span);
            BinaryPrimitives.ReverseEndianness(ints, ints);
        }

        _stream.Write(MemoryMarshal.AsBytes(span));
        _buffered = 0;
    }

    /// <summary>
    /// ggml's <c>quantize_row_q8_0_ref</c>: per block of 32, scale d = max|x| / 127 stored as f16, and each
    /// weight as round(x / d) (halves away from zero) in a signed byte. Returns the bytes written.
    /// </summary>
    internal static int QuantizeQ8(ReadOnlySpan<float> values, Span<byte> output)
    {
        int written = 0;
        for (int block = 0; block < values.Length; block += Q8BlockLength)
        {
            var x = values.Slice(block, Q8BlockLength);
            float amax = 0;
            foreach (var v in x)
            {
                amax = MathF.Max(amax, MathF.Abs(v));
            }

            float d = amax / 127f;
            float id = d != 0 ? 1f / d : 0f;
            BinaryPrimitives.WriteUInt16LittleEndian(output[written..], BitConverter.HalfToUInt16Bits((Half)d));
            for (int j = 0; j < Q8BlockLength; j++)
            {
                output[written + 2 + j] = (byte)(sbyte)MathF.Round(x[j] * id, MidpointRounding.AwayFromZero);
            }

            written += Q8BlockBytes;
        }

        return written;
    }
}
