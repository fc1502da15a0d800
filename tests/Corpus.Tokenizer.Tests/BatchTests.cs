using Corpus.Tests.Shared;

namespace Corpus.Tokenizer.Tests;

[Collection(TokenizerCollection.Name)]
public sealed class BatchTests(TokenizerFixture fixture)
{
    [Fact]
    public void EncodeBatch_gives_each_document_its_own_ids_in_input_order()
    {
        var texts = RepoData.UdhrTranslations.Select(t => t.Text)
            .Concat(Samples.SourceCode.Values).Concat(Samples.Adversarial.Values).Concat(Samples.WithAddedTokens.Values).ToList();

        var parallel = fixture.Ours.EncodeBatch(texts);
        var single = fixture.Ours.EncodeBatch(texts, withSpecialTokens: false, maxDegreeOfParallelism: 1);
        var special = fixture.Ours.EncodeBatch(texts, withSpecialTokens: true, maxDegreeOfParallelism: 4);

        parallel.Should().HaveCount(texts.Count);
        for (int i = 0; i < texts.Count; i++)
        {
            parallel[i].Should().Equal(fixture.Ours.Encode(texts[i]), $"document {i}");
            single[i].Should().Equal(parallel[i], $"document {i}");
            special[i].Should().Equal(fixture.Ours.EncodeWithSpecialTokens(texts[i]), $"document {i}");
        }
    }

    [Fact]
    public void EncodeBatch_of_nothing_is_empty_and_refuses_zero_threads()
    {
        fixture.Ours.EncodeBatch([]).Should().BeEmpty();
        var act = () => fixture.Ours.EncodeBatch(["a"], false, 0);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
