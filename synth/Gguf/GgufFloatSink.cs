using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Corpus.Synth.Gguf;

/// <summary>Where a tensor's producer writes its floats: little-endian F32, buffered, counted.</summary>
internal sealed class GgufFloatSink
{
    private const int BufferFloats = 16 * 1024;
    private readonly Stream _stream;
    private readonly float[] _buffer = new float[BufferFloats];
    private int _buffered;

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

    internal void Reset() => Written = 0;

    internal void Flush()
    {
        if (_buffered == 0)
        {
            return;
        }

        var span = _buffer.AsSpan(0, _buffered);
        if (!BitConverter.IsLittleEndian)
        {
            var ints = MemoryMarshal.Cast<float, int>(span);
            BinaryPrimitives.ReverseEndianness(ints, ints);
        }

        _stream.Write(MemoryMarshal.AsBytes(span));
        _buffered = 0;
    }
}
