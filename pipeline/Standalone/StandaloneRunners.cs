using Corpus.Core.Configuration;
using Corpus.Dedup;
using Corpus.Pipeline.Build;
using Corpus.Pipeline.Execution;
using Corpus.Pipeline.Phases;
using Corpus.Pipeline.Storage;

namespace Corpus.Pipeline.Standalone;

/// <summary>How a standalone filter or dedup run ended.</summary>
/// <param name="Kept">Documents written.</param>
/// <param name="Removed">Documents removed, by reason.</param>
/// <param name="BadLines">JSONL lines that were not documents (reported and skipped).</param>
public sealed record StandaloneResult(long Kept, IReadOnlyDictionary<string, long> Removed, long BadLines);

/// <summary>
/// <c>corpus filter</c> and <c>corpus dedup</c> outside a build: documents in a <c>.jsonl</c> or
/// <c>.parquet</c> file (a JSONL line needs only id and text) through the same filter and dedup steps
/// the build runs, into a file of the same kinds.
/// </summary>
public static class StandaloneRunners
{
    /// <summary>Filters <paramref name="input"/> into <paramref name="output"/> with the config's filters and decontamination sections.</summary>
    public static async Task<StandaloneResult> FilterAsync(string input, string output, BuildConfig config, Action<string>? onReject = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        Check(input, output);
        var filter = new DocumentFilter(config.Filters, config.Classify, BuildRunner.LoadEvalSets(config.Decontamination), config.Limits.DocumentSeconds);
        var removed = new SortedDictionary<string, long>(StringComparer.Ordinal);
        long kept = 0, bad = 0;
        var tmp = AtomicFile.TempPathOf(output);
        await using (var sink = DocumentFileSink.Create(tmp, DocumentFileSource.IsJsonl(output)))
        {
            await foreach (var row in DocumentFileSource.ReadAsync(input, (n, why) => { bad++; onReject?.Invoke($"{input} line {n}: {why}"); }, ct).ConfigureAwait(false))
            {
                if (filter.Apply(row) is { } reject)
                {
                    removed[reject.Reason] = removed.GetValueOrDefault(reject.Reason) + 1;
                    onReject?.Invoke($"{row.Id}: {reject.Reason}: {reject.Detail}");
                    continue;
                }

                kept++;
                await sink.WriteAsync(row, ct).ConfigureAwait(false);
            }
        }

        AtomicFile.Commit(tmp, output);
        return new StandaloneResult(kept, removed, bad);
    }

    /// <summary>Deduplicates <paramref name="input"/> into <paramref name="output"/>; clusters (keeper_id, member_id, reason) go to <paramref name="clustersFile"/> when given.</summary>
    public static async Task<StandaloneResult> DedupAsync(string input, string output, BuildConfig config, string? clustersFile = null, Action<string>? onReject = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        Check(input, output);
        var bad = 0L;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var documents = DocumentFileSource.ReadAsync(input, (n, why) => { bad++; onReject?.Invoke($"{input} line {n}: {why}"); }, ct)
            .ToBlockingEnumerable(ct)
            .Where(r => seen.Add(r.Id))
            .Select(r => new DedupDocument(r.Id, r.Text, r.Scores.GetValueOrDefault("quality")));
        var result = Deduplicator.Run(documents, new DedupOptions
        {
            Fuzzy = config.Dedup.Fuzzy,
            Bands = config.Dedup.Bands,
            RowsPerBand = config.Dedup.RowsPerBand,
            MinSimilarity = config.Dedup.MinSimilarity,
        }, ct);
        var decisions = result.Decisions.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var removed = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var emitted = new HashSet<string>(StringComparer.Ordinal);
        long kept = 0;
        var tmp = AtomicFile.TempPathOf(output);
        await using (var sink = DocumentFileSink.Create(tmp, DocumentFileSource.IsJsonl(output)))
        {
            await foreach (var row in DocumentFileSource.ReadAsync(input, null, ct).ConfigureAwait(false))
            {
                if (decisions[row.Id].Kept && emitted.Add(row.Id))
                {
                    kept++;
                    await sink.WriteAsync(row, ct).ConfigureAwait(false);
                    continue;
                }

                var reason = DedupOutputs.RemovalReason(decisions[row.Id]);
                removed[reason] = removed.GetValueOrDefault(reason) + 1;
            }
        }

        AtomicFile.Commit(tmp, output);
        if (clustersFile is not null)
        {
            await DedupOutputs.WriteClustersAsync(clustersFile, result, decisions, ct).ConfigureAwait(false);
        }

        return new StandaloneResult(kept, removed, bad);
    }

    private static void Check(string input, string output)
    {
        if (!File.Exists(input))
        {
            throw new BuildException($"input '{input}' does not exist");
        }

        foreach (var (path, what) in new[] { (input, "input"), (output, "output") })
        {
            if (!path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
            {
                throw new BuildException($"{what} '{path}' must end in .jsonl or .parquet");
            }
        }
    }
}
