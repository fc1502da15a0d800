namespace Corpus.Synth.Gguf;

/// <summary>The shape and seed of a <see cref="TinyQwen3Model"/>; the defaults make a ~40 MB file (the 151,936-row embedding dominates).</summary>
public sealed record TinyQwen3Options
{
    /// <summary>Seeds the random weights: the same options give the same bytes. Default 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Hidden size (<c>qwen3.embedding_length</c>). Default 64.</summary>
    public int EmbeddingLength { get; init; } = 64;

    /// <summary>Transformer blocks (<c>qwen3.block_count</c>). Default 2.</summary>
    public int BlockCount { get; init; } = 2;

    /// <summary>Attention heads. Default 4.</summary>
    public int HeadCount { get; init; } = 4;

    /// <summary>Key/value heads (grouped-query attention; divides <see cref="HeadCount"/>). Default 2.</summary>
    public int KeyValueHeadCount { get; init; } = 2;

    /// <summary>Size of one head (<c>qwen3.attention.key_length</c> and <c>value_length</c>). Default 16.</summary>
    public int HeadLength { get; init; } = 16;

    /// <summary>Inner size of the SwiGLU feed-forward block. Default 128.</summary>
    public int FeedForwardLength { get; init; } = 128;

    /// <summary>
    /// Rows of the embedding and of the output projection: Qwen3's <c>vocab_size</c>, 151,936, as in the real Qwen3 GGUF files,
    /// whose token list is the tokenizer's 151,669 tokens padded with unused <c>[PAD{id}]</c> tokens. A size that is a multiple
    /// of 16 also lets llama.cpp's tiled matrix kernels (llamafile sgemm) take the output projection of a batch. At least the
    /// tokenizer's token count. Default 151,936.
    /// </summary>
    public int VocabularySize { get; init; } = 151_936;

    /// <summary>Training context the file declares (<c>qwen3.context_length</c>). Default 2048.</summary>
    public int ContextLength { get; init; } = 2048;

    /// <summary>
    /// How the weight matrices (embedding, attention and feed-forward) are stored: F32, F16, or Q8_0 as in the common
    /// Qwen3 *-Q8_0.gguf files. Norms stay F32, and so does a Q8_0 matrix whose rows are not a multiple of 32 long.
    /// Default <see cref="TinyQwen3WeightType.F32"/>.
    /// </summary>
    public TinyQwen3WeightType WeightType { get; init; } = TinyQwen3WeightType.F32;
}
