using LLama.Native;

namespace Corpus.Synth.Engines;

/// <summary>
/// One request's sampler chain, as llama.cpp orders it: penalties, top-k, top-p, min-p, temperature,
/// then a draw seeded from the request (or the most likely token at temperature 0). Each sequence has
/// its own chain, so its random stream does not depend on what else is in the batch. Unset fields take
/// Qwen3's recommended settings: temperature 0.6, top-p 0.95 when thinking; 0.7 and 0.8 when not;
/// top-k 20, min-p 0.
/// </summary>
internal static class LlamaSampling
{
    private const int PenaltyWindow = 64;

    public static SafeLLamaSamplerChainHandle Create(ChatRequest request, uint seed)
    {
        bool thinking = request.EnableThinking ?? true;
        float temperature = (float)(request.Temperature ?? (thinking ? 0.6 : 0.7));
        float topP = (float)(request.TopP ?? (thinking ? 0.95 : 0.8));
        int topK = request.TopK ?? 20;
        float minP = (float)(request.MinP ?? 0);
        float repetition = (float)(request.RepetitionPenalty ?? 1);
        float presence = (float)(request.PresencePenalty ?? 0);

        var chain = SafeLLamaSamplerChainHandle.Create(LLamaSamplerChainParams.Default());
        if (repetition != 1 || presence != 0)
        {
            chain.AddPenalties(PenaltyWindow, repetition, 0, presence);
        }

        if (temperature <= 0)
        {
            chain.AddGreedySampler();
            return chain;
        }

        if (topK > 0)
        {
            chain.AddTopK(topK);
        }

        if (topP < 1)
        {
            chain.AddTopP(topP, 1);
        }

        if (minP > 0)
        {
            chain.AddMinP(minP, 1);
        }

        chain.AddTemperature(temperature);
        chain.AddDistributionSampler(seed);
        return chain;
    }

    /// <summary>The request's seed folded to llama.cpp's 32 bits, or a fresh random one.</summary>
    /// <summary>
    /// How many of the highest logits the chain can see and still choose as it would from all of them:
    /// 1 when greedy, top-k when the chain starts with it, 0 (all) when penalties change logits first
    /// or no top-k bounds the candidates.
    /// </summary>
    public static int CandidateLimit(ChatRequest request)
    {
        if ((request.RepetitionPenalty ?? 1) != 1 || (request.PresencePenalty ?? 0) != 0)
        {
            return 0;
        }

        bool thinking = request.EnableThinking ?? true;
        if ((request.Temperature ?? (thinking ? 0.6 : 0.7)) <= 0)
        {
            return 1;
        }

        return Math.Max(0, request.TopK ?? 20);
    }

    public static uint Seed(long? seed) =>
        seed is { } s ? (uint)(s ^ (s >>> 32)) : (uint)Random.Shared.Next();
}
