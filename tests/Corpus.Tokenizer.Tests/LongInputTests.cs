using Corpus.Tests.Shared;
using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace Corpus.Tokenizer.Tests;

[Collection(TokenizerCollection.Name)]
public sealed class LongInputTests(TokenizerFixture fixture, ITestOutputHelper output)
{
    private const int Megabyte = 1_000_000;

    public static TheoryData<string> Names => ["one letter", "punctuation", "cjk", "letter and combining mark"];

    [Theory]
    [MemberData(nameof(Names))]
    public void Encode_of_a_one_megabyte_piece_matches_huggingface(string name)
    {
        string text = name switch
        {
            "one letter" => new string('a', Megabyte),
            "punctuation" => Repeat("!@#$%^&*()_+-=[]{};:,./?|~`\"'\\", Megabyte),
            "cjk" => Repeat("人人生而自由在尊严和权利上一律平等", Megabyte / 3),
            _ => Repeat("e\u0301", Megabyte / 3),
        };

        var stopwatch = Stopwatch.StartNew();
        int[] ours = fixture.Ours.Encode(text);
        var elapsed = stopwatch.Elapsed;
        output.WriteLine($"{name}: {Encoding.UTF8.GetByteCount(text) / 1e6:F2} MB in one piece, {ours.Length} ids, {elapsed.TotalMilliseconds:F0} ms");

        int[] reference = fixture.ReferenceEncode(text);
        ours.SequenceEqual(reference).Should().BeTrue(Diagnostics.FirstDifference(fixture.Ours, ours, reference));
        fixture.Ours.Decode(ours).Should().Be(text.Normalize(NormalizationForm.FormC));
    }

    /// <summary>
    /// Acceptance 4 of issue 3: a 1 MB line of one character and a 1 MB line of random CJK (cache cold,
    /// no spaces, one piece) take at most 20 times as long as a 1 MB line of prose.
    /// </summary>
    [Fact]
    public void Encode_of_adversarial_megabyte_lines_stays_within_twenty_times_prose()
    {
        var words = "All human beings are born free and equal in dignity and rights. They are endowed with reason and conscience, 1948."
            .Split(' ');
        var random = new Random(3);
        var prose = new StringBuilder(Megabyte + 32);
        while (prose.Length < Megabyte)
        {
            prose.Append(words[random.Next(words.Length)]).Append(' ');
        }

        string Cjk(int seed)
        {
            var r = new Random(seed);
            var cjk = new StringBuilder(Megabyte / 3 + 1);
            while (cjk.Length < Megabyte / 3)
            {
                cjk.Append((char)r.Next(0x4E00, 0x9FA6));
            }

            return cjk.ToString();
        }

        var tokenizer = QwenTokenizer.Load(RepoData.TokenizerJsonPath);
        tokenizer.Encode("warm up the JIT: prose 123 人人");

        // Best of three, each adversarial run on a text not seen before (cache cold), so one run
        // stalled by a busy machine does not decide the outcome.
        double proseSeconds = Enumerable.Range(0, 3).Min(_ => Time(tokenizer, prose.ToString()));
        double letterSeconds = "xyz".Min(c => Time(tokenizer, new string(c, Megabyte)));
        double cjkSeconds = Enumerable.Range(3, 3).Min(seed => Time(tokenizer, Cjk(seed)));
        output.WriteLine($"1 MB: prose {proseSeconds * 1000:F0} ms, one letter {letterSeconds * 1000:F0} ms, random CJK {cjkSeconds * 1000:F0} ms");

        // A floor of 50 ms keeps a very fast prose run from making the bound meaningless noise.
        double bound = 20 * Math.Max(proseSeconds, 0.05);
        letterSeconds.Should().BeLessThan(bound);
        cjkSeconds.Should().BeLessThan(bound);
    }

    private static double Time(QwenTokenizer tokenizer, string text)
    {
        var stopwatch = Stopwatch.StartNew();
        tokenizer.Encode(text);
        return stopwatch.Elapsed.TotalSeconds;
    }

    private static string Repeat(string unit, int length)
    {
        var builder = new StringBuilder(length + unit.Length);
        while (builder.Length < length)
        {
            builder.Append(unit);
        }

        return builder.ToString();
    }
}
