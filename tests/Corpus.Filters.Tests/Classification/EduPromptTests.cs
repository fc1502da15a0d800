using Corpus.Filters.Classification;

namespace Corpus.Filters.Tests.Classification;

public sealed class EduPromptTests
{
    [Fact]
    public void Prompt_holds_the_additive_rubric_every_domain_the_document_and_the_answer_format()
    {
        var prompt = EduPrompt.Build("Photosynthesis turns light into chemical energy.");

        prompt.Should().Contain("additive 5-point scale");
        foreach (var point in new[] { "Add 1 point", "Add another point", "Award a third point", "Grant a fourth point", "Bestow a fifth point" })
        {
            prompt.Should().Contain(point);
        }

        foreach (var domain in ContentDomains.All)
        {
            prompt.Should().Contain($"- {domain}: ");
        }

        prompt.Should().Contain("<document>\nPhotosynthesis turns light into chemical energy.\n</document>");
        prompt.TrimEnd().Should().EndWith("Domain: <one of general, stem, math, code, reasoning, humanities, news, fiction, other>");
        prompt.Should().Contain("Educational score: <a whole number from 0 to 5>");
    }

    [Fact]
    public void Long_documents_are_cut_at_a_word_to_the_configured_length_and_marked()
    {
        var text = string.Join(' ', Enumerable.Repeat("photosynthesis", 1000));

        var prompt = EduPrompt.Build(text, new EduPromptOptions { MaxDocumentChars = 100 });

        var document = prompt[(prompt.IndexOf("<document>\n", StringComparison.Ordinal) + 11)..prompt.IndexOf("\n</document>", StringComparison.Ordinal)];
        document.Should().EndWith(" " + EduPrompt.TruncationMarker);
        var kept = document[..^(EduPrompt.TruncationMarker.Length + 1)];
        kept.Length.Should().BeLessThanOrEqualTo(100);
        kept.Split(' ').Should().OnlyContain(w => w == "photosynthesis");
    }

    [Fact]
    public void Short_documents_are_not_cut()
    {
        EduPrompt.Truncate("short text", 100).Should().Be("short text");
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var text = new string('a', 9) + "😀" + new string('b', 50);

        var cut = EduPrompt.Truncate(text, 10);

        cut.Should().Be(new string('a', 9) + " " + EduPrompt.TruncationMarker);
    }
}
