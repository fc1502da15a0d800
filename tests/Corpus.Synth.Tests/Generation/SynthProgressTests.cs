using System.Globalization;
using Corpus.Synth.Generation;

namespace Corpus.Synth.Tests.Generation;

public sealed class SynthProgressTests
{
    [Fact]
    public void Describe_states_problems_requests_rate_batch_occupancy_and_acceptance_in_invariant_culture()
    {
        var progress = new SynthProgress(3, 8, 26, 4, 16, 4_100, TimeSpan.FromSeconds(20), 9, 3);
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            progress.Describe().Should().Be("3/8 problems, 26 requests, 205.0 tokens/s, 4/16 in flight (25 % batch), 9 accepted / 3 rejected (75 %)");
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Describe_before_any_time_or_sample_shows_zero_rates()
    {
        new SynthProgress(0, 5, 0, 0, 4, 0, TimeSpan.Zero, 0, 0).Describe()
            .Should().Be("0/5 problems, 0 requests, 0.0 tokens/s, 0/4 in flight (0 % batch), 0 accepted / 0 rejected (0 %)");
    }
}
