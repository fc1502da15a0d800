using System.Security.Cryptography;
using Corpus.Synth.Gguf;
using Corpus.Tests.Shared;

namespace Corpus.Synth.Tests.Gguf;

public sealed class TinyQwen3ModelTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("corpus-gguf-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string WriteModel(string name, TinyQwen3Options options)
    {
        string path = Path.Combine(_folder, name);
        TinyQwen3Model.Write(path, options, RepoData.TokenizerJsonPath);
        return path;
    }

    [Fact]
    public void Tiny_model_round_trips_through_the_reader_with_qwen3_keys_tokenizer_and_aligned_tensors()
    {
        var options = new TinyQwen3Options { Seed = 5 };
        string path = WriteModel("tiny.gguf", options);

        var file = GgufReader.Read(path);

        file.Version.Should().Be(3);
        file["general.architecture"].AsString().Should().Be("qwen3");
        file["qwen3.embedding_length"].AsUInt64().Should().Be(64);
        file["qwen3.block_count"].AsUInt64().Should().Be(2);
        file["qwen3.attention.head_count"].AsUInt64().Should().Be(4);
        file["qwen3.attention.head_count_kv"].AsUInt64().Should().Be(2);
        file["qwen3.attention.key_length"].AsUInt64().Should().Be(16);
        file["qwen3.feed_forward_length"].AsUInt64().Should().Be(128);
        file["qwen3.context_length"].AsUInt64().Should().Be(2048);
        file["qwen3.rope.freq_base"].Value.Should().Be(1_000_000f);
        file["tokenizer.ggml.model"].AsString().Should().Be("gpt2");
        file["tokenizer.ggml.pre"].AsString().Should().Be("qwen2");
        file["tokenizer.ggml.add_bos_token"].Value.Should().Be(false);
        var tokens = file["tokenizer.ggml.tokens"].AsStrings();
        tokens.Should().HaveCount(151_936, "Qwen3's GGUFs pad the tokenizer's 151,669 tokens to the model's vocab_size");
        tokens[151_644].Should().Be("<|im_start|>");
        tokens[151_669].Should().Be("[PAD151669]");
        tokens[^1].Should().Be("[PAD151935]");
        var types = file["tokenizer.ggml.token_type"].AsInt32s();
        types.Should().HaveCount(151_936);
        types.Skip(151_669).Should().OnlyContain(t => t == QwenVocabulary.Unused);
        file["general.file_type"].AsUInt64().Should().Be(0, "all F32");
        file["tokenizer.ggml.merges"].AsStrings().Should().HaveCount(151_387).And.StartWith("Ġ Ġ");
        file["tokenizer.ggml.eos_token_id"].AsUInt64().Should().Be(151_645, "Qwen3's GGUFs end a turn with <|im_end|>");
        file["tokenizer.ggml.padding_token_id"].AsUInt64().Should().Be(151_643);
        file["tokenizer.ggml.bos_token_id"].AsUInt64().Should().Be(151_643);

        file.Tensors.Should().HaveCount(2 + (2 * 11));
        file.Tensor("token_embd.weight")!.Dimensions.Should().Equal(64UL, 151_936UL);
        file.Tensor("blk.1.attn_q.weight")!.Dimensions.Should().Equal(64UL, 64UL);
        file.Tensor("blk.1.attn_k.weight")!.Dimensions.Should().Equal(64UL, 32UL);
        file.Tensor("blk.0.attn_output.weight")!.Dimensions.Should().Equal(64UL, 64UL);
        file.Tensor("blk.0.attn_q_norm.weight")!.Dimensions.Should().Equal(16UL);
        file.Tensor("blk.0.ffn_down.weight")!.Dimensions.Should().Equal(128UL, 64UL);
        file.Tensor("output.weight").Should().BeNull("the output projection is tied to the embedding");
        file.Tensors.Should().OnlyContain(t => t.Offset % 32 == 0 && t.Type == GgufTensorType.F32);
        file.DataOffset.Should().Be(GgufFormat.AlignUp(file.DataOffset, 32));
        var last = file.Tensors[^1];
        new FileInfo(path).Length.Should().Be((long)(file.DataOffset + last.Offset + last.ByteCount));
    }

    [Theory]
    [InlineData(TinyQwen3WeightType.F16, 1u)]
    [InlineData(TinyQwen3WeightType.Q8_0, 7u)]
    public void Weight_matrices_take_the_chosen_type_and_norms_stay_f32(TinyQwen3WeightType type, uint fileType)
    {
        string path = WriteModel($"tiny-{type}.gguf", new TinyQwen3Options { Seed = 5, WeightType = type });

        var file = GgufReader.Read(path);

        var expected = type == TinyQwen3WeightType.F16 ? GgufTensorType.F16 : GgufTensorType.Q8_0;
        file["general.file_type"].AsUInt64().Should().Be(fileType);
        file.Tensor("token_embd.weight")!.Type.Should().Be(expected);
        file.Tensor("blk.0.ffn_down.weight")!.Type.Should().Be(expected);
        file.Tensor("blk.1.attn_k.weight")!.Type.Should().Be(expected);
        file.Tensor("output_norm.weight")!.Type.Should().Be(GgufTensorType.F32);
        file.Tensor("blk.0.attn_q_norm.weight")!.Type.Should().Be(GgufTensorType.F32);
        file.Tensors.Should().OnlyContain(t => t.Offset % 32 == 0);
        var last = file.Tensors[^1];
        new FileInfo(path).Length.Should().Be((long)(file.DataOffset + last.Offset + last.ByteCount));
    }

    [Fact]
    public async Task Q8_0_tiny_model_runs_in_llama_cpp_and_gives_the_same_text_for_the_same_seed()
    {
        string path = WriteModel("tiny-q8.gguf", new TinyQwen3Options { Seed = 9, WeightType = TinyQwen3WeightType.Q8_0 });
        using var engine = Corpus.Synth.Engines.LlamaEngine.Load(new Corpus.Synth.Engines.LlamaEngineOptions { ModelPath = path, MaxSequences = 4, ContextSize = 512, Threads = 1 });
        var request = new Corpus.Synth.Engines.ChatRequest
        {
            Model = "tiny-q8",
            Messages = [Corpus.Synth.Engines.ChatMessage.User("Write a problem about apples.")],
            MaxTokens = 12,
            Seed = 77,
            Temperature = 1.0,
            EnableThinking = false,
        };

        var first = await engine.CompleteAsync(request);
        var second = await engine.CompleteAsync(request);

        engine.VocabularySize.Should().Be(151_936);
        first.Usage.CompletionTokens.Should().BeInRange(1, 12);
        second.Text.Should().Be(first.Text);
    }

    [Fact]
    public void Q8_0_blocks_hold_the_f16_scale_of_the_largest_magnitude_and_rounded_bytes_as_ggml_quantizes()
    {
        var values = new float[64];
        for (int i = 0; i < 32; i++)
        {
            values[i] = (i - 16) * 0.25f; // -4 .. 3.75: scale 4/127
        }

        values[40] = 0.5f; // second block: one non-zero weight of 0.5, the rest 0
        var output = new byte[2 * 34];

        int written = GgufFloatSink.QuantizeQ8(values, output);

        written.Should().Be(68);
        float d = (float)BitConverter.UInt16BitsToHalf(BitConverter.ToUInt16(output, 0));
        d.Should().BeApproximately(4f / 127f, 1e-5f);
        ((sbyte)output[2]).Should().Be(-127, "-4 is the largest magnitude");
        ((sbyte)output[2 + 16]).Should().Be(0);
        ((sbyte)output[2 + 17]).Should().Be((sbyte)MathF.Round(0.25f * 127f / 4f, MidpointRounding.AwayFromZero));
        float secondScale = (float)BitConverter.UInt16BitsToHalf(BitConverter.ToUInt16(output, 34));
        secondScale.Should().BeApproximately(0.5f / 127f, 1e-6f);
        ((sbyte)output[34 + 2 + 8]).Should().Be(127);
        output.Skip(36).Where((_, i) => i != 8).Should().OnlyContain(b => b == 0);
    }

    [Fact]
    public void A_vocabulary_size_below_the_tokenizers_token_count_is_refused()
    {
        var act = () => WriteModel("small-vocab.gguf", new TinyQwen3Options { VocabularySize = 1000 });

        act.Should().Throw<ArgumentException>().WithMessage("*VocabularySize 1000*151669*");
    }

    [Fact]
    public void Added_tokens_are_control_when_special_or_shaped_like_special_and_user_defined_otherwise()
    {
        var vocabulary = QwenVocabulary.Read(RepoData.TokenizerJsonPath);

        int Type(string token) => vocabulary.TokenTypes[vocabulary.AddedTokenIds[token]];

        Type("<|endoftext|>").Should().Be(QwenVocabulary.Control);
        Type("<|im_start|>").Should().Be(QwenVocabulary.Control);
        Type("<|im_end|>").Should().Be(QwenVocabulary.Control);
        Type("<|fim_prefix|>").Should().Be(QwenVocabulary.Control, "llama.cpp warns when a <|...|> token is not a control token");
        Type("<think>").Should().Be(QwenVocabulary.UserDefined);
        Type("<tool_call>").Should().Be(QwenVocabulary.UserDefined);
        vocabulary.TokenTypes[0].Should().Be(QwenVocabulary.Normal);
        vocabulary.TokenTypes.Take(151_643).Should().OnlyContain(t => t == QwenVocabulary.Normal);
    }

    [Fact]
    public void Same_options_give_byte_identical_files_and_another_seed_other_weights()
    {
        var options = new TinyQwen3Options { Seed = 9, EmbeddingLength = 32, BlockCount = 1, HeadCount = 2, KeyValueHeadCount = 1, FeedForwardLength = 64 };
        string first = WriteModel("a.gguf", options);
        string second = WriteModel("b.gguf", options);
        string reseeded = WriteModel("c.gguf", options with { Seed = 10 });

        Hash(first).Should().Be(Hash(second));
        Hash(reseeded).Should().NotBe(Hash(first));
        new FileInfo(reseeded).Length.Should().Be(new FileInfo(first).Length);
    }

    [Fact]
    public void Writer_streams_tensors_and_rejects_a_producer_that_writes_the_wrong_count()
    {
        using var stream = new MemoryStream();
        GgufTensor[] tensors = [new("t", [3UL, 2UL], sink => sink.Write([1f, 2f, 3f, 4f, 5f]))];

        var write = () => GgufWriter.Write(stream, [GgufMetadata.String("general.architecture", "x")], tensors);

        write.Should().Throw<InvalidOperationException>().WithMessage("*t*5 floats*6*");
    }

    [Fact]
    public void Small_file_reads_back_its_values_and_the_data_after_the_aligned_header()
    {
        using var stream = new MemoryStream();
        GgufMetadata[] metadata =
        [
            GgufMetadata.String("general.architecture", "demo"),
            GgufMetadata.UInt32("demo.n", 7),
            GgufMetadata.Int32("demo.neg", -3),
            GgufMetadata.Float32("demo.f", 0.5f),
            GgufMetadata.Bool("demo.b", true),
            GgufMetadata.UInt64("demo.big", 1UL << 40),
            GgufMetadata.StringArray("demo.s", ["a", "ü", ""]),
            GgufMetadata.Int32Array("demo.i", [1, -2, 3]),
        ];
        GgufTensor[] tensors =
        [
            new("first", [3UL], sink => sink.Write([1f, 2f, 3f])),
            new("second", [2UL, 2UL], sink => sink.Write([4f, 5f, 6f, 7f])),
        ];

        GgufWriter.Write(stream, metadata, tensors);
        stream.Position = 0;
        var file = GgufReader.Read(stream, "memory");

        file.Metadata.Should().BeEquivalentTo(metadata, o => o.WithStrictOrdering());
        file.Tensors.Select(t => (t.Name, t.Offset)).Should().Equal(("first", 0UL), ("second", 32UL));
        var bytes = stream.ToArray();
        BitConverter.ToSingle(bytes, (int)file.DataOffset + 32 + 4).Should().Be(5f);
        bytes.Length.Should().Be((int)file.DataOffset + 32 + 16);
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
