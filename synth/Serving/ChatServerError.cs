namespace Corpus.Synth.Serving;

/// <summary>A request the server answers with an OpenAI-style error: the HTTP status, the error type and the message.</summary>
internal sealed class ChatServerError(int status, string type, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Type { get; } = type;

    public static ChatServerError BadRequest(string message) => new(400, "invalid_request_error", message);
}
