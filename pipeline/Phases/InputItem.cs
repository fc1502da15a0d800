using Corpus.Ingest.Files;

namespace Corpus.Pipeline.Phases;

/// <summary>
/// One unit of input for the ingest phase: a whole file, or one record of a WARC/WET file (at
/// <see cref="RecordOffset"/>), or a record the index could not read (<see cref="RejectReason"/>).
/// </summary>
internal sealed record InputItem(InputFile File, long RecordOffset = -1, string? Uri = null, string? RejectReason = null, string? RejectDetail = null)
{
    public bool IsWarcRecord => RecordOffset >= 0;
}
