namespace Corpus.Synth.Engines;

/// <summary>
/// A chat request that failed for good (after the engine's retries): the message names the URL, the
/// HTTP status or the timeout, and an excerpt of what the server answered.
/// </summary>
public sealed class ChatEngineException : Exception
{
    /// <summary>Creates one.</summary>
    public ChatEngineException(string message, string url, int? statusCode = null, int attempts = 1, Exception? innerException = null)
        : base(message, innerException)
    {
        Url = url;
        StatusCode = statusCode;
        Attempts = attempts;
    }

    /// <summary>The URL that was asked.</summary>
    public string Url { get; }

    /// <summary>The last HTTP status, or null when no answer came (timeout, refused connection) or the answer was not a completion.</summary>
    public int? StatusCode { get; }

    /// <summary>How many times the request was sent.</summary>
    public int Attempts { get; }
}
