namespace Corpus.Synth.Serving;

/// <summary>How <see cref="ChatServer"/> listens and how much it takes at once.</summary>
public sealed record ChatServerOptions
{
    /// <summary>The model id <c>/v1/models</c> lists and every answer names. Default <c>corpus</c>.</summary>
    public string ModelName { get; init; } = "corpus";

    /// <summary>The TCP port on 127.0.0.1; 0 picks a free one (read it from <see cref="ChatServer.BaseUrl"/>). Default 8000.</summary>
    public int Port { get; init; } = 8000;

    /// <summary>Largest request body taken; a bigger one is answered 413. Default 4 MiB.</summary>
    public int MaxRequestBodyBytes { get; init; } = 4 << 20;

    /// <summary>
    /// Requests handled at once; further connections wait in the listener's queue until one finishes. Set it
    /// above the engine's batch (the engine queues what its slots cannot take). Default 256.
    /// </summary>
    public int MaxConcurrentRequests { get; init; } = 256;
}
