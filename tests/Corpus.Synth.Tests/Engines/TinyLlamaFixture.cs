using System.Diagnostics;
using Corpus.Synth.Engines;
using Corpus.Synth.Gguf;
using Corpus.Tests.Shared;

namespace Corpus.Synth.Tests.Engines;

/// <summary>The tiny Qwen3 GGUF, written once for the suite, and one <see cref="LlamaEngine"/> loaded from it.</summary>
public sealed class TinyLlamaFixture : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("corpus-llama-").FullName;
    private readonly Lazy<LlamaEngine> _engine;

    public TinyLlamaFixture()
    {
        ModelPath = Path.Combine(_folder, "tiny-qwen3.gguf");
        var stopwatch = Stopwatch.StartNew();
        TinyQwen3Model.Write(ModelPath, new TinyQwen3Options { Seed = 42 }, RepoData.TokenizerJsonPath);
        WriteTime = stopwatch.Elapsed;
        _engine = new Lazy<LlamaEngine>(() => LlamaEngine.Load(new LlamaEngineOptions
        {
            ModelPath = ModelPath,
            MaxSequences = 16,
            ContextSize = 2048,
            // One thread: ggml's spinning thread barrier slows to a crawl when other work shares the cores.
            Threads = 1,
        }));
    }

    public string ModelPath { get; }

    public TimeSpan WriteTime { get; }

    /// <summary>The engine; loading it fails with a message naming the native library when llama.cpp cannot be loaded here.</summary>
    public LlamaEngine Engine => _engine.Value;

    public void Dispose()
    {
        if (_engine.IsValueCreated)
        {
            _engine.Value.Dispose();
        }

        Directory.Delete(_folder, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class TinyLlamaCollection : ICollectionFixture<TinyLlamaFixture>
{
    public const string Name = "tiny llama";
}
