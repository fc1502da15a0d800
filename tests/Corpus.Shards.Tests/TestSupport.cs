using Corpus.Shards.Manifests;

namespace Corpus.Shards.Tests;

/// <summary>A directory under the temp folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "corpus-shards-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string this[string relative] => System.IO.Path.Combine(Path, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

internal static class Docs
{
    /// <summary>Qwen's <c>&lt;|endoftext|&gt;</c> id, as a realistic value.</summary>
    public const int EndOfText = 151643;

    private static readonly string[] Languages = ["arb_Arab", "cmn_Hans", "eng_Latn"];
    private static readonly string[] Sources = ["file", "web"];
    private static readonly string[] Domains = ["math", "unknown"];

    /// <summary>Documents with seeded random tokens, each ending with <see cref="EndOfText"/>.</summary>
    public static List<ShardDocument> Random(int seed, int count, int minTokens = 1, int maxTokens = 300)
    {
        var random = new Random(seed);
        var docs = new List<ShardDocument>(count);
        for (var i = 0; i < count; i++)
        {
            var tokens = new int[random.Next(minTokens, maxTokens + 1)];
            for (var t = 0; t < tokens.Length - 1; t++)
            {
                tokens[t] = random.Next(0, EndOfText);
            }

            tokens[^1] = EndOfText;
            docs.Add(new ShardDocument(
                $"{seed:x4}{i:x8}",
                Languages[random.Next(Languages.Length)],
                Sources[random.Next(Sources.Length)],
                Domains[random.Next(Domains.Length)],
                tokens));
        }

        return docs;
    }

    /// <summary>A document of exactly <paramref name="tokens"/> tokens (the last being the end-of-text id).</summary>
    public static ShardDocument OfLength(string id, int tokens)
    {
        var ids = Enumerable.Range(1, tokens).ToArray();
        ids[^1] = EndOfText;
        return new ShardDocument(id, "eng_Latn", "file", "unknown", ids);
    }
}

internal static class Shards
{
    public static async Task<IReadOnlyList<ShardFile>> WriteAsync(
        string directory,
        IEnumerable<ShardDocument> docs,
        long maxShardBytes = ShardSetOptions.DefaultMaxShardBytes,
        ShardFormats formats = ShardFormats.All,
        int parquetRowGroupDocuments = 8192,
        string baseName = "part-00003")
    {
        await using var writer = ShardSetWriter.Create(new ShardSetOptions
        {
            OutputDirectory = directory,
            BaseName = baseName,
            EndOfTextId = Docs.EndOfText,
            MaxShardBytes = maxShardBytes,
            Formats = formats,
            ParquetRowGroupDocuments = parquetRowGroupDocuments,
        });
        foreach (var doc in docs)
        {
            await writer.AddAsync(doc);
        }

        return await writer.CompleteAsync();
    }

    /// <summary>A whole build output: <c>shards/s1</c> and <c>shards/s2</c> plus <c>manifest.json</c>.</summary>
    public static async Task<Manifest> WriteOutputAsync(string outputDir, int seed = 7, int endOfTextIdInManifest = Docs.EndOfText)
    {
        var s1 = await WriteAsync(Path.Combine(outputDir, "shards", "s1"), Docs.Random(seed, 40), maxShardBytes: 8_000, baseName: "part-00000");
        var s2 = await WriteAsync(Path.Combine(outputDir, "shards", "s2"), Docs.Random(seed + 1, 10), baseName: "part-00000");
        var manifest = new ManifestBuilder(new string('a', 64), new string('b', 64), seed, endOfTextIdInManifest)
            .AddShards("s1", "shards/s1", s1)
            .AddShards("s2", "shards/s2", s2)
            .Build();
        await ManifestWriter.WriteAsync(manifest, Path.Combine(outputDir, "manifest.json"));
        return manifest;
    }
}
