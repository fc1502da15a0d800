using Corpus.Core.Configuration;
using Corpus.Pipeline.Execution;
using Corpus.Pipeline.Phases;
using Corpus.Pipeline.Storage;

namespace Corpus.Pipeline.Tests.Phases;

public sealed class DedupPhasesTests : IDisposable
{
    private const int Parts = 3;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "corpus-dedup-phases-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>Three filtered parts: bases, light edits and case/spacing copies spread over the parts, unrelated documents, and one id seen in two parts.</summary>
    private static List<DocumentRow>[] FilteredParts()
    {
        var random = new Random(11);
        var vocabulary = Enumerable.Range(0, 1500).Select(_ => new string([.. Enumerable.Range(0, random.Next(3, 9)).Select(_ => (char)('a' + random.Next(26)))])).ToArray();
        string[] Words(int n) => [.. Enumerable.Range(0, n).Select(_ => vocabulary[random.Next(vocabulary.Length)])];
        var parts = Enumerable.Range(0, Parts).Select(_ => new List<DocumentRow>()).ToArray();
        void Add(int part, string id, string text, double quality) =>
            parts[part].Add(new DocumentRow { Id = id, SourceUri = "http://example.test/" + id, SourceKind = "file", ContentType = "text/plain", Text = text, Scores = new() { ["quality"] = quality } });

        for (int i = 0; i < 40; i++)
        {
            var words = Words(250);
            var near = (string[])words.Clone();
            near[random.Next(near.Length)] = vocabulary[random.Next(vocabulary.Length)];
            near[random.Next(near.Length)] = vocabulary[random.Next(vocabulary.Length)];
            Add(i % Parts, $"base-{i:D3}", string.Join(' ', words), 0.5);
            Add((i + 1) % Parts, $"near-{i:D3}", string.Join(' ', near), i % 2 == 0 ? 0.9 : 0.1);
            Add((i + 2) % Parts, $"exact-{i:D3}", string.Join("  ", words).ToUpperInvariant(), 0.5);
            Add(i % Parts, $"other-{i:D3}", string.Join(' ', Words(250)), 0.5);
        }

        Add(2, "base-000", parts[0][0].Text, 0.5); // the same document again, in another part
        return parts;
    }

    /// <summary>
    /// Runs dedup-sign, dedup-bands (in <paramref name="bandTasks"/> tasks, reversed when asked) and
    /// dedup into a fresh output folder; with <paramref name="twice"/> every sign and bands task runs
    /// a second time, as a retried attempt would. Returns the folder.
    /// </summary>
    private async Task<string> RunAsync(string name, int bandTasks, bool reverse, bool twice = false)
    {
        var output = Path.Combine(_root, name);
        var parts = FilteredParts();
        Directory.CreateDirectory(Path.Combine(output, BuildLayout.FilteredDir));
        Directory.CreateDirectory(Path.Combine(output, BuildLayout.RejectsDir));
        for (int p = 0; p < Parts; p++)
        {
            await using var writer = new ParquetPartWriter<DocumentRow>(FilterTaskExecutor.FilteredPartPath(output, p), r => r.Text.Length * 2L + 256);
            foreach (var row in parts[p])
            {
                await writer.AddAsync(row, CancellationToken.None);
            }

            await writer.CompleteAsync(CancellationToken.None);
        }

        var config = new DedupConfig();
        var ledger = new TaskLedger(output);
        Func<int, string> filtered = i => FilterTaskExecutor.FilteredPartPath(output, i);
        var sign = new DedupSignTaskExecutor(output, config, filtered, 2, ledger);
        foreach (int p in reverse ? Enumerable.Range(0, Parts).Reverse() : Enumerable.Range(0, Parts))
        {
            for (int attempt = twice ? 2 : 1; attempt > 0; attempt--)
            {
                await sign.ExecuteAsync(new PhaseTask(DedupSignTaskExecutor.Phase, p, PhaseTask.NameOf(p)), CancellationToken.None);
            }
        }

        var bands = new DedupBandsTaskExecutor(output, config, Parts, bandTasks, 2, ledger);
        foreach (int k in reverse ? Enumerable.Range(0, bandTasks).Reverse() : Enumerable.Range(0, bandTasks))
        {
            for (int attempt = twice ? 2 : 1; attempt > 0; attempt--)
            {
                await bands.ExecuteAsync(new PhaseTask(DedupBandsTaskExecutor.Phase, k, PhaseTask.NameOf(k)), CancellationToken.None);
            }
        }

        var dedup = new DedupTaskExecutor(output, filtered, Parts, bandTasks, ledger);
        await dedup.ExecuteAsync(new PhaseTask(DedupTaskExecutor.Phase, 0, PhaseTask.NameOf(0)), CancellationToken.None);
        return output;
    }

