using Corpus.Tests.Shared;
namespace Corpus.Tokenizer.Tests;

[Collection(TokenizerCollection.Name)]
public sealed class ConcurrencyTests(TokenizerFixture fixture)
{
    [Fact]
    public void Encode_from_many_threads_gives_the_same_ids_as_from_one()
    {
        var texts = RepoData.UdhrTranslations.Take(120).Select(t => t.Text).ToArray();
        var fresh = QwenTokenizer.Load(RepoData.TokenizerJsonPath);
        var parallel = new int[texts.Length][];
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = fresh.Encode(texts[i]));
        for (int i = 0; i < texts.Length; i++)
        {
            parallel[i].Should().Equal(fixture.Ours.Encode(texts[i]));
        }
    }
}
