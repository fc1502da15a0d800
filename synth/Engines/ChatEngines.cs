namespace Corpus.Synth.Engines;

/// <summary>The engine a command or a build asked for, and how to set it up.</summary>
public sealed record ChatEngineChoice
{
    /// <summary><c>llama</c>: llama.cpp in this process on a GGUF file; <c>openai</c>: an OpenAI-compatible server.</summary>
    public required string Engine { get; init; }

    /// <summary>llama: the GGUF file.</summary>
    public string? Model { get; init; }

    /// <summary>openai: the server's base URL.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>Requests in flight at once (llama: sequences decoded together).</summary>
    public int Parallel { get; init; } = 16;

    /// <summary>llama: the context in tokens, shared by the sequences; null: the engine's default.</summary>
    public int? ContextSize { get; init; }

    /// <summary>llama: CPU threads; 0: the engine chooses.</summary>
    public int Threads { get; init; }

    /// <summary>llama: the answer length when a request names none; null: the engine's default.</summary>
    public int? MaxTokens { get; init; }

    /// <summary>openai: how long one request may take; null: the client's default.</summary>
    public TimeSpan? RequestTimeout { get; init; }

    /// <summary>openai: the bearer token, if the server wants one.</summary>
    public string? ApiKey { get; init; }

    /// <summary>openai: counts the tokens of reasoning text, for the thinking budget; null: no budget by tokens.</summary>
    public Func<string, int>? CountTokens { get; init; }
}

/// <summary>The one place engines are made, for <c>serve</c>, <c>synth</c>, <c>classify annotate</c> and the build.</summary>
public static class ChatEngines
{
    /// <summary>The engine <paramref name="choice"/> names; the caller disposes it.</summary>
    /// <exception cref="FileNotFoundException">llama, and no file at <see cref="ChatEngineChoice.Model"/>.</exception>
    public static IChatEngine Create(ChatEngineChoice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return choice.Engine switch
        {
            "llama" => LoadLlama(choice),
            "openai" => new OpenAiCompatibleEngine(OpenAiOptions(choice)),
            _ => throw new ArgumentException($"unknown engine '{choice.Engine}' (llama or openai)", nameof(choice)),
        };
    }

    /// <summary>llama.cpp in this process on the GGUF file <see cref="ChatEngineChoice.Model"/>.</summary>
    /// <exception cref="FileNotFoundException">No file there.</exception>
    public static LlamaEngine LoadLlama(ChatEngineChoice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        var model = choice.Model ?? throw new ArgumentException("the llama engine needs a model file", nameof(choice));
        if (!File.Exists(model))
        {
            throw new FileNotFoundException($"no GGUF model at {model}", model);
        }

        var defaults = new LlamaEngineOptions { ModelPath = model };
        return LlamaEngine.Load(defaults with
        {
            MaxSequences = choice.Parallel,
            ContextSize = choice.ContextSize ?? defaults.ContextSize,
            Threads = choice.Threads,
            DefaultMaxTokens = choice.MaxTokens ?? defaults.DefaultMaxTokens,
        });
    }

    private static OpenAiCompatibleEngineOptions OpenAiOptions(ChatEngineChoice choice)
    {
        var defaults = new OpenAiCompatibleEngineOptions
        {
            BaseUrl = choice.Endpoint ?? throw new ArgumentException("the openai engine needs an endpoint", nameof(choice)),
        };
        return defaults with
        {
            MaxConcurrency = choice.Parallel,
            RequestTimeout = choice.RequestTimeout ?? defaults.RequestTimeout,
            ApiKey = choice.ApiKey,
            CountTokens = choice.CountTokens,
        };
    }
}
