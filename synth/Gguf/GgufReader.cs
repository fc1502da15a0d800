using System.Buffers.Binary;
using System.Text;

namespace Corpus.Synth.Gguf;

/// <summary>Reads a GGUF v3 file's header, metadata and tensor infos (not the tensor data).</summary>
internal static class GgufReader
{
    public static GgufFile Read(string path)
    {
        using var stream = new BufferedStream(File.OpenRead(path), 1 << 16);
        return Read(stream, path);
    }

    public static GgufFile Read(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var input = new BinaryInput(stream, name);
        uint magic = input.UInt32();
        if (magic != GgufFormat.Magic)
        {
            throw new InvalidDataException($"{name}: not a GGUF file (magic 0x{magic:x8})");
        }

        uint version = input.UInt32();
        if (version is not (2 or 3))
        {
            throw new InvalidDataException($"{name}: GGUF version {version} is not read (2 and 3 are)");
        }

        ulong tensorCount = input.UInt64();
        ulong metadataCount = input.UInt64();
        var metadata = new List<GgufMetadata>();
        for (ulong i = 0; i < metadataCount; i++)
        {
            string key = input.String();
            var type = (GgufValueType)input.UInt32();
            metadata.Add(ReadValue(input, key, type));
        }

        uint alignment = metadata.FirstOrDefault(m => m.Key == "general.alignment") is { } a ? checked((uint)a.AsUInt64()) : GgufFormat.Alignment;
        var tensors = new List<GgufTensorInfo>();
        for (ulong i = 0; i < tensorCount; i++)
        {
            string tensorName = input.String();
            uint dims = input.UInt32();
            var dimensions = new ulong[dims];
            for (int d = 0; d < dims; d++)
            {
                dimensions[d] = input.UInt64();
            }

            var type = (GgufTensorType)input.UInt32();
            ulong offset = input.UInt64();
            tensors.Add(new GgufTensorInfo(tensorName, dimensions, type, offset));
        }

        return new GgufFile(version, metadata, tensors, GgufFormat.AlignUp(input.Position, alignment));
    }

    private static GgufMetadata ReadValue(BinaryInput input, string key, GgufValueType type)
    {
        if (type != GgufValueType.Array)
        {
            return new GgufMetadata(key, type, ReadScalar(input, key, type));
        }

        var elementType = (GgufValueType)input.UInt32();
        ulong count = input.UInt64();
        switch (elementType)
        {
            case GgufValueType.String:
                var strings = new string[count];
                for (ulong i = 0; i < count; i++)
                {
                    strings[i] = input.String();
                }

                return new GgufMetadata(key, type, strings, elementType);
            case GgufValueType.Int32:
                var ints = new int[count];
                for (ulong i = 0; i < count; i++)
                {
                    ints[i] = input.Int32();
                }

                return new GgufMetadata(key, type, ints, elementType);
            default:
                var items = new object[count];
                for (ulong i = 0; i < count; i++)
                {
                    items[i] = ReadScalar(input, key, elementType);
                }

                return new GgufMetadata(key, type, items, elementType);
        }
    }

    private static object ReadScalar(BinaryInput input, string key, GgufValueType type) => type switch
    {
        GgufValueType.UInt8 => input.Bytes(1)[0],
        GgufValueType.Int8 => (sbyte)input.Bytes(1)[0],
        GgufValueType.UInt16 => BinaryPrimitives.ReadUInt16LittleEndian(input.Bytes(2)),
        GgufValueType.Int16 => BinaryPrimitives.ReadInt16LittleEndian(input.Bytes(2)),
        GgufValueType.UInt32 => input.UInt32(),
        GgufValueType.Int32 => input.Int32(),
        GgufValueType.Float32 => BinaryPrimitives.ReadSingleLittleEndian(input.Bytes(4)),
        GgufValueType.Bool => input.Bytes(1)[0] != 0,
        GgufValueType.String => input.String(),
        GgufValueType.UInt64 => input.UInt64(),
        GgufValueType.Int64 => BinaryPrimitives.ReadInt64LittleEndian(input.Bytes(8)),
        GgufValueType.Float64 => BinaryPrimitives.ReadDoubleLittleEndian(input.Bytes(8)),
        _ => throw new InvalidDataException($"GGUF key {key}: unknown value type {(uint)type}"),
    };

    private sealed class BinaryInput(Stream stream, string name)
    {
        private byte[] _buffer = new byte[256];

        public ulong Position { get; private set; }

        public uint UInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Bytes(4));

        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Bytes(4));

        public ulong UInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Bytes(8));

        public string String()
        {
            ulong length = UInt64();
            if (length > int.MaxValue)
            {
                throw new InvalidDataException($"{name}: a string of {length} bytes at offset {Position}");
            }

            return Encoding.UTF8.GetString(Bytes((int)length));
        }

        public ReadOnlySpan<byte> Bytes(int count)
        {
            if (_buffer.Length < count)
            {
                _buffer = new byte[Math.Max(count, _buffer.Length * 2)];
            }

            stream.ReadExactly(_buffer, 0, count);
            Position += (ulong)count;
            return _buffer.AsSpan(0, count);
        }
    }
}
