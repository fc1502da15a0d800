namespace Corpus.Ingest.Tests.Pdf;

/// <summary>Tests that use the parse worker's process-wide bound on abandoned threads run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ParseWorkerCollection
{
    public const string Name = "pdf parse worker";
}
