using System.Diagnostics;
using System.Globalization;
using System.Text;
using Corpus.Tokenizer;
using HfTokenizer = Tokenizers.DotNet.Tokenizer;

namespace Corpus.Bench.Tokenizer;

/// <summary>
/// Side by side in one process over the same inputs: corpus's Qwen tokenizer and Hugging Face
/// tokenizers (Rust, through Tokenizers.DotNet), single thread. Prints MB/s, tokens/s and the ratio,
/// and checks that both give the same ids (both split out special-token strings, as Hugging Face does by default).
/// </summary>
internal static class TokenizerComparison
{
    public static int Run(int rounds)
    {
        var ours = QwenTokenizer.Load(BenchInputs.TokenizerJson);
        using var hf = new HfTokenizer(BenchInputs.TokenizerJson);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tokenizer comparison, single thread, best of {rounds} rounds, {DateTime.UtcNow:yyyy-MM-dd}"));
        Console.WriteLine($"{"input",-12} {"MB",8} {"corpus MB/s",12} {"HF MB/s",10} {"corpus tok/s",14} {"HF tok/s",12} {"ratio",7}");
        var failures = 0;
        foreach (var (name, docs) in new[] { ("udhr", BenchInputs.Udhr()), ("csharp", BenchInputs.SourceCode()) })
        {
            var bytes = docs.Sum(d => (long)Encoding.UTF8.GetByteCount(d));
            for (var i = 0; i < docs.Count; i++)
            {
                var a = ours.EncodeWithSpecialTokens(docs[i]);
                var b = hf.Encode(docs[i]).Select(x => (int)x).ToArray();
                if (!a.AsSpan().SequenceEqual(b))
                {
                    Console.WriteLine($"  MISMATCH: {name} document {i}");
                    failures++;
                }
            }

            var (oursSeconds, tokens) = Best(rounds, () => docs.Sum(d => (long)ours.EncodeWithSpecialTokens(d).Length));
            var (hfSeconds, _) = Best(rounds, () => docs.Sum(d => (long)hf.Encode(d).Length));
            var mb = bytes / 1e6;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{name,-12} {mb,8:F2} {mb / oursSeconds,12:F2} {mb / hfSeconds,10:F2} {tokens / oursSeconds,14:N0} {tokens / hfSeconds,12:N0} {hfSeconds / oursSeconds,6:F2}x"));
        }

        Console.WriteLine("ratio = HF time / corpus time (above 1: corpus is faster)");
        return failures == 0 ? 0 : 1;
    }

    private static (double Seconds, long Tokens) Best(int rounds, Func<long> work)
    {
        work(); // warm up: JIT, caches
        var best = double.MaxValue;
        long tokens = 0;
        for (var r = 0; r < rounds; r++)
        {
            var clock = Stopwatch.StartNew();
            tokens = work();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return (best, tokens);
    }
}
