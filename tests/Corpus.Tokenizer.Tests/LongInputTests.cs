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
