using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Corpus.Ingest.Pdf;

/// <summary>
/// Transcribes the images of a page without a text layer through a vision model behind an
/// OpenAI-compatible <c>/v1/chat/completions</c> endpoint (vLLM, SGLang or llama-server hosting a
/// Qwen-VL model, as Qwen3 used Qwen2.5-VL): one request per page, the page's images as
/// <c>data:</c> URLs after an instruction to return the text only, temperature 0. A request that
/// fails or times out leaves the page without text (the document may then be a <c>no-text-layer</c>
/// reject); the message says why on <see cref="LastError"/>.
/// </summary>
public sealed class OpenAiVisionTranscriber : IPageTranscriber
{
    /// <summary>What the model is asked to do with the page.</summary>
    public const string Instruction =
        "Transcribe all the text on this page, in reading order, as plain text. Keep paragraphs separated by blank lines. " +
        "Do not describe the page, translate, or add anything that is not written on it.";

    private readonly HttpClient _http;
    private readonly Uri _completions;
    private readonly string _model;
    private readonly int _maxTokens;

    /// <summary>
    /// A transcriber for <paramref name="endpoint"/> (the server's root or its <c>/v1</c>),
    /// asking <paramref name="model"/>; <paramref name="http"/> carries timeouts and any API key.
    /// </summary>
    public OpenAiVisionTranscriber(HttpClient http, Uri endpoint, string model, int maxTokens = 4096)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        _http = http;
        var root = endpoint.AbsoluteUri.TrimEnd('/');
        _completions = new Uri(root.EndsWith("/v1", StringComparison.Ordinal) ? root + "/chat/completions" : root + "/v1/chat/completions");
        _model = model;
        _maxTokens = maxTokens;
        Endpoint = endpoint;
        Timeout = http.Timeout;
    }

    /// <summary>The endpoint it was made for, as given.</summary>
    internal Uri Endpoint { get; }

    /// <summary>The model it asks.</summary>
    internal string Model => _model;

    /// <summary>The request timeout of the client it was given.</summary>
    internal TimeSpan Timeout { get; }

    /// <summary>Why the last failed request failed, or null.</summary>
    public string? LastError { get; private set; }

    /// <inheritdoc/>
    public string? Transcribe(int pageNumber, IReadOnlyList<ReadOnlyMemory<byte>> images, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count == 0)
        {
            return null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _completions)
        {
            Content = new ByteArrayContent(Body(images)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        try
        {
            using var response = _http.Send(request, ct);
            using var reader = new StreamReader(response.Content.ReadAsStream(ct), Encoding.UTF8);
            var body = reader.ReadToEnd();
            if (!response.IsSuccessStatusCode)
            {
                LastError = $"page {pageNumber}: {_completions} answered {(int)response.StatusCode}: {Cut(body)}";
                return null;
            }

            using var json = JsonDocument.Parse(body);
            var text = json.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString();
            return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException or IOException
            || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            LastError = $"page {pageNumber}: {_completions}: {e.GetType().Name}: {e.Message}";
            return null;
        }
    }

    private byte[] Body(IReadOnlyList<ReadOnlyMemory<byte>> images)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("model", _model);
            w.WriteNumber("temperature", 0);
            w.WriteNumber("max_tokens", _maxTokens);
            w.WriteStartArray("messages");
            w.WriteStartObject();
            w.WriteString("role", "user");
            w.WriteStartArray("content");
            w.WriteStartObject();
            w.WriteString("type", "text");
            w.WriteString("text", Instruction);
            w.WriteEndObject();
            foreach (var image in images)
            {
                w.WriteStartObject();
                w.WriteString("type", "image_url");
                w.WriteStartObject("image_url");
                w.WriteString("url", $"data:{MediaTypeOf(image.Span)};base64,{Convert.ToBase64String(image.Span)}");
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The image's media type from its first bytes.</summary>
    internal static string MediaTypeOf(ReadOnlySpan<byte> image) =>
        image.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']) ? "image/png"
        : image.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : image.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0x00, 0x0C, (byte)'j', (byte)'P']) || image.StartsWith((ReadOnlySpan<byte>)[0xFF, 0x4F, 0xFF, 0x51]) ? "image/jp2"
        : "application/octet-stream";

    private static string Cut(string s) => s.Length <= 300 ? s : s[..300] + "…";
}
