using System.Security.Cryptography;
using Corpus.Shards.Manifests;
using Corpus.Shards.Megatron;
using Corpus.Shards.ParquetFormat;
using Parquet;

namespace Corpus.Shards.Verification;

/// <summary>
/// Checks a build's output folder against its <c>manifest.json</c>: every listed file present with
/// its size and SHA-256 (hashed in chunks), no unlisted shard file under <c>shards/</c>, every
/// <c>.idx</c> parsed strictly against its <c>.bin</c> with every document ending in the recorded
/// end-of-text id, every <c>.parquet</c> holding the listed documents and tokens, every
/// <c>.packed.parquet</c> holding well-formed packed sequences, and totals that add up.
/// Never loads a whole shard.
/// </summary>
public static class ShardVerifier
{
    /// <summary>The manifest's file name in the output folder.</summary>
    public const string ManifestFileName = "manifest.json";

    private const string ShardsFolder = "shards";
    private const int MaxEndOfTextFaultsPerFile = 5;
    private static readonly string[] ShardExtensions = [".bin", ".idx", ".parquet"];

    /// <summary>Verifies <paramref name="outputDir"/>; blocks on the Parquet reads.</summary>
    public static ShardVerificationResult Verify(string outputDir) =>
        VerifyAsync(outputDir).AsTask().GetAwaiter().GetResult();

    /// <summary>Verifies <paramref name="outputDir"/>.</summary>
    public static async ValueTask<ShardVerificationResult> VerifyAsync(string outputDir, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outputDir);
        var faults = new List<ShardVerificationFault>();
        var manifest = ReadManifest(outputDir, faults);
        if (manifest is null)
        {
            return new ShardVerificationResult(faults);
        }

        var listed = CheckListing(manifest, faults);
        CheckTotals(manifest, faults);

