namespace Corpus.Synth.Gguf;

/// <summary>
/// A tensor as the GGUF header describes it: its name, its dimensions innermost first (ggml order,
/// so a [rows x columns] matrix of row-major floats is <c>[columns, rows]</c>), its type, and where
/// its data starts relative to the start of the data section.
/// </summary>
internal sealed record GgufTensorInfo(string Name, IReadOnlyList<ulong> Dimensions, GgufTensorType Type, ulong Offset)
{
    /// <summary>How many elements the tensor has.</summary>
    public ulong ElementCount => Dimensions.Aggregate(1UL, (product, d) => product * d);

    /// <summary>Its data in bytes (F32: four per element; F16: two; Q8_0: 34 per block of 32).</summary>
    public ulong ByteCount => Type switch
    {
        GgufTensorType.F32 => ElementCount * 4,
        GgufTensorType.F16 => ElementCount * 2,
        GgufTensorType.Q8_0 => ElementCount / GgufFloatSink.Q8BlockLength * GgufFloatSink.Q8BlockBytes,
        _ => throw new NotSupportedException($"tensor type {Type}"),
    };
}
