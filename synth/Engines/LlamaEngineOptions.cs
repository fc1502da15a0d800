namespace Corpus.Synth.Engines;

/// <summary>How <see cref="LlamaEngine"/> loads a GGUF model and how many sequences it decodes at once.</summary>
public sealed record LlamaEngineOptions
{
    /// <summary>The GGUF file (e.g. Qwen3-8B-Q4_K_M.gguf).</summary>
    public required string ModelPath { get; init; }

    /// <summary>Sequences decoded together in one batch (llama.cpp's <c>n_seq_max</c>); a finished one's slot takes the next request at once. Default 16.</summary>
    public int MaxSequences { get; init; } = 16;

    /// <summary>
    /// Cells of the one KV cache all sequences share (llama.cpp's <c>n_ctx</c> with a unified cache). A
    /// request is admitted when its prompt plus its most tokens fit beside those already running. Default 16384.
    /// </summary>
    public int ContextSize { get; init; } = 16384;

    /// <summary>Most tokens one decode step takes (llama.cpp's <c>n_batch</c>): one per generating sequence plus prompt tokens of those being admitted. Default 512.</summary>
    public int BatchSize { get; init; } = 512;

    /// <summary>Layers to offload to the GPU; needs a GPU build of llama.cpp (<see cref="NativeLibraryPath"/>). Default 0: all on the CPU.</summary>
    public int GpuLayerCount { get; init; }

    /// <summary>
    /// A libllama to load instead of LLamaSharp.Backend.Cpu's, e.g. a CUDA build's <c>libllama.so</c> with its
    /// <c>libggml*.so</c> beside it. Only the first engine of a process chooses the library. Default null.
    /// </summary>
    public string? NativeLibraryPath { get; init; }

    /// <summary>CPU threads for decoding; 0 takes every core. Default 0.</summary>
    public int Threads { get; init; }

    /// <summary>Most tokens generated for a request that does not say (<see cref="ChatRequest.MaxTokens"/> null). Default 1024.</summary>
    public int DefaultMaxTokens { get; init; } = 1024;
}
