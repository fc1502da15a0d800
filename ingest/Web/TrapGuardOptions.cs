namespace Corpus.Ingest.Web;

/// <summary>Limits of a <see cref="TrapGuard"/>.</summary>
public sealed record TrapGuardOptions
{
    /// <summary>Longest URL accepted, in characters.</summary>
    public int MaxUrlLength { get; init; } = 2048;

    /// <summary>How many times in a row a run of path segments may appear (<c>/a/b/a/b/a/b</c> is a run of 2 appearing 3 times).</summary>
    public int MaxConsecutiveRepeats { get; init; } = 2;

    /// <summary>How many times one path segment may appear anywhere in a path.</summary>
    public int MaxSegmentOccurrences { get; init; } = 3;

    /// <summary>Most query parameters in one URL.</summary>
    public int MaxQueryParameters { get; init; } = 12;

    /// <summary>Most distinct queries crawled for one host and path.</summary>
    public int MaxQueryVariantsPerPath { get; init; } = 50;
}
