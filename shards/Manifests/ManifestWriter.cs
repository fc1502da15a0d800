using System.Text.Json;

namespace Corpus.Shards.Manifests;

/// <summary>
/// Writes <c>manifest.json</c> in its canonical form: keys in a fixed order, two-space indent, LF
/// line ends and a final LF, files sorted by path and counts by (stage, language, domain, source),
/// all ordinal, no timestamps; the last key, <c>checksum</c>, is the SHA-256 of the same
/// serialization without that key. The same manifest always gives the same bytes.
/// </summary>
public static class ManifestWriter
{
    /// <summary>The canonical UTF-8 bytes of <paramref name="manifest"/>.</summary>
    public static byte[] ToUtf8Bytes(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return Serialize(manifest, ComputeChecksum(manifest));
    }

    /// <summary>Writes <paramref name="manifest"/> to <paramref name="path"/>, replacing any file there.</summary>
    public static Task WriteAsync(Manifest manifest, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        return File.WriteAllBytesAsync(path, ToUtf8Bytes(manifest), cancellationToken);
    }

    /// <summary>Hex SHA-256 of the canonical serialization without the checksum key.</summary>
    internal static string ComputeChecksum(Manifest manifest) => Manifest.Sha256Hex(Serialize(manifest, checksum: null));

    private static byte[] Serialize(Manifest manifest, string? checksum)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, IndentSize = 2, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteString("format", Manifest.FormatName);
            json.WriteString("config_sha256", manifest.ConfigSha256);
            json.WriteString("tokenizer_sha256", manifest.TokenizerSha256);
            json.WriteNumber("seed", manifest.Seed);
            json.WriteNumber("end_of_text_id", manifest.EndOfTextId);
            json.WriteStartObject("totals");
            json.WriteNumber("documents", manifest.Totals.Documents);
            json.WriteNumber("tokens", manifest.Totals.Tokens);
            json.WriteEndObject();

            json.WriteStartArray("files");
            foreach (var file in manifest.Files.OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("path", file.Path);
                json.WriteString("sha256", file.Sha256);
                json.WriteNumber("bytes", file.Bytes);
                json.WriteNumber("documents", file.Documents);
                json.WriteNumber("tokens", file.Tokens);
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("token_counts");
            foreach (var count in manifest.TokenCounts
                .OrderBy(c => c.Stage, StringComparer.Ordinal)
                .ThenBy(c => c.Split, StringComparer.Ordinal)
                .ThenBy(c => c.Language, StringComparer.Ordinal)
                .ThenBy(c => c.Domain, StringComparer.Ordinal)
                .ThenBy(c => c.Source, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("stage", count.Stage);
                json.WriteString("split", count.Split);
                json.WriteString("language", count.Language);
                json.WriteString("domain", count.Domain);
                json.WriteString("source", count.Source);
                json.WriteNumber("documents", count.Documents);
                json.WriteNumber("tokens", count.Tokens);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (checksum is not null)
            {
                json.WriteString("checksum", checksum);
            }

            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
