namespace Corpus.Synth.Engines;

/// <summary>How <see cref="OpenAiCompatibleEngine"/> reaches its server.</summary>
public sealed record OpenAiCompatibleEngineOptions
{
    /// <summary>
    /// The server's root, e.g. <c>http://127.0.0.1:8000</c>; requests go to
    /// <c>{BaseUrl}/v1/chat/completions</c> (a base URL that already ends in <c>/v1</c> is taken as it is).
    /// </summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>Requests in flight at once; set it to what the server's batch holds. Default 16.</summary>
    public int MaxConcurrency { get; init; } = 16;

    /// <summary>How long one attempt may take before it counts as a timeout. Default two minutes.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts after the first on HTTP 429, 5xx, timeouts and broken connections. Default 3.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Wait before the first retry; each later one doubles it, up to <see cref="MaxBackoff"/>. Default 0.5 s.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest wait between attempts, also the cap on a server's <c>Retry-After</c>. Default 30 s.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Sent as <c>Authorization: Bearer …</c> when set.</summary>
    public string? ApiKey { get; init; }

    /// <summary>
    /// Counts the tokens of a text the way the model's tokenizer does (e.g. the project's Qwen tokenizer).
    /// When set, reasoning the server returned for a <see cref="ChatRequest.ThinkingBudget"/> is cut back
    /// until its count fits the budget (a server counts tokens generated, and re-tokenized text can be
    /// longer); null: the server's count stands.
    /// </summary>
    public Func<string, int>? CountTokens { get; init; }
}