        var intact = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in listed.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (CheckFile(outputDir, file, faults))
            {
                intact.Add(file.Path);
            }
        }

        CheckUnlisted(outputDir, listed, faults);

        foreach (var idx in listed.Values.Where(f => IsShard(f.Path, ".idx")))
        {
            cancellationToken.ThrowIfCancellationRequested();
            CheckMegatron(outputDir, idx, listed, intact, manifest.EndOfTextId, faults);
        }

        foreach (var parquet in listed.Values.Where(f => IsShard(f.Path, ".parquet")))
        {
            if (!File.Exists(FullPath(outputDir, parquet.Path)))
            {
                continue;
            }

            if (IsPacked(parquet.Path))
            {
                await PackedParquetVerifier.CheckAsync(FullPath(outputDir, parquet.Path), parquet, manifest.EndOfTextId, faults, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await CheckParquetAsync(outputDir, parquet, faults, cancellationToken).ConfigureAwait(false);
            }
        }

        return new ShardVerificationResult(faults);
    }

    private static Manifest? ReadManifest(string outputDir, List<ShardVerificationFault> faults)
    {
        var path = Path.Combine(outputDir, ManifestFileName);
        if (!File.Exists(path))
        {
            faults.Add(new(ManifestFileName, "missing"));
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        Manifest manifest;
        try
        {
            manifest = Manifest.Parse(bytes, ManifestFileName);
        }
        catch (InvalidDataException e)
        {
            faults.Add(new(ManifestFileName, e.Message));
            return null;
        }

        if (!ManifestWriter.ToUtf8Bytes(manifest).AsSpan().SequenceEqual(bytes))
        {
            faults.Add(new(ManifestFileName, "is not in canonical form (key order, indentation, sorting or line ends differ from what ManifestWriter writes)"));
        }

        return manifest;
    }

    private static SortedDictionary<string, ManifestFile> CheckListing(Manifest manifest, List<ShardVerificationFault> faults)
    {
        var listed = new SortedDictionary<string, ManifestFile>(StringComparer.Ordinal);
        foreach (var file in manifest.Files)
        {
            var path = file.Path;
            if (path.Length == 0 || path.StartsWith('/') || path.Contains('\\', StringComparison.Ordinal) || path.Split('/').Any(s => s is "" or "." or ".."))
            {
                faults.Add(new(ManifestFileName, $"lists '{path}', which is not a relative '/'-separated path inside the output folder"));
            }
            else if (string.Equals(path, ManifestFileName, StringComparison.Ordinal))
            {
                faults.Add(new(ManifestFileName, "lists itself"));
            }
            else if (!listed.TryAdd(path, file))
            {
                faults.Add(new(ManifestFileName, $"lists '{path}' twice"));
            }
        }

        return listed;
    }

    private static void CheckTotals(Manifest manifest, List<ShardVerificationFault> faults)
    {
        var documents = manifest.TokenCounts.Sum(c => c.Documents);
        var tokens = manifest.TokenCounts.Sum(c => c.Tokens);
        if (manifest.Totals.Documents != documents || manifest.Totals.Tokens != tokens)
        {
            faults.Add(new(ManifestFileName, $"totals say {manifest.Totals.Documents} documents and {manifest.Totals.Tokens} tokens but token_counts add up to {documents} and {tokens}"));
        }

        var stages = manifest.TokenCounts.Select(c => c.Stage)
            .Concat(manifest.Files.Select(f => StageOf(f.Path)).OfType<string>())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (var stage in stages)
        {
            var stageDocuments = manifest.TokenCounts.Where(c => c.Stage == stage).Sum(c => c.Documents);
            var stageTokens = manifest.TokenCounts.Where(c => c.Stage == stage).Sum(c => c.Tokens);
            foreach (var extension in ShardExtensions)
            {
                var files = manifest.Files.Where(f => StageOf(f.Path) == stage && f.Path.EndsWith(extension, StringComparison.Ordinal) && !IsPacked(f.Path)).ToArray();
                if (files.Length == 0)
                {
                    continue;
                }

                var fileDocuments = files.Sum(f => f.Documents);
                var fileTokens = files.Sum(f => f.Tokens);
                if (fileDocuments != stageDocuments || fileTokens != stageTokens)
                {
                    faults.Add(new(ManifestFileName, $"stage '{stage}': the {extension} files hold {fileDocuments} documents and {fileTokens} tokens but token_counts say {stageDocuments} and {stageTokens}"));
                }
            }

            // Packed sequences hold every document's tokens once, a split document as several segments.
            var packed = manifest.Files.Where(f => StageOf(f.Path) == stage && IsPacked(f.Path)).ToArray();
            if (packed.Length > 0)
            {
                var segments = packed.Sum(f => f.Documents);
                var packedTokens = packed.Sum(f => f.Tokens);
                if (packedTokens != stageTokens || segments < stageDocuments)
                {
                    faults.Add(new(ManifestFileName, $"stage '{stage}': the {PackedParquetVerifier.Suffix} files hold {segments} segments and {packedTokens} tokens but token_counts say {stageDocuments} documents and {stageTokens} tokens"));
                }
            }
        }
    }

    private static bool CheckFile(string outputDir, ManifestFile file, List<ShardVerificationFault> faults)
    {
        var full = FullPath(outputDir, file.Path);
        if (!File.Exists(full))
        {
            faults.Add(new(file.Path, "listed in the manifest but missing"));
            return false;
        }

        using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        if (stream.Length != file.Bytes)
        {
            faults.Add(new(file.Path, $"is {stream.Length} bytes, the manifest says {file.Bytes}"));
            return false;
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(stream));
        if (!string.Equals(sha, file.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            faults.Add(new(file.Path, $"has sha256 {sha}, the manifest says {file.Sha256}"));
            return false;
        }

        return true;
    }

    private static void CheckUnlisted(string outputDir, SortedDictionary<string, ManifestFile> listed, List<ShardVerificationFault> faults)
    {
        var shards = Path.Combine(outputDir, ShardsFolder);
        if (!Directory.Exists(shards))
        {
            return;
        }

        var found = Directory.EnumerateFiles(shards, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(outputDir, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => ShardExtensions.Any(e => f.EndsWith(e, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal);
        foreach (var path in found)
        {
            if (!listed.ContainsKey(path))
            {
                faults.Add(new(path, "is a shard file the manifest does not list"));
            }
        }
    }

    private static void CheckMegatron(string outputDir, ManifestFile idx, SortedDictionary<string, ManifestFile> listed, HashSet<string> intact, int endOfTextId, List<ShardVerificationFault> faults)
    {
        var binPath = idx.Path[..^".idx".Length] + ".bin";
        if (!File.Exists(FullPath(outputDir, idx.Path)))
        {
            return;
        }

        if (!listed.TryGetValue(binPath, out var bin))
        {
            faults.Add(new(idx.Path, $"has no companion {binPath} in the manifest"));
            return;
        }

        if (!File.Exists(FullPath(outputDir, binPath)))
        {
            return; // reported as missing already
        }

        MegatronIndexedDataset dataset;
        try
        {
            dataset = MegatronIndexedDataset.Open(FullPath(outputDir, idx.Path), FullPath(outputDir, binPath));
        }
        catch (InvalidDataException e)
        {
            faults.Add(new(idx.Path, e.Message));
            return;
        }

        using (dataset)
        {
            if (dataset.DocumentCount != dataset.SequenceCount)
            {
                faults.Add(new(idx.Path, $"has {dataset.DocumentCount} documents over {dataset.SequenceCount} sequences; shards hold one sequence per document"));
            }

            if (dataset.SequenceCount != idx.Documents || dataset.TokenCount != idx.Tokens)
            {
                faults.Add(new(idx.Path, $"indexes {dataset.SequenceCount} documents and {dataset.TokenCount} tokens, the manifest says {idx.Documents} and {idx.Tokens}"));
            }

            if (dataset.SequenceCount != bin.Documents || dataset.TokenCount != bin.Tokens)
            {
                faults.Add(new(bin.Path, $"holds {dataset.SequenceCount} documents and {dataset.TokenCount} tokens by its index, the manifest says {bin.Documents} and {bin.Tokens}"));
            }

            // An index that failed its own hash is the one at fault; its pointers say nothing of the .bin.
            if (!intact.Contains(idx.Path))
            {
                return;
            }

            var reported = 0;
            for (var i = 0; i < dataset.SequenceCount && reported < MaxEndOfTextFaultsPerFile; i++)
            {
                var last = dataset.GetLastToken(i);
                if (last != endOfTextId)
                {
                    faults.Add(new(bin.Path, $"document {i} ends with {(last is null ? "nothing (empty)" : $"token {last}")}, not the end-of-text id {endOfTextId}"));
                    reported++;
                }
            }
        }
    }

    private static async ValueTask CheckParquetAsync(string outputDir, ManifestFile file, List<ShardVerificationFault> faults, CancellationToken cancellationToken)
    {
        try
        {
            var reader = await ParquetReader.CreateAsync(FullPath(outputDir, file.Path), ParquetShardWriter.WriterOptions, cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var fields = reader.Schema.Fields.Select(f => f.Name).ToArray();
                string[] expected = ["id", "tokens", "token_count", "language", "source"];
                if (!fields.SequenceEqual(expected, StringComparer.Ordinal))
                {
                    faults.Add(new(file.Path, $"has columns [{string.Join(", ", fields)}], expected [{string.Join(", ", expected)}]"));
                    return;
                }

                var tokenCount = reader.Schema.DataFields.Single(f => f.Name == "token_count");
                long rows = 0;
                long tokens = 0;
                for (var g = 0; g < reader.RowGroupCount; g++)
                {
                    var rowGroup = reader.OpenRowGroupReader(g);
                    var counts = new int[rowGroup.RowCount];
                    await rowGroup.ReadAsync<int>(tokenCount, counts, null, cancellationToken).ConfigureAwait(false);
                    rows += counts.Length;
                    foreach (var count in counts)
                    {
                        tokens += count;
                    }
                }

                if (rows != file.Documents || tokens != file.Tokens)
                {
                    faults.Add(new(file.Path, $"holds {rows} documents and {tokens} tokens, the manifest says {file.Documents} and {file.Tokens}"));
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            faults.Add(new(file.Path, $"cannot be read as Parquet: {e.Message}"));
        }
    }

    private static bool IsPacked(string path) => path.EndsWith(PackedParquetVerifier.Suffix, StringComparison.Ordinal);

    private static bool IsShard(string path, string extension) =>
        StageOf(path) is not null && path.EndsWith(extension, StringComparison.Ordinal);

    /// <summary>The stage of <c>shards/&lt;stage&gt;/…</c>, or null for a path outside <c>shards/</c>.</summary>
    private static string? StageOf(string path)
    {
        var parts = path.Split('/');
        return parts.Length >= 3 && parts[0] == ShardsFolder ? parts[1] : null;
    }

    private static string FullPath(string outputDir, string relative) => Path.Combine(outputDir, relative.Replace('/', Path.DirectorySeparatorChar));
}
