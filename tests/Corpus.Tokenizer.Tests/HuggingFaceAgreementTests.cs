using System.Text;

namespace Corpus.Tokenizer.Tests;

[Collection(TokenizerCollection.Name)]
public sealed class HuggingFaceAgreementTests(TokenizerFixture fixture)
{
    public static TheoryData<string> SourceCodeNames => [.. Samples.SourceCode.Keys];

    public static TheoryData<string> AdversarialNames => [.. Samples.Adversarial.Keys];

    [Theory]
    [MemberData(nameof(SourceCodeNames))]
    public void Encode_matches_huggingface_on_source_code(string name) => AssertMatchesReference(Samples.SourceCode[name]);

    [Theory]
    [MemberData(nameof(AdversarialNames))]
    public void Encode_matches_huggingface_on_adversarial_text(string name) => AssertMatchesReference(Samples.Adversarial[name]);

    [Fact]
    public void Span_and_appending_overloads_give_the_same_ids_as_the_string_overload()
    {
        string text = Samples.Adversarial["mixed scripts"] + Samples.SourceCode["csharp"];
        int[] expected = fixture.Ours.Encode(text);
        fixture.Ours.Encode(text.AsSpan()).Should().Equal(expected);
        var ids = new List<int> { -7 };
        fixture.Ours.Encode(text.AsSpan(), ids);
        ids.Should().Equal([-7, .. expected]);
    }

    private void AssertMatchesReference(string text)
    {
        int[] ours = fixture.Ours.Encode(text);
        int[] reference = fixture.ReferenceEncode(text);
        ours.SequenceEqual(reference).Should().BeTrue(Diagnostics.FirstDifference(fixture.Ours, ours, reference));
        fixture.Ours.Decode(ours).Should().Be(text.Normalize(NormalizationForm.FormC));
    }
}
