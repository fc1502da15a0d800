using Corpus.Core.Documents;

namespace Corpus.Ingest.Files;

/// <summary>What reading one input file gave: a document, or a reject with its reason.</summary>
public abstract record FileReadOutcome
{
    private FileReadOutcome()
    {
    }

    /// <summary>The file became a document.</summary>
    public sealed record Accepted(Document Document) : FileReadOutcome;

    /// <summary>The file was refused: <paramref name="Reason"/> is a short kebab-case code, <paramref name="Detail"/> says why.</summary>
    public sealed record Rejected(string Id, string SourceUri, string Reason, string Detail) : FileReadOutcome;
}
