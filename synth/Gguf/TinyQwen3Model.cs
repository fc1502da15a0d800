namespace Corpus.Synth.Gguf;

/// <summary>
/// Writes a Qwen3-architecture GGUF with random weights and the real Qwen3 tokenizer: small enough to
/// run on a CPU in tests and benchmarks, shaped like the real thing so llama.cpp loads, tokenizes and
/// decodes it as it would Qwen3-8B. The weights are drawn from a seeded generator, so the same
/// options always give the same bytes.
/// </summary>
public static class TinyQwen3Model
{
    /// <summary><c>&lt;|im_end|&gt;</c>: Qwen3's end of a turn, the GGUF's <c>eos_token_id</c>.</summary>
    internal const string EndOfTurn = "<|im_end|>";

    /// <summary><c>&lt;|endoftext|&gt;</c>: the padding and BOS id in Qwen3's GGUFs.</summary>
    internal const string EndOfText = "<|endoftext|>";

    private const float WeightScale = 0.05f;

    /// <summary>
    /// Writes the model to <paramref name="path"/> (through a temporary file renamed on success), its
    /// vocabulary, token types and merges read from <paramref name="tokenizerJsonPath"/> (Qwen3's tokenizer.json).
    /// </summary>
    public static void Write(string path, TinyQwen3Options options, string tokenizerJsonPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(tokenizerJsonPath);
        Validate(options);
        var vocabulary = QwenVocabulary.Read(tokenizerJsonPath, options.VocabularySize);
        if (vocabulary.Tokens.Count != options.VocabularySize)
        {
            throw new ArgumentException(
                $"VocabularySize {options.VocabularySize} is smaller than the {vocabulary.Tokens.Count} tokens of {tokenizerJsonPath}", nameof(options));
        }

        string temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            GgufWriter.Write(stream, Metadata(options, vocabulary, tokenizerJsonPath), Tensors(options, vocabulary.Tokens.Count));
        }