    private static Dictionary<string, byte[]> Outputs(string output) =>
        Directory.EnumerateFiles(Path.Combine(output, BuildLayout.DedupDir), "*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(output, BuildLayout.RejectsDir)))
            .ToDictionary(f => Path.GetRelativePath(output, f), File.ReadAllBytes);

    [Fact]
    public async Task Kept_parts_clusters_and_rejects_are_the_same_bytes_whatever_the_band_task_count_order_or_retries()
    {
        var one = Outputs(await RunAsync("one", 1, reverse: false));
        var perBand = Outputs(await RunAsync("per-band", new DedupConfig().Bands, reverse: true));
        var three = Outputs(await RunAsync("three", 3, reverse: true, twice: true));

        one.Keys.Should().BeEquivalentTo(
            [.. Enumerable.Range(0, Parts).SelectMany(i => new[] { Path.Combine("dedup", "kept", PhaseTask.NameOf(i) + ".parquet"), Path.Combine("rejects", $"part-dedup-{i:D5}.parquet") }), Path.Combine("dedup", "clusters.parquet")]);
        foreach (var other in new[] { perBand, three })
        {
            other.Keys.Should().BeEquivalentTo(one.Keys);
            foreach (var (path, bytes) in one)
            {
                other[path].Should().Equal(bytes, $"{path} does not depend on how the bands are split");
            }
        }
    }

    [Fact]
    public async Task Dedup_keeps_one_per_cluster_rejects_the_repeated_id_and_removes_its_work_folder()
    {
        var output = await RunAsync("build", 2, reverse: false);
        Directory.Exists(DedupWork.Dir(output)).Should().BeFalse();
        var entry = new TaskLedger(output).Read<DedupLedgerEntry>(DedupTaskExecutor.Phase, 0);
        entry.Should().Be(new DedupLedgerEntry(80, 81, 40));

        var kept = new List<string>();
        for (int i = 0; i < Parts; i++)
        {
            await foreach (var row in ParquetPartReader.ReadAsync<DocumentRow>(DedupTaskExecutor.KeptPartPath(output, i)))
            {
                kept.Add(row.Id);
            }
        }

        var rejects = new List<RejectRow>();
        for (int i = 0; i < Parts; i++)
        {
            await foreach (var row in ParquetPartReader.ReadAsync<RejectRow>(Path.Combine(output, BuildLayout.RejectsDir, $"part-dedup-{i:D5}.parquet")))
            {
                rejects.Add(row);
            }
        }

        kept.Should().OnlyHaveUniqueItems().And.HaveCount(80).And.Contain("near-000").And.Contain("base-001");
        rejects.Where(r => r.Id == "base-000").Select(r => (r.Reason, r.Detail)).Should().Equal(("near-duplicate", "duplicate of near-000"), ("near-duplicate", "duplicate of near-000")); // and its copy
        rejects.Where(r => r.Id == "exact-000").Should().ContainSingle().Which.Reason.Should().Be("near-duplicate");
        rejects.Where(r => r.Id == "exact-001").Should().ContainSingle().Which.Reason.Should().Be("exact-duplicate");
        rejects.Where(r => r.Id == "near-001").Should().ContainSingle().Which.Reason.Should().Be("near-duplicate");
    }
}
