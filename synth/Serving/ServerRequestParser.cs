using System.Text;
using System.Text.Json;
using Corpus.Synth.Engines;

namespace Corpus.Synth.Serving;

/// <summary>Reads the JSON bodies of <c>/v1/chat/completions</c> and <c>/v1/completions</c> into a <see cref="ServerRequest"/>.</summary>
internal static class ServerRequestParser
{
    /// <summary>A chat completion request: <c>messages</c> plus the sampling fields.</summary>
    public static ServerRequest Chat(ReadOnlyMemory<byte> body, string model)
    {
        using var document = Parse(body);
        var root = document.RootElement;
        if (!root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array || messages.GetArrayLength() == 0)
        {
            throw ChatServerError.BadRequest("'messages' is required: a non-empty array of {role, content}");
        }

        var list = new List<ChatMessage>(messages.GetArrayLength());
        foreach (var m in messages.EnumerateArray())
        {
            if (m.ValueKind != JsonValueKind.Object || !m.TryGetProperty("role", out var role) || role.ValueKind != JsonValueKind.String)
            {
                throw ChatServerError.BadRequest("every message needs a string 'role'");
            }

            list.Add(new ChatMessage(role.GetString()!, m.TryGetProperty("content", out var content) ? Content(content) : string.Empty));
        }

        return Sampling(root, model, list);
    }

    /// <summary>A raw completion request: <c>prompt</c> (a string, or an array of one), decoded as it is (no chat template).</summary>
    public static ServerRequest Completion(ReadOnlyMemory<byte> body, string model)
    {
        using var document = Parse(body);
        var root = document.RootElement;
        string? prompt = root.TryGetProperty("prompt", out var p) ? p.ValueKind switch
        {
            JsonValueKind.String => p.GetString(),
            JsonValueKind.Array when p.GetArrayLength() == 1 && p[0].ValueKind == JsonValueKind.String => p[0].GetString(),
            JsonValueKind.Array => throw ChatServerError.BadRequest("'prompt' as an array must hold exactly one string"),
            _ => null,
        } : null;
        if (prompt is null)
        {
            throw ChatServerError.BadRequest("'prompt' is required: a string");
        }

        var request = Sampling(root, model, [ChatMessage.User(prompt)]);
        return request with { Chat = request.Chat with { RawPrompt = prompt } };
    }

    private static JsonDocument Parse(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw ChatServerError.BadRequest($"the body is not valid JSON: {e.Message}");
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw ChatServerError.BadRequest("the body must be a JSON object");
        }

        return document;
    }

    private static ServerRequest Sampling(JsonElement root, string model, IReadOnlyList<ChatMessage> messages)
    {
        bool stream = Bool(root, "stream") == true;
        bool includeUsage = false;
        if (TryField(root, "stream_options", out var streamOptions))
        {
            if (streamOptions.ValueKind != JsonValueKind.Object)
            {
                throw ChatServerError.BadRequest("'stream_options' must be an object");
            }

            includeUsage = Bool(streamOptions, "include_usage") == true;
        }

        if (Int(root, "n") is { } n && n != 1)
        {
            throw ChatServerError.BadRequest("'n' must be 1");
        }

        bool? thinking = null;
        if (root.TryGetProperty("chat_template_kwargs", out var kwargs) && kwargs.ValueKind == JsonValueKind.Object)
        {
            thinking = Bool(kwargs, "enable_thinking");
        }

        var chat = new ChatRequest
        {
            Model = model,
            Messages = messages,
            MaxTokens = Int(root, "max_tokens") ?? Int(root, "max_completion_tokens"),
            Temperature = Double(root, "temperature"),
            TopP = Double(root, "top_p"),
            TopK = Int(root, "top_k"),
            MinP = Double(root, "min_p"),
            PresencePenalty = Double(root, "presence_penalty"),
            RepetitionPenalty = Double(root, "repetition_penalty"),
            Seed = Long(root, "seed"),
            Stop = Stop(root),
            EnableThinking = thinking,
        };
        return new ServerRequest(chat, stream, includeUsage);
    }

    private static string Content(JsonElement content) => content.ValueKind switch
    {
        JsonValueKind.String => content.GetString()!,
        JsonValueKind.Null => string.Empty,
        JsonValueKind.Array => TextParts(content),
        _ => throw ChatServerError.BadRequest("a message's 'content' must be a string or an array of text parts"),
    };

    private static string TextParts(JsonElement parts)
    {
        var sb = new StringBuilder();
        foreach (var part in parts.EnumerateArray())
        {
            if (part.ValueKind != JsonValueKind.Object || !part.TryGetProperty("type", out var type) || type.ValueEquals("text") is false
                || !part.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
            {
                throw ChatServerError.BadRequest("only content parts of type 'text' with a string 'text' are supported");
            }

            sb.Append(text.GetString());
        }

        return sb.ToString();
    }

    private static List<string> Stop(JsonElement root)
    {
        if (!root.TryGetProperty("stop", out var stop) || stop.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (stop.ValueKind == JsonValueKind.String)
        {
            return [stop.GetString()!];
        }

        if (stop.ValueKind == JsonValueKind.Array && stop.EnumerateArray().All(s => s.ValueKind == JsonValueKind.String))
        {
            return stop.EnumerateArray().Select(s => s.GetString()!).Where(s => s.Length > 0).ToList();
        }

        throw ChatServerError.BadRequest("'stop' must be a string or an array of strings");
    }

    private static bool TryField(JsonElement root, string name, out JsonElement value) =>
        root.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private static double? Double(JsonElement root, string name) =>
        !TryField(root, name, out var v) ? null
        : v.ValueKind == JsonValueKind.Number ? v.GetDouble()
        : throw ChatServerError.BadRequest($"'{name}' must be a number");

    private static int? Int(JsonElement root, string name) =>
        !TryField(root, name, out var v) ? null
        : v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i
        : throw ChatServerError.BadRequest($"'{name}' must be an integer");

    private static long? Long(JsonElement root, string name) =>
        !TryField(root, name, out var v) ? null
        : v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var i) ? i
        : throw ChatServerError.BadRequest($"'{name}' must be an integer");

    private static bool? Bool(JsonElement root, string name) =>
        !TryField(root, name, out var v) ? null
        : v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean()
        : throw ChatServerError.BadRequest($"'{name}' must be true or false");
}