        File.Move(temporary, path, overwrite: true);
    }

    internal static IReadOnlyList<GgufMetadata> Metadata(TinyQwen3Options o, QwenVocabulary vocabulary, string tokenizerJsonPath)
    {
        uint Id(string token) => vocabulary.AddedTokenIds.TryGetValue(token, out int id)
            ? (uint)id
            : throw new InvalidDataException($"{tokenizerJsonPath}: no added token {token} (is it a Qwen3 tokenizer.json?)");

        return
        [
            GgufMetadata.String("general.architecture", "qwen3"),
            GgufMetadata.String("general.name", "tiny-qwen3"),
            GgufMetadata.UInt32("general.file_type", o.WeightType switch
            {
                TinyQwen3WeightType.F16 => 1, // llama_ftype MOSTLY_F16
                TinyQwen3WeightType.Q8_0 => 7, // MOSTLY_Q8_0
                _ => 0, // ALL_F32
            }),
            GgufMetadata.UInt32("general.alignment", GgufFormat.Alignment),
            GgufMetadata.UInt32("qwen3.context_length", (uint)o.ContextLength),
            GgufMetadata.UInt32("qwen3.embedding_length", (uint)o.EmbeddingLength),
            GgufMetadata.UInt32("qwen3.block_count", (uint)o.BlockCount),
            GgufMetadata.UInt32("qwen3.feed_forward_length", (uint)o.FeedForwardLength),
            GgufMetadata.UInt32("qwen3.attention.head_count", (uint)o.HeadCount),
            GgufMetadata.UInt32("qwen3.attention.head_count_kv", (uint)o.KeyValueHeadCount),
            GgufMetadata.UInt32("qwen3.attention.key_length", (uint)o.HeadLength),
            GgufMetadata.UInt32("qwen3.attention.value_length", (uint)o.HeadLength),
            GgufMetadata.Float32("qwen3.rope.freq_base", 1_000_000f),
            GgufMetadata.Float32("qwen3.attention.layer_norm_rms_epsilon", 1e-6f),
            GgufMetadata.String("tokenizer.ggml.model", "gpt2"),
            GgufMetadata.String("tokenizer.ggml.pre", "qwen2"),
            GgufMetadata.StringArray("tokenizer.ggml.tokens", vocabulary.Tokens),
            GgufMetadata.Int32Array("tokenizer.ggml.token_type", vocabulary.TokenTypes),
            GgufMetadata.StringArray("tokenizer.ggml.merges", vocabulary.Merges),
            GgufMetadata.UInt32("tokenizer.ggml.eos_token_id", Id(EndOfTurn)),
            GgufMetadata.UInt32("tokenizer.ggml.padding_token_id", Id(EndOfText)),
            GgufMetadata.UInt32("tokenizer.ggml.bos_token_id", Id(EndOfText)),
            GgufMetadata.Bool("tokenizer.ggml.add_bos_token", false),
        ];
    }

    /// <summary>The tensors llama.cpp's qwen3 loader wants, dimensions innermost first; the output projection is tied to the embedding.</summary>
    internal static IReadOnlyList<GgufTensor> Tensors(TinyQwen3Options o, int vocabularySize)
    {
        ulong embd = (ulong)o.EmbeddingLength;
        ulong q = (ulong)(o.HeadCount * o.HeadLength);
        ulong kv = (ulong)(o.KeyValueHeadCount * o.HeadLength);
        ulong ff = (ulong)o.FeedForwardLength;
        ulong head = (ulong)o.HeadLength;
        var tensors = new List<GgufTensor>
        {
            Random(o, "token_embd.weight", embd, (ulong)vocabularySize),
            Ones("output_norm.weight", embd),
        };
        for (int b = 0; b < o.BlockCount; b++)
        {
            string p = $"blk.{b}.";
            tensors.Add(Ones(p + "attn_norm.weight", embd));
            tensors.Add(Random(o, p + "attn_q.weight", embd, q));
            tensors.Add(Random(o, p + "attn_k.weight", embd, kv));
            tensors.Add(Random(o, p + "attn_v.weight", embd, kv));
            tensors.Add(Random(o, p + "attn_output.weight", q, embd));
            tensors.Add(Ones(p + "attn_q_norm.weight", head));
            tensors.Add(Ones(p + "attn_k_norm.weight", head));
            tensors.Add(Ones(p + "ffn_norm.weight", embd));
            tensors.Add(Random(o, p + "ffn_gate.weight", embd, ff));
            tensors.Add(Random(o, p + "ffn_up.weight", embd, ff));
            tensors.Add(Random(o, p + "ffn_down.weight", ff, embd));
        }

        return tensors;
    }

    private static GgufTensor Ones(string name, ulong length) =>
        new(name, [length], sink =>
        {
            for (ulong i = 0; i < length; i++)
            {
                sink.Write(1f);
            }
        });

    /// <summary>Uniform weights in ±0.05 from a generator seeded by the model seed and the tensor's name, so each tensor's values do not depend on the others.</summary>
    private static GgufTensor Random(TinyQwen3Options o, string name, ulong inner, ulong outer) =>
        new(name, [inner, outer], sink =>
        {
            var random = new SplitMix64(o.Seed ^ SplitMix64.Hash(name));
            ulong count = inner * outer;
            for (ulong i = 0; i < count; i++)
            {
                sink.Write(((float)random.NextUnit() * 2f - 1f) * WeightScale);
            }
        },
        o.WeightType switch
        {
            TinyQwen3WeightType.F16 => GgufTensorType.F16,
            TinyQwen3WeightType.Q8_0 when inner % GgufFloatSink.Q8BlockLength == 0 => GgufTensorType.Q8_0,
            _ => GgufTensorType.F32,
        });

    private static void Validate(TinyQwen3Options o)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(o.EmbeddingLength, 1, nameof(o.EmbeddingLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(o.BlockCount, 1, nameof(o.BlockCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(o.HeadCount, 1, nameof(o.HeadCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(o.KeyValueHeadCount, 1, nameof(o.KeyValueHeadCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(o.HeadLength, 1, nameof(o.HeadLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(o.FeedForwardLength, 1, nameof(o.FeedForwardLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(o.ContextLength, 1, nameof(o.ContextLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(o.VocabularySize, 1, nameof(o.VocabularySize));
        if (o.HeadCount % o.KeyValueHeadCount != 0)
        {
            throw new ArgumentException($"HeadCount {o.HeadCount} is not a multiple of KeyValueHeadCount {o.KeyValueHeadCount}", nameof(o));
        }
    }
}
