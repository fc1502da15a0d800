using System.Text.Encodings.Web;
using System.Text.Json;
using Corpus.Synth.Engines;

namespace Corpus.Synth.Serving;

/// <summary>The OpenAI-shaped JSON bodies the server answers with.</summary>
internal static class ServerResponseWriter
{
    public static byte[] Models(string model, long created) => Write(w =>
    {
        w.WriteString("object", "list");
        w.WriteStartArray("data");
        w.WriteStartObject();
        w.WriteString("id", model);
        w.WriteString("object", "model");
        w.WriteNumber("created", created);
        w.WriteString("owned_by", "corpus");
        w.WriteEndObject();
        w.WriteEndArray();
    });

    public static byte[] ChatCompletion(ChatCompletion answer, string model) => Write(w =>
    {
        Header(w, "chatcmpl-", "chat.completion", model);
        w.WriteStartArray("choices");
        w.WriteStartObject();
        w.WriteNumber("index", 0);
        w.WriteStartObject("message");
        w.WriteString("role", "assistant");
        w.WriteString("content", answer.Text);
        w.WriteEndObject();
        w.WriteString("finish_reason", answer.FinishReason ?? "stop");
        w.WriteEndObject();
        w.WriteEndArray();
        Usage(w, answer.Usage);
    });

    public static byte[] TextCompletion(ChatCompletion answer, string model) => Write(w =>
    {
        Header(w, "cmpl-", "text_completion", model);
        w.WriteStartArray("choices");
        w.WriteStartObject();
        w.WriteNumber("index", 0);
        w.WriteString("text", answer.Text);
        w.WriteString("finish_reason", answer.FinishReason ?? "stop");
        w.WriteEndObject();
        w.WriteEndArray();
        Usage(w, answer.Usage);
    });

    public static byte[] Error(string type, string message) => Write(w =>
    {
        w.WriteStartObject("error");
        w.WriteString("message", message);
        w.WriteString("type", type);
        w.WriteEndObject();
    });

    public static byte[] Health() => Write(w => w.WriteString("status", "ok"));

    private static void Header(Utf8JsonWriter w, string idPrefix, string kind, string model) =>
        Header(w, NewId(idPrefix), kind, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), model);

    /// <summary>An answer's id: the prefix (<c>chatcmpl-</c>, <c>cmpl-</c>) and a fresh GUID.</summary>
    internal static string NewId(string idPrefix) => idPrefix + Guid.NewGuid().ToString("N");

    /// <summary>The members every answer and chunk opens with.</summary>
    internal static void Header(Utf8JsonWriter w, string id, string kind, long created, string model)
    {
        w.WriteString("id", id);
        w.WriteString("object", kind);
        w.WriteNumber("created", created);
        w.WriteString("model", model);
    }

    internal static void Usage(Utf8JsonWriter w, ChatTokenUsage usage)
    {
        w.WriteStartObject("usage");
        w.WriteNumber("prompt_tokens", usage.PromptTokens);
        w.WriteNumber("completion_tokens", usage.CompletionTokens);
        w.WriteNumber("total_tokens", usage.TotalTokens);
        w.WriteEndObject();
    }

    /// <summary>Text as UTF-8, as OpenAI's API sends it: only quotes, backslashes and control characters escaped, so CJK answers are not six bytes a character.</summary>
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return stream.ToArray();
    }
}
