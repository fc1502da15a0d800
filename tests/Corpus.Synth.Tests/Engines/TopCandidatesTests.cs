using Corpus.Synth.Engines;
using LLama.Native;

namespace Corpus.Synth.Tests.Engines;

public sealed class TopCandidatesTests
{
    [Theory]
    [InlineData(151_669, 20, 1)]
    [InlineData(151_669, 1, 2)]
    [InlineData(1_003, 40, 3)]
    [InlineData(7, 20, 4)]
    public void Selects_the_highest_logits_in_token_order_as_a_full_sort_would(int vocabulary, int k, int seed)
    {
        var random = new Random(seed);
        // Coarse values so that ties occur: among equal logits the lower token id wins.
        var logits = Enumerable.Range(0, vocabulary).Select(_ => (float)Math.Round(random.NextDouble() * 50, 1)).ToArray();
        var into = new LLamaTokenData[Math.Max(k, 1)];

        var count = TopCandidates.Select(logits, k, into);

        var expected = logits.Select((logit, id) => (Logit: logit, Id: id))
            .OrderByDescending(t => t.Logit).ThenBy(t => t.Id).Take(k)
            .Select(t => t.Id).Order().ToList();
        count.Should().Be(Math.Min(k, vocabulary));
        into.Take(count).Select(t => (int)t.ID).Should().Equal(expected);
        into.Take(count).Select(t => t.Logit).Should().Equal(expected.Select(id => logits[id]));
    }
}
