namespace Corpus.Synth.Gguf;

/// <summary>How a <see cref="TinyQwen3Model"/> stores its weight matrices.</summary>
public enum TinyQwen3WeightType
{
    /// <summary>32-bit floats.</summary>
    F32,

    /// <summary>16-bit floats.</summary>
    F16,

    /// <summary>ggml's Q8_0: blocks of 32 weights as one f16 scale and 32 signed bytes.</summary>
    Q8_0,
}
