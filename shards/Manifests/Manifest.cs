using System.Security.Cryptography;
using System.Text.Json;

namespace Corpus.Shards.Manifests;

/// <summary>
/// The model of <c>manifest.json</c>: what a build was made from and every file it wrote. Written by
/// <see cref="ManifestWriter"/>, read by <see cref="Load"/>; docs/formats.md has the schema.
/// </summary>
public sealed record Manifest
{
    /// <summary>The value of the <c>format</c> key.</summary>
    public const string FormatName = "corpus-manifest/2";

    /// <summary>SHA-256 (hex) of the build's configuration.</summary>
    public required string ConfigSha256 { get; init; }

    /// <summary>SHA-256 (hex) of the tokenizer file.</summary>
    public required string TokenizerSha256 { get; init; }

    /// <summary>The build's seed.</summary>
    public required long Seed { get; init; }

    /// <summary>The end-of-text token id every document in the shards ends with.</summary>
    public required int EndOfTextId { get; init; }

    /// <summary>Documents and tokens of the whole build.</summary>
    public required ManifestTotals Totals { get; init; }

    /// <summary>Every file, sorted by path (ordinal) when written.</summary>
    public required IReadOnlyList<ManifestFile> Files { get; init; }

    /// <summary>Counts by stage, split, language, domain and source, sorted by those keys (ordinal) when written.</summary>
    public required IReadOnlyList<ManifestTokenCount> TokenCounts { get; init; }

    /// <summary>
    /// Reads a manifest; throws <see cref="InvalidDataException"/> naming the file and the fault when
    /// it is not JSON, misses or adds a key, has a value of the wrong type, names another format, or
    /// fails its checksum.
    /// </summary>
    public static Manifest Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllBytes(path), path);
    }

    /// <summary>Parses manifest bytes; <paramref name="sourceName"/> names them in errors.</summary>
    public static Manifest Parse(ReadOnlySpan<byte> utf8Json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray(), new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"manifest '{sourceName}' is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var reader = new ManifestJsonReader(sourceName);
            var (manifest, checksum) = reader.Read(document.RootElement);
            var expected = ManifestWriter.ComputeChecksum(manifest);
            if (!string.Equals(checksum, expected, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"manifest '{sourceName}' fails its checksum: recorded {checksum}, content gives {expected}");
            }

            return manifest;
        }
    }

    /// <summary>Hex SHA-256 helper shared by writers and the verifier.</summary>
    internal static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
