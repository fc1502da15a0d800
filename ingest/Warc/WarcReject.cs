namespace Corpus.Ingest.Warc;

/// <summary>
/// Bytes of a WARC file that gave no record: <paramref name="Reason"/> is a <see cref="WarcRejectReasons"/>
/// code, <paramref name="Detail"/> says what was wrong. Reading goes on after them.
/// </summary>
public sealed record WarcReject(long Offset, string Reason, string Detail) : WarcReadResult(Offset);
