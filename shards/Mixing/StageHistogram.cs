namespace Corpus.Shards.Mixing;

/// <summary>
/// A stage's eligible training documents counted by cell and draw bucket: all that mixing needs to
/// decide every document's copies, in memory bounded by cells × 4,096 buckets whatever the corpus
/// size. Tasks count their own part; the parts merge by addition, so the order of tasks does not matter.
/// </summary>
public sealed class StageHistogram
{
    private readonly SortedDictionary<MixCell, SortedDictionary<int, (long Documents, long Tokens)>> _cells = [];

    /// <summary>Counts one document of <paramref name="tokens"/> tokens in <paramref name="cell"/> at draw bucket <paramref name="bucket"/>.</summary>
    public void Add(MixCell cell, int bucket, long documents, long tokens)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentOutOfRangeException.ThrowIfNegative(bucket);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(bucket, MixingHash.Buckets);
        if (!_cells.TryGetValue(cell, out var buckets))
        {
            _cells[cell] = buckets = [];
        }

        buckets.TryGetValue(bucket, out var sum);
        buckets[bucket] = (sum.Documents + documents, sum.Tokens + tokens);
    }

    /// <summary>Adds every count of <paramref name="entries"/>.</summary>
    public void AddRange(IEnumerable<StageHistogramEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var e in entries)
        {
            Add(new MixCell(e.Language, e.Domain, e.Source, e.Length), e.Bucket, e.Documents, e.Tokens);
        }
    }

    /// <summary>The cells counted, in ordinal order.</summary>
    public IEnumerable<MixCell> Cells => _cells.Keys;

    /// <summary>A cell's non-empty buckets in ascending order.</summary>
    public IEnumerable<(int Bucket, long Documents, long Tokens)> BucketsOf(MixCell cell) =>
        _cells.TryGetValue(cell, out var b) ? b.Select(kv => (kv.Key, kv.Value.Documents, kv.Value.Tokens)) : [];

    /// <summary>Documents and tokens of a cell.</summary>
    public (long Documents, long Tokens) TotalOf(MixCell cell) =>
        _cells.TryGetValue(cell, out var b) ? (b.Values.Sum(v => v.Documents), b.Values.Sum(v => v.Tokens)) : (0, 0);

    /// <summary>The counts as flat entries, sorted by cell then bucket (for a task ledger).</summary>
    public IReadOnlyList<StageHistogramEntry> ToEntries() =>
        [.. _cells.SelectMany(c => c.Value.Select(b => new StageHistogramEntry(c.Key.Language, c.Key.Domain, c.Key.Source, c.Key.Length, b.Key, b.Value.Documents, b.Value.Tokens)))];
}

/// <summary>One (cell, bucket) count of a <see cref="StageHistogram"/>.</summary>
public sealed record StageHistogramEntry(string Language, string Domain, string Source, string Length, int Bucket, long Documents, long Tokens);
