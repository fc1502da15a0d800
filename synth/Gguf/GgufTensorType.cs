namespace Corpus.Synth.Gguf;

/// <summary>The ggml tensor types the writer produces (the number is ggml's <c>ggml_type</c>).</summary>
internal enum GgufTensorType : uint
{
    F32 = 0,

    /// <summary>IEEE half precision, two bytes per weight.</summary>
    F16 = 1,

    /// <summary>ggml's 8-bit blocks: 32 weights as one f16 scale and 32 signed bytes (34 bytes), the type of the common Qwen3 *-Q8_0.gguf files.</summary>
    Q8_0 = 8,
}
