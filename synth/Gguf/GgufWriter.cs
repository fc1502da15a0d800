using System.Buffers.Binary;
using System.Text;

namespace Corpus.Synth.Gguf;

/// <summary>
/// Writes a GGUF v3 file: the header, the metadata key/values, the tensor infos, padding to 32 bytes,
/// then each tensor's F32 or Q8_0 data at a 32-byte aligned offset. Tensor data is streamed from each
/// tensor's producer, so nothing larger than a small buffer is held.
/// </summary>
internal static class GgufWriter
{
    public static void Write(Stream stream, IReadOnlyList<GgufMetadata> metadata, IReadOnlyList<GgufTensor> tensors)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(tensors);
        var output = new BinaryOutput(stream);
        output.UInt32(GgufFormat.Magic);
        output.UInt32(GgufFormat.Version);
        output.UInt64((ulong)tensors.Count);
        output.UInt64((ulong)metadata.Count);
        foreach (var kv in metadata)
        {
            output.String(kv.Key);
            output.UInt32((uint)kv.Type);
            WriteValue(output, kv);
        }

        var infos = Layout(tensors);
        foreach (var info in infos)
        {
            output.String(info.Name);
            output.UInt32((uint)info.Dimensions.Count);
            foreach (var d in info.Dimensions)
            {
                output.UInt64(d);
            }

            output.UInt32((uint)info.Type);
            output.UInt64(info.Offset);
        }

        output.PadTo(GgufFormat.Alignment);
        var sink = new GgufFloatSink(stream);
        ulong dataStart = output.Position;
        for (int i = 0; i < tensors.Count; i++)
        {
            var info = infos[i];
            output.PadTo(GgufFormat.Alignment);
            if (output.Position - dataStart != info.Offset)
            {
                throw new InvalidOperationException($"tensor {info.Name}: data at {output.Position - dataStart}, header says {info.Offset}");
            }

            sink.Reset(info.Type);
            tensors[i].WriteData(sink);
            sink.Flush();
            if (sink.Written != info.ElementCount)
            {
                throw new InvalidOperationException($"tensor {info.Name}: its producer wrote {sink.Written} floats, its dimensions hold {info.ElementCount}");
            }

            output.Advance(info.ByteCount);
        }

        stream.Flush();
    }

    /// <summary>Each tensor's info with its data offset: in order, each aligned to 32 bytes.</summary>
    public static IReadOnlyList<GgufTensorInfo> Layout(IReadOnlyList<GgufTensor> tensors)
    {
        var infos = new List<GgufTensorInfo>(tensors.Count);
        ulong offset = 0;
        foreach (var tensor in tensors)
        {
            if (tensor.Dimensions.Count is < 1 or > 4)
            {
                throw new ArgumentException($"tensor {tensor.Name}: {tensor.Dimensions.Count} dimensions (GGUF holds 1 to 4)", nameof(tensors));
            }

            if (tensor.Type == GgufTensorType.Q8_0 && tensor.Dimensions[0] % GgufFloatSink.Q8BlockLength != 0)
            {
                throw new ArgumentException($"tensor {tensor.Name}: Q8_0 needs an innermost dimension divisible by {GgufFloatSink.Q8BlockLength}, it is {tensor.Dimensions[0]}", nameof(tensors));
            }

            offset = GgufFormat.AlignUp(offset, GgufFormat.Alignment);
            var info = new GgufTensorInfo(tensor.Name, tensor.Dimensions, tensor.Type, offset);
            infos.Add(info);
            offset += info.ByteCount;
        }

        return infos;
    }

    private static void WriteValue(BinaryOutput output, GgufMetadata kv)
    {
        switch (kv.Type)
        {
            case GgufValueType.Array:
                var elementType = kv.ElementType ?? throw new ArgumentException($"GGUF key {kv.Key}: an array needs an element type");
                output.UInt32((uint)elementType);
                switch (elementType)
                {
                    case GgufValueType.String:
                        var strings = (IReadOnlyList<string>)kv.Value;
                        output.UInt64((ulong)strings.Count);
                        foreach (var s in strings)
                        {
                            output.String(s);
                        }

                        break;
                    case GgufValueType.Int32:
                        var ints = (IReadOnlyList<int>)kv.Value;
                        output.UInt64((ulong)ints.Count);
                        foreach (var i in ints)
                        {
                            output.Int32(i);
                        }

                        break;
                    default:
                        throw new NotSupportedException($"GGUF key {kv.Key}: arrays of {elementType} are not written");
                }

                break;
            case GgufValueType.String:
                output.String((string)kv.Value);
                break;
            case GgufValueType.UInt32:
                output.UInt32((uint)kv.Value);
                break;
            case GgufValueType.Int32:
                output.Int32((int)kv.Value);
                break;
            case GgufValueType.UInt64:
                output.UInt64((ulong)kv.Value);
                break;
            case GgufValueType.Float32:
                output.Float32((float)kv.Value);
                break;
            case GgufValueType.Bool:
                output.Byte((bool)kv.Value ? (byte)1 : (byte)0);
                break;
            default:
                throw new NotSupportedException($"GGUF key {kv.Key}: values of type {kv.Type} are not written");
        }
    }

    /// <summary>Little-endian primitives onto a stream, counting the bytes.</summary>
    private sealed class BinaryOutput(Stream stream)
    {
        private readonly byte[] _scratch = new byte[8];

        public ulong Position { get; private set; }

        public void Byte(byte value)
        {
            stream.WriteByte(value);
            Position++;
        }

        public void UInt32(uint value)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(_scratch, value);
            Raw(_scratch.AsSpan(0, 4));
        }

        public void Int32(int value)
        {
            BinaryPrimitives.WriteInt32LittleEndian(_scratch, value);
            Raw(_scratch.AsSpan(0, 4));
        }

        public void UInt64(ulong value)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(_scratch, value);
            Raw(_scratch.AsSpan(0, 8));
        }

        public void Float32(float value)
        {
            BinaryPrimitives.WriteSingleLittleEndian(_scratch, value);
            Raw(_scratch.AsSpan(0, 4));
        }

        public void String(string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            UInt64((ulong)bytes.Length);
            Raw(bytes);
        }

        public void PadTo(uint alignment)
        {
            while (Position % alignment != 0)
            {
                Byte(0);
            }
        }

        /// <summary>Counts bytes written to the stream by someone else.</summary>
        public void Advance(ulong bytes) => Position += bytes;

        private void Raw(ReadOnlySpan<byte> bytes)
        {
            stream.Write(bytes);
            Position += (ulong)bytes.Length;
        }
    }
}
