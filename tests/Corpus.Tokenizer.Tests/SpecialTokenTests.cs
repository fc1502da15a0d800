using Corpus.Tests.Shared;
using System.Security.Cryptography;
using System.Text;

namespace Corpus.Tokenizer.Tests;

[Collection(TokenizerCollection.Name)]
public sealed class SpecialTokenTests(TokenizerFixture fixture)
{
    private const int FirstAddedId = 151643;

    public static TheoryData<string> Names => [.. Samples.WithAddedTokens.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void EncodeWithSpecialTokens_matches_huggingface(string name)
    {
        string text = Samples.WithAddedTokens[name];
        int[] ours = fixture.Ours.EncodeWithSpecialTokens(text);
        int[] reference = fixture.ReferenceEncode(text);
        ours.SequenceEqual(reference).Should().BeTrue(Diagnostics.FirstDifference(fixture.Ours, ours, reference));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Encode_treats_added_token_strings_as_ordinary_text(string name)
    {
        string text = Samples.WithAddedTokens[name];
        int[] ids = fixture.Ours.Encode(text);
        ids.Should().OnlyContain(id => id < FirstAddedId);
        fixture.Ours.Decode(ids).Should().Be(text);
    }

    [Fact]
    public void Encode_spells_endoftext_with_ordinary_tokens()
    {
        int[] ids = fixture.Ours.Encode("<|endoftext|>");
        ids.Should().NotContain(fixture.Ours.EndOfTextId).And.HaveCountGreaterThan(1);
        fixture.Ours.EncodeWithSpecialTokens("<|endoftext|>").Should().Equal(fixture.Ours.EndOfTextId);
    }

    [Fact]
    public void Vocabulary_facts_are_those_of_qwen3()
    {
        var tokenizer = fixture.Ours;
        tokenizer.EndOfTextId.Should().Be(151643);
        tokenizer.VocabSize.Should().Be(151669);
        tokenizer.TryGetSpecialTokenId("<|im_start|>", out int imStart).Should().BeTrue();
        imStart.Should().Be(151644);
        tokenizer.TryGetSpecialTokenId("<think>", out int think).Should().BeTrue();
        think.Should().Be(151667);
        tokenizer.TryGetSpecialTokenId("<|nope|>", out _).Should().BeFalse();
        tokenizer.IdToToken(151643).Should().Be("<|endoftext|>");
        tokenizer.IdToToken(220).Should().Be("Ġ");
        tokenizer.IdToToken(-1).Should().BeNull();
        tokenizer.IdToToken(tokenizer.VocabSize).Should().BeNull();
        tokenizer.Encode("Hello world").Should().Equal(9707, 1879);
        tokenizer.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(RepoData.TokenizerJsonPath))));
    }

    [Fact]
    public void Decode_gives_added_tokens_their_content()
    {
        var tokenizer = fixture.Ours;
        int[] ids = tokenizer.EncodeWithSpecialTokens("<|im_start|>user\nhi<|im_end|>");
        tokenizer.Decode(ids).Should().Be("<|im_start|>user\nhi<|im_end|>");
    }

    [Fact]
    public void Decode_matches_huggingface_on_byte_sequences_that_are_not_utf8()
    {
        var tokenizer = fixture.Ours;
        int[] byteIds = new int[256];
        for (int b = 0; b < 256; b++)
        {
            byteIds[b] = tokenizer.Encode(Encoding.Latin1.GetString([(byte)b])) is [var single] && b < 0x80
                ? single
                : IdOfByte(tokenizer, (byte)b);
        }

        byte[][] sequences =
        [
            [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0x80], [0xBF, 0xBF], [0xFF], [0xFE, 0x41],
            [0xC3, 0x41], [0xE2, 0x41, 0x82, 0xAC], [0xF0, 0x9F, 0x98, 0x41], [0xED, 0xA0, 0x80], [0xC0, 0xAF],
            [0xF4, 0x90, 0x80, 0x80], [0x41, 0xE2, 0x82, 0xAC, 0xE2, 0x82], [0xF0, 0x80, 0x80, 0x80], [0xE0, 0x80, 0xAF],
        ];
        foreach (byte[] sequence in sequences)
        {
            int[] ids = [.. sequence.Select(b => byteIds[b])];
            tokenizer.Decode(ids).Should().Be(fixture.ReferenceDecode(ids), Convert.ToHexString(sequence));
        }

        // A multi-byte character split between ids of real encodings, cut short.
        int[] emoji = tokenizer.Encode("a😀b€");
        for (int cut = 1; cut <= emoji.Length; cut++)
        {
            int[] prefix = emoji[..cut];
            tokenizer.Decode(prefix).Should().Be(fixture.ReferenceDecode(prefix));
        }
    }

    [Fact]
    public void Decode_refuses_ids_outside_the_vocabulary()
    {
        var decode = () => fixture.Ours.Decode([1, fixture.Ours.VocabSize]);
        decode.Should().Throw<ArgumentOutOfRangeException>();
    }

    private static int IdOfByte(QwenTokenizer tokenizer, byte b)
    {
        string token = ByteLevel.ByteToChar[b].ToString();
        for (int id = 0; id < tokenizer.VocabSize; id++)
        {
            if (tokenizer.IdToToken(id) == token)
            {
                return id;
            }
        }

        throw new InvalidOperationException($"no token for byte {b:X2}");
    }
}
