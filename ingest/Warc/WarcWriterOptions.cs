namespace Corpus.Ingest.Warc;

/// <summary>Options of <see cref="WarcWriter.Create"/>.</summary>
public sealed record WarcWriterOptions
{
    /// <summary>Folder the WARC files go to (created when missing).</summary>
    public required string Directory { get; init; }

    /// <summary>File names are <c>{Prefix}-00000.warc.gz</c>, <c>{Prefix}-00001.warc.gz</c>, ….</summary>
    public string Prefix { get; init; } = "corpus";

    /// <summary>A file is closed and the next one started once it has passed this many bytes.</summary>
    public long MaxFileBytes { get; init; } = 1L << 30;

    /// <summary>One gzip member per record (<c>.warc.gz</c>); false writes plain <c>.warc</c>.</summary>
    public bool Gzip { get; init; } = true;

    /// <summary>When set, record ids are derived from this seed and a counter, so the same writes give the same bytes.</summary>
    public long? Seed { get; init; }

    /// <summary>The <c>software</c> field of each file's warcinfo record.</summary>
    public string Software { get; init; } = "corpus";

    /// <summary>Number of the first file (<c>{Prefix}-{n:D5}</c>); a resumed crawl continues after the files it has.</summary>
    public int FirstFileIndex { get; init; }
}
