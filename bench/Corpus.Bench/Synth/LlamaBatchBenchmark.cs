using System.Diagnostics;
using System.Globalization;
using Corpus.Synth.Engines;
using Corpus.Synth.Gguf;
using Corpus.Tests.Shared;

namespace Corpus.Bench.Synth;

/// <summary>
/// <c>bench-llama-batch [TOKENS] [ROUNDS] [THREADS] [DIM] [LAYERS] [f32|f16|q8_0]</c>: output tokens/s of <see cref="LlamaEngine"/> on
/// the tiny Qwen3 GGUF (<c>corpus model tiny --dim DIM --layers LAYERS</c>; default 64 and 2) at 1, 4, 16 and 64
/// concurrent requests, each generating TOKENS tokens; the anchor is one request at a time, and the ratio 16/1 is
/// what continuous batching over one KV cache buys.
/// </summary>
internal static class LlamaBatchBenchmark
{
    private static readonly int[] Parallelism = [1, 4, 16, 64];

    public static async Task<int> RunAsync(int tokens, int rounds, int threads, int dim = 64, int layers = 2, TinyQwen3WeightType type = TinyQwen3WeightType.F32)
    {
        string folder = Directory.CreateTempSubdirectory("corpus-llama-bench-").FullName;
        try
        {
            string model = Path.Combine(folder, "tiny-qwen3.gguf");
            // The same sizes as `corpus model tiny --dim DIM --layers LAYERS`: feed-forward twice the hidden size.
            TinyQwen3Model.Write(model, new TinyQwen3Options { Seed = 1, EmbeddingLength = dim, FeedForwardLength = 2 * dim, BlockCount = layers, WeightType = type }, RepoData.TokenizerJsonPath);
            using var engine = LlamaEngine.Load(new LlamaEngineOptions { ModelPath = model, MaxSequences = 64, ContextSize = 64 * (tokens + 64), BatchSize = 512, Threads = threads });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tiny Qwen3 (hidden {dim}, {layers} blocks, 151,936-row vocabulary, {new FileInfo(model).Length / 1e6:F0} MB of {type.ToString().ToLowerInvariant()} weights), {tokens} tokens per request, {(threads == 0 ? Environment.ProcessorCount : threads)} llama.cpp threads on {Environment.ProcessorCount} cores, best of {rounds}"));
            await RunOnceAsync(engine, 4, tokens);
            var rates = new Dictionary<int, double>();
            foreach (int parallel in Parallelism)
            {
                double best = 0;
                var before = engine.Statistics;
                for (int r = 0; r < rounds; r++)
                {
                    best = Math.Max(best, await RunOnceAsync(engine, parallel, tokens));
                }

                var after = engine.Statistics;
                long steps = after.DecodeSteps - before.DecodeSteps;
                rates[parallel] = best;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {parallel,2} parallel: {best,9:N0} output tokens/s; per decode step {(after.DecodeTime - before.DecodeTime).TotalMilliseconds / steps:F2} ms in llama.cpp, {(after.SampleTime - before.SampleTime).TotalMilliseconds / steps:F2} ms sampling"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ratio 16/1: {rates[16] / rates[1]:0.00}x, 64/1: {rates[64] / rates[1]:0.00}x; most sequences in one batch: {engine.Statistics.MaxActiveSequences}"));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<double> RunOnceAsync(LlamaEngine engine, int parallel, int tokens)
    {
        var stopwatch = Stopwatch.StartNew();
        var answers = await Task.WhenAll(Enumerable.Range(0, parallel).Select(i => engine.CompleteAsync(new ChatRequest
        {
            Model = "tiny-qwen3",
            Messages = [ChatMessage.User($"Write problem number {i} about fractions.")],
            MaxTokens = tokens,
            Seed = i,
            Temperature = 1,
            EnableThinking = false,
        })));
        return answers.Sum(a => a.Usage.CompletionTokens) / stopwatch.Elapsed.TotalSeconds;
    }
}
