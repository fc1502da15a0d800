using System.Text.Json.Serialization;

namespace Corpus.Synth.Engines;

/// <summary>What both request bodies carry: the model and the sampling settings (null ones are not sent).</summary>
internal abstract class OpenAiSamplingRequest
{
    [JsonPropertyName("model")]
    [JsonPropertyOrder(-2)]
    public string Model { get; set; } = string.Empty;

    [JsonPropertyName("temperature")]
    public double? Temperature { get; set; }

    [JsonPropertyName("max_tokens")]
    public int? MaxTokens { get; set; }

    [JsonPropertyName("seed")]
    public long? Seed { get; set; }

    [JsonPropertyName("stop")]
    public List<string>? Stop { get; set; }

    [JsonPropertyName("top_p")]
    public double? TopP { get; set; }

    [JsonPropertyName("top_k")]
    public int? TopK { get; set; }

    [JsonPropertyName("min_p")]
    public double? MinP { get; set; }

    [JsonPropertyName("repetition_penalty")]
    public double? RepetitionPenalty { get; set; }

    [JsonPropertyName("presence_penalty")]
    public double? PresencePenalty { get; set; }

    [JsonPropertyName("chat_template_kwargs")]
    public OpenAiChatTemplateKwargs? ChatTemplateKwargs { get; set; }

    [JsonPropertyName("stream")]
    public bool Stream { get; set; }
}

/// <summary>The request body of <c>/v1/chat/completions</c>.</summary>
internal sealed class OpenAiChatRequest : OpenAiSamplingRequest
{
    [JsonPropertyName("messages")]
    [JsonPropertyOrder(-1)]
    public List<OpenAiMessage> Messages { get; set; } = [];
}

/// <summary>Arguments to the server's chat template (vLLM, SGLang and llama-server read <c>enable_thinking</c>).</summary>
internal sealed class OpenAiChatTemplateKwargs
{
    [JsonPropertyName("enable_thinking")]
    public bool? EnableThinking { get; set; }
}

/// <summary>A message on the wire.</summary>
internal sealed class OpenAiMessage
{
    [JsonPropertyName("role")]
    public string Role { get; set; } = string.Empty;

    [JsonPropertyName("content")]
    public string? Content { get; set; }

    /// <summary>The reasoning, where a server's reasoning parser splits it off (vLLM, SGLang); never sent.</summary>
    [JsonPropertyName("reasoning_content")]
    public string? ReasoningContent { get; set; }
}

/// <summary>The response body of <c>/v1/chat/completions</c> (the fields read).</summary>
internal sealed class OpenAiChatResponse
{
    [JsonPropertyName("choices")]
    public List<OpenAiChoice>? Choices { get; set; }

    [JsonPropertyName("usage")]
    public OpenAiUsage? Usage { get; set; }
}

/// <summary>One choice of a response.</summary>
internal sealed class OpenAiChoice
{
    [JsonPropertyName("message")]
    public OpenAiMessage? Message { get; set; }

    [JsonPropertyName("finish_reason")]
    public string? FinishReason { get; set; }
}

/// <summary>Token counts of a response.</summary>
internal sealed class OpenAiUsage
{
    [JsonPropertyName("prompt_tokens")]
    public int PromptTokens { get; set; }

    [JsonPropertyName("completion_tokens")]
    public int CompletionTokens { get; set; }
}

/// <summary>The request body of <c>/v1/completions</c>: a raw prompt and the same sampling fields.</summary>
internal sealed class OpenAiCompletionRequest : OpenAiSamplingRequest
{
    [JsonPropertyName("prompt")]
    [JsonPropertyOrder(-1)]
    public string Prompt { get; set; } = string.Empty;
}

/// <summary>The response body of <c>/v1/completions</c> (the fields read).</summary>
internal sealed class OpenAiCompletionResponse
{
    [JsonPropertyName("choices")]
    public List<OpenAiTextChoice>? Choices { get; set; }

    [JsonPropertyName("usage")]
    public OpenAiUsage? Usage { get; set; }
}

/// <summary>One choice of a text completion.</summary>
internal sealed class OpenAiTextChoice
{
    [JsonPropertyName("text")]
    public string? Text { get; set; }

    [JsonPropertyName("finish_reason")]
    public string? FinishReason { get; set; }
}

/// <summary>Source-generated JSON for the wire types (no reflection at run time).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OpenAiChatRequest))]
[JsonSerializable(typeof(OpenAiChatResponse))]
[JsonSerializable(typeof(OpenAiCompletionRequest))]
[JsonSerializable(typeof(OpenAiCompletionResponse))]
internal sealed partial class OpenAiJson : JsonSerializerContext;
