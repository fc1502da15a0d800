using System.Collections.Immutable;

namespace Corpus.Core.Configuration;

/// <summary>The stage plans that ship with the tool, shaped after Qwen3's three pre-training stages.</summary>
public static class StagePlans
{
    /// <summary>
    /// S1 general: 4,096-token sequences, every language, the data's own mix. S2 reasoning: 4,096,
    /// STEM, math, code and reasoning upweighted to 60% of the tokens and synthetic data to 10%,
    /// up to 4 copies of a scarce document. S3 long context: 32,768, documents of at least 4,096
    /// tokens, 75% of the tokens from documents of 16,384 tokens or more and 25% from 4,096 to 16,384.
    /// </summary>
    public static ImmutableArray<StagePlan> Qwen3 { get; } =
    [
        new StagePlan { Name = "s1", ContextLength = 4096 },
        new StagePlan
        {
            Name = "s2",
            ContextLength = 4096,
            MaxEpochs = 4,
            Mixture = new StageMixture
            {
                Domain = [new("code", 0.2), new("math", 0.15), new("reasoning", 0.05), new("stem", 0.2)],
                Source = [new("synthetic", 0.1)],
            },
        },
        new StagePlan
        {
            Name = "s3",
            ContextLength = 32768,
            MaxEpochs = 2,
            Eligibility = new StageEligibility { MinTokens = 4096 },
            Mixture = new StageMixture { Length = [new("16384-", 0.75), new("4096-16384", 0.25)] },
        },
    ];
}
