using Corpus.Tests.Shared;
using System.Text;

namespace Corpus.Tokenizer.Tests;

/// <summary>The hand-written Qwen pre-tokenizer against the Split regex it replaces, piece for piece.</summary>
public sealed class PreTokenizerTests
{
    private static readonly PreTokenizer Qwen = new(QwenSplitter.Pattern, "test");

    [Fact]
    public void Qwen_pattern_uses_the_handwritten_splitter_and_other_patterns_the_regex()
    {
        Qwen.IsHandWritten.Should().BeTrue();
        new PreTokenizer(@"\w+|\s+", "test").IsHandWritten.Should().BeFalse();
    }

    [Fact]
    public void Handwritten_splitter_matches_regex_on_all_udhr_translations()
    {
        foreach (var (name, text) in RepoData.UdhrTranslations)
        {
            AssertSameSplit(text, name);
        }
    }

    [Fact]
    public void Handwritten_splitter_matches_regex_on_code_and_adversarial_samples()
    {
        foreach (var (name, text) in Samples.SourceCode.Concat(Samples.Adversarial).Concat(Samples.WithAddedTokens))
        {
            AssertSameSplit(text, name);
        }
    }

    [Fact]
    public void Handwritten_splitter_matches_regex_for_every_bmp_character_in_context()
    {
        var builder = new StringBuilder();
        for (int c = 0; c < 0x10000; c++)
        {
            if (char.IsSurrogate((char)c))
            {
                continue;
            }

            char x = (char)c;
            builder.Clear().Append('\'').Append(x).Append("e a'").Append(x).Append(x).Append(" ").Append(x).Append("1\r").Append(x)
                .Append('\n').Append(x).Append("  ").Append(x).Append("x").Append(x).Append(' ').Append(x).Append(x).Append(" \t").Append(x)
                .Append("'l").Append(x).Append(" '").Append(x).Append('\'').Append(x);
            AssertSameSplit(builder.ToString(), $"U+{c:X4}");
        }
    }

    [Fact]
    public void Handwritten_splitter_matches_regex_on_seeded_random_strings()
    {
        string[] alphabet =
        [
            "a", "Z", "s", "S", "t", "T", "r", "R", "e", "E", "v", "V", "m", "M", "l", "L", "d", "D", "ſ", "K", "İ", "ı", "k",
            "'", "'", "'", "’", " ", " ", " ", "  ", "\t", "\r", "\n", "\r\n", "\u000B", "\u000C", "\u0085", "\u00A0", "\u2028",
            "\u2029", "\u3000", "\u1680", "\u200B", "\uFEFF", "1", "٣", "①", "Ⅻ", "½", "!", ".", ",", "-", "_", "(", "\"", "#", "€",
            "人", "日", "한", "ก", "\u0301", "\u0903", "\u20DD", "\u02B0", "\u01C5", "\u0000", "\u007F", "\uE000", "\uFFFD",
            "\U0001F600", "\U0001D400", "\U00020000", "\U0001D7CE", "\U00010400", "\U0001F3FB", "\U000F0000", "\u200D",
            "\uD800", "\uDC00", "\uDBFF",
        ];
        var random = new Random(20261129);
        var builder = new StringBuilder();
        for (int round = 0; round < 20_000; round++)
        {
            builder.Clear();
            int length = random.Next(1, 24);
            for (int i = 0; i < length; i++)
            {
                builder.Append(alphabet[random.Next(alphabet.Length)]);
            }

            AssertSameSplit(builder.ToString(), $"round {round}");
        }
    }

    private static void AssertSameSplit(string text, string name)
    {
        var expected = new PieceList();
        Qwen.SplitWithRegex(text, ref expected);
        var actual = new PieceList();
        Qwen.Split(text, ref actual);
        if (!actual.Pieces.SequenceEqual(expected.Pieces))
        {
            actual.Pieces.Should().Equal(expected.Pieces, $"{name}: {Escape(text)}");
        }
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c is >= ' ' and < '\u007F' ? c.ToString() : $"\\u{(int)c:X4}"));

    private struct PieceList : IPieceSink
    {
        public PieceList() => Pieces = [];

        public List<string> Pieces { get; }

        public readonly void OnPiece(ReadOnlySpan<char> piece) => Pieces.Add(piece.ToString());
    }
}
