namespace Corpus.Shards.Manifests;

/// <summary>
/// Gathers the <see cref="ShardFile"/>s of each stage into a <see cref="Manifest"/>: file paths made
/// relative to the build output folder, token counts and totals counting each document once (per
/// shard, not per format).
/// </summary>
public sealed class ManifestBuilder
{
    private readonly string _configSha256;
    private readonly string _tokenizerSha256;
    private readonly long _seed;
    private readonly int _endOfTextId;
    private readonly List<ManifestFile> _files = [];
    private readonly Dictionary<(string Stage, string Split, string Language, string Domain, string Source), (long Documents, long Tokens)> _counts = [];

    /// <summary>Starts a manifest for a build.</summary>
    public ManifestBuilder(string configSha256, string tokenizerSha256, long seed, int endOfTextId)
    {
        ArgumentNullException.ThrowIfNull(configSha256);
        ArgumentNullException.ThrowIfNull(tokenizerSha256);
        _configSha256 = configSha256;
        _tokenizerSha256 = tokenizerSha256;
        _seed = seed;
        _endOfTextId = endOfTextId;
    }

    /// <summary>
    /// Adds the files a <see cref="ShardSetWriter"/> wrote for <paramref name="stage"/> into
    /// <paramref name="directory"/>, given relative to the output folder with '/' separators
    /// (e.g. <c>shards/s1/train</c>), counted under <paramref name="split"/>.
    /// </summary>
    public ManifestBuilder AddShards(string stage, string directory, IEnumerable<ShardFile> files, string split = "train")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(split);
        ArgumentException.ThrowIfNullOrWhiteSpace(stage);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(files);
        var prefix = directory.Replace('\\', '/').Trim('/');
        var counted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            _files.Add(new ManifestFile(prefix.Length == 0 ? file.Path : prefix + "/" + file.Path, file.Sha256, file.Bytes, file.Documents, file.Tokens));
            if (!counted.Add(prefix + "/" + file.Shard))
            {
                continue;
            }

            foreach (var count in file.Counts)
            {
                var key = (stage, split, count.Language, count.Domain, count.Source);
                _counts.TryGetValue(key, out var sum);
                _counts[key] = (sum.Documents + count.Documents, sum.Tokens + count.Tokens);
            }
        }

        return this;
    }

    /// <summary>The manifest of everything added so far.</summary>
    public Manifest Build()
    {
        var counts = _counts
            .Select(c => new ManifestTokenCount(c.Key.Stage, c.Key.Language, c.Key.Domain, c.Key.Source, c.Value.Documents, c.Value.Tokens) { Split = c.Key.Split })
            .OrderBy(c => c.Stage, StringComparer.Ordinal)
            .ThenBy(c => c.Split, StringComparer.Ordinal)
            .ThenBy(c => c.Language, StringComparer.Ordinal)
            .ThenBy(c => c.Domain, StringComparer.Ordinal)
            .ThenBy(c => c.Source, StringComparer.Ordinal)
            .ToArray();
        return new Manifest
        {
            ConfigSha256 = _configSha256,
            TokenizerSha256 = _tokenizerSha256,
            Seed = _seed,
            EndOfTextId = _endOfTextId,
            Totals = new ManifestTotals(counts.Sum(c => c.Documents), counts.Sum(c => c.Tokens)),
            Files = _files.OrderBy(f => f.Path, StringComparer.Ordinal).ToArray(),
            TokenCounts = counts,
        };
    }
}
