namespace Corpus.Synth.Gguf;

/// <summary>The ggml tensor types the writer produces (the number is ggml's <c>ggml_type</c>).</summary>
internal enum GgufTensorType : uint
{
    F32 = 0,
}
