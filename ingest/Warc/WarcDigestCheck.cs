namespace Corpus.Ingest.Warc;

/// <summary>What checking one digest header of a record found (a mismatch makes the record a <see cref="WarcReject"/>).</summary>
public enum WarcDigestCheck
{
    /// <summary>The record carries no such digest (or checking was turned off).</summary>
    Absent,

    /// <summary>The digest matches.</summary>
    Verified,

    /// <summary>The digest uses an algorithm the reader does not compute, or does not apply (a revisit's payload).</summary>
    Unsupported,
}
