using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Corpus.Pipeline.Storage;

/// <summary>
/// Reads documents from a <c>.parquet</c> file in the docs/ schema, or a <c>.jsonl</c> file whose
/// lines need only <c>id</c> and <c>text</c> (<c>url</c>, <c>title</c>, <c>language</c>,
/// <c>content_type</c> optional). A JSONL line that is not such an object is reported through
/// <c>onBadLine</c> (line number and reason) and skipped; the rest are read.
/// </summary>
internal static class DocumentFileSource
{
    public static bool IsJsonl(string path) => path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);

    public static async IAsyncEnumerable<DocumentRow> ReadAsync(string path, Action<long, string>? onBadLine, [EnumeratorCancellation] CancellationToken ct = default)
    {
        if (!IsJsonl(path))
        {
            await foreach (var row in ParquetPartReader.ReadAsync<DocumentRow>(path, ct).ConfigureAwait(false))
            {
                yield return row;
            }

            yield break;
        }

        using var reader = new StreamReader(path);
        long lineNumber = 0;
        while (await reader.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            DocumentRow? row = null;
            string? error = null;
            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    error = "not a JSON object";
                }
                else if (!root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(id.GetString()))
                {
                    error = "no string \"id\"";
                }
                else if (!root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
                {
                    error = "no string \"text\"";
                }
                else
                {
                    row = new DocumentRow
                    {
                        Id = id.GetString()!,
                        Text = text.GetString()!,
                        SourceUri = Optional(root, "url") ?? id.GetString()!,
                        Title = Optional(root, "title"),
                        Language = Optional(root, "language"),
                        ContentType = Optional(root, "content_type") ?? "text/plain",
                        SourceKind = "file",
                    };
                }
            }
            catch (JsonException e)
            {
                error = "not JSON: " + e.Message;
            }

            if (row is null)
            {
                onBadLine?.Invoke(lineNumber, error!);
                continue;
            }

            yield return row;
        }
    }

    private static string? Optional(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
