using System.Text.Json;

namespace Corpus.Pipeline.Storage;

/// <summary>Writes documents to one <c>.jsonl</c> file (id, url, title, text, language, content_type, scores, labels, metadata; keys in ordinal order) or <c>.parquet</c> file (the docs/ schema).</summary>
internal abstract class DocumentFileSink : IAsyncDisposable
{
    public static DocumentFileSink Create(string path, bool jsonl)
    {
        // The output's folder is made as needed, as the build makes its own.
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return jsonl ? new Jsonl(path) : new Parquet(path);
    }

    public abstract Task WriteAsync(DocumentRow row, CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    private sealed class Jsonl(string path) : DocumentFileSink
    {
        private readonly FileStream _stream = new(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);

        public override async Task WriteAsync(DocumentRow d, CancellationToken ct)
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                w.WriteString("id", d.Id);
                w.WriteString("url", d.SourceUri);
                w.WriteString("title", d.Title);
                w.WriteString("text", d.Text);
                w.WriteString("language", d.Language);
                w.WriteString("content_type", d.ContentType);
                w.WriteStartObject("scores");
                foreach (var (key, value) in d.Scores.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    w.WriteNumber(key, value);
                }

                w.WriteEndObject();
                WriteStrings(w, "labels", d.Labels);
                WriteStrings(w, "metadata", d.Metadata);
                w.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
            await _stream.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct).ConfigureAwait(false);
        }

        public override ValueTask DisposeAsync() => _stream.DisposeAsync();

        private static void WriteStrings(Utf8JsonWriter w, string name, Dictionary<string, string> values)
        {
            w.WriteStartObject(name);
            foreach (var (key, value) in values.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                w.WriteString(key, value);
            }

            w.WriteEndObject();
        }
    }

    private sealed class Parquet(string path) : DocumentFileSink
    {
        private readonly ParquetPartWriter<DocumentRow> _writer = new(path, r => r.Text.Length * 2L + 256);

        public override Task WriteAsync(DocumentRow row, CancellationToken ct) => _writer.AddAsync(row, ct);

        public override async ValueTask DisposeAsync()
        {
            await _writer.CompleteAsync(CancellationToken.None).ConfigureAwait(false);
            await _writer.DisposeAsync().ConfigureAwait(false);
        }
    }
}
