using System.Text.Json;
using Corpus.Synth.Engines;

namespace Corpus.Synth.Serving;

/// <summary>
/// The JSON of one streamed answer's chunks, as OpenAI streams them: <c>chat.completion.chunk</c>
/// objects with a <c>delta</c> for chat, <c>text_completion</c> objects with <c>text</c> for raw
/// completions; every chunk of one answer carries the same id and creation time.
/// </summary>
internal sealed class ServerChunkWriter(bool chat, string model)
{
    private readonly string _id = ServerResponseWriter.NewId(chat ? "chatcmpl-" : "cmpl-");
    private readonly long _created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>The first chat chunk: the assistant's role, no text yet.</summary>
    public byte[] Role() => Choice(w =>
    {
        w.WriteStartObject("delta");
        w.WriteString("role", "assistant");
        w.WriteString("content", string.Empty);
        w.WriteEndObject();
    }, finish: null);

    /// <summary>A piece of the answer's text.</summary>
    public byte[] Text(string piece) => Choice(w =>
    {
        if (chat)
        {
            w.WriteStartObject("delta");
            w.WriteString("content", piece);
            w.WriteEndObject();
        }
        else
        {
            w.WriteString("text", piece);
        }
    }, finish: null);

    /// <summary>The last chunk of the choice: no text, the finish reason.</summary>
    public byte[] Finish(string reason) => Choice(w =>
    {
        if (chat)
        {
            w.WriteStartObject("delta");
            w.WriteEndObject();
        }
        else
        {
            w.WriteString("text", string.Empty);
        }
    }, reason);

    /// <summary>The usage chunk (<c>stream_options.include_usage</c>): no choices, the token counts.</summary>
    public byte[] Usage(ChatTokenUsage usage) => ServerResponseWriter.Write(w =>
    {
        Header(w);
        w.WriteStartArray("choices");
        w.WriteEndArray();
        ServerResponseWriter.Usage(w, usage);
    });

    private byte[] Choice(Action<Utf8JsonWriter> content, string? finish) => ServerResponseWriter.Write(w =>
    {
        Header(w);
        w.WriteStartArray("choices");
        w.WriteStartObject();
        w.WriteNumber("index", 0);
        content(w);
        if (finish is null)
        {
            w.WriteNull("finish_reason");
        }
        else
        {
            w.WriteString("finish_reason", finish);
        }

        w.WriteEndObject();
        w.WriteEndArray();
    });

    private void Header(Utf8JsonWriter w) => ServerResponseWriter.Header(w, _id, chat ? "chat.completion.chunk" : "text_completion", _created, model);
}
