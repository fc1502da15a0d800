namespace Corpus.Synth.Gguf;

/// <summary>Constants of the GGUF v3 file format (ggml's docs/gguf.md).</summary>
internal static class GgufFormat
{
    /// <summary>"GGUF" read as a little-endian uint32.</summary>
    public const uint Magic = 0x46554747;

    public const uint Version = 3;

    /// <summary>The default alignment of tensor data (<c>general.alignment</c> absent).</summary>
    public const uint Alignment = 32;

    public static ulong AlignUp(ulong offset, uint alignment) => (offset + alignment - 1) / alignment * alignment;
}
