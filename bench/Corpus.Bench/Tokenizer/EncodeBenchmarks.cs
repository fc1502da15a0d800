using BenchmarkDotNet.Attributes;
using Corpus.Tokenizer;
using HfTokenizer = Tokenizers.DotNet.Tokenizer;

namespace Corpus.Bench.Tokenizer;

/// <summary>Encoding all UDHR translations: corpus's tokenizer against the Hugging Face baseline.</summary>
[Config(typeof(BenchConfig))]
public class EncodeBenchmarks : IDisposable
{
    private QwenTokenizer _ours = null!;
    private HfTokenizer _hf = null!;
    private IReadOnlyList<string> _udhr = [];

    [GlobalSetup]
    public void Setup()
    {
        _ours = QwenTokenizer.Load(BenchInputs.TokenizerJson);
        _hf = new HfTokenizer(BenchInputs.TokenizerJson);
        _udhr = BenchInputs.Udhr();
    }

    [Benchmark(Baseline = true)]
    public long HuggingFace_udhr() => _udhr.Sum(d => (long)_hf.Encode(d).Length);

    [Benchmark]
    public long Corpus_udhr() => _udhr.Sum(d => (long)_ours.Encode(d).Length);

    public void Dispose()
    {
        _hf?.Dispose();
        GC.SuppressFinalize(this);
    }
}
