using System.Text.Json;

namespace Corpus.Shards.Manifests;

/// <summary>Strict reading of the manifest's JSON: every key present, no unknown key, right types.</summary>
internal sealed class ManifestJsonReader(string sourceName)
{
    private static readonly string[] RootKeys = ["format", "config_sha256", "tokenizer_sha256", "seed", "end_of_text_id", "totals", "files", "token_counts", "checksum"];
    private static readonly string[] TotalsKeys = ["documents", "tokens"];
    private static readonly string[] FileKeys = ["path", "sha256", "bytes", "documents", "tokens"];
    private static readonly string[] CountKeys = ["stage", "split", "language", "domain", "source", "documents", "tokens"];

    public (Manifest Manifest, string Checksum) Read(JsonElement root)
    {
        ExpectKeys(root, RootKeys, "the top level");
        var format = String(root, "format", "the top level");
        if (format != Manifest.FormatName)
        {
            throw Fault($"has format '{format}', expected '{Manifest.FormatName}'");
        }

        var totals = root.GetProperty("totals");
        ExpectKeys(totals, TotalsKeys, "totals");
        var files = Array(root, "files").Select((f, i) =>
        {
            var where = $"files[{i}]";
            ExpectKeys(f, FileKeys, where);
            return new ManifestFile(String(f, "path", where), String(f, "sha256", where), Int64(f, "bytes", where), Int64(f, "documents", where), Int64(f, "tokens", where));
        }).ToArray();
        var counts = Array(root, "token_counts").Select((c, i) =>
        {
            var where = $"token_counts[{i}]";
            ExpectKeys(c, CountKeys, where);
            return new ManifestTokenCount(String(c, "stage", where), String(c, "language", where), String(c, "domain", where), String(c, "source", where), Int64(c, "documents", where), Int64(c, "tokens", where)) { Split = String(c, "split", where) };
        }).ToArray();

        var manifest = new Manifest
        {
            ConfigSha256 = String(root, "config_sha256", "the top level"),
            TokenizerSha256 = String(root, "tokenizer_sha256", "the top level"),
            Seed = Int64(root, "seed", "the top level"),
            EndOfTextId = checked((int)Int64(root, "end_of_text_id", "the top level")),
            Totals = new ManifestTotals(Int64(totals, "documents", "totals"), Int64(totals, "tokens", "totals")),
            Files = files,
            TokenCounts = counts,
        };
        return (manifest, String(root, "checksum", "the top level"));
    }

    private void ExpectKeys(JsonElement element, string[] keys, string where)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Fault($"has {element.ValueKind} at {where}, expected an object");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!keys.Contains(property.Name, StringComparer.Ordinal))
            {
                throw Fault($"has an unknown key '{property.Name}' in {where}");
            }

            if (!seen.Add(property.Name))
            {
                throw Fault($"repeats the key '{property.Name}' in {where}");
            }
        }

        foreach (var key in keys)
        {
            if (!seen.Contains(key))
            {
                throw Fault($"misses the key '{key}' in {where}");
            }
        }
    }

    private JsonElement[] Array(JsonElement element, string key)
    {
        var value = element.GetProperty(key);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Fault($"has {value.ValueKind} for '{key}', expected an array");
        }

        return value.EnumerateArray().ToArray();
    }

    private string String(JsonElement element, string key, string where)
    {
        var value = element.GetProperty(key);
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Fault($"has {value.ValueKind} for '{key}' in {where}, expected a string");
    }

    private long Int64(JsonElement element, string key, string where)
    {
        var value = element.GetProperty(key);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n)
            ? n
            : throw Fault($"has {value.ValueKind} '{value.GetRawText()}' for '{key}' in {where}, expected an integer");
    }

    private InvalidDataException Fault(string fault) => new($"manifest '{sourceName}' {fault}");
}
