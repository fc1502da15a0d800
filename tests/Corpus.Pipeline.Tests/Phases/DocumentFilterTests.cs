using Corpus.Pipeline.Phases;
using Corpus.Pipeline.Storage;

namespace Corpus.Pipeline.Tests.Phases;

public sealed class DocumentFilterTests
{
    [Fact]
    public void A_document_that_makes_a_filter_throw_is_a_reject_naming_the_exception()
    {
        var row = new DocumentRow { Id = "doc-1", SourceUri = "file:///1.txt", SourceKind = "file", ContentType = "text/plain", Text = "text" };

        var reject = DocumentFilter.Guarded(row, _ => throw new InvalidOperationException("the pattern ran away\nsecond line"));

        reject.Should().Be((DocumentFilter.FailedReason, "InvalidOperationException: the pattern ran away"));
    }

    [Fact]
    public void A_guarded_judgement_passes_through_keeps_and_rejects()
    {
        var row = new DocumentRow { Id = "doc-1", SourceUri = "file:///1.txt", SourceKind = "file", ContentType = "text/plain", Text = "text" };

        DocumentFilter.Guarded(row, _ => null).Should().BeNull();
        DocumentFilter.Guarded(row, _ => ("language", "identified fra_Latn")).Should().Be(("language", "identified fra_Latn"));
    }

    [Fact]
    public void Cancellation_is_not_turned_into_a_reject()
    {
        var row = new DocumentRow { Id = "doc-1", SourceUri = "file:///1.txt", SourceKind = "file", ContentType = "text/plain", Text = "text" };

        var judge = () => DocumentFilter.Guarded(row, _ => throw new OperationCanceledException());

        judge.Should().Throw<OperationCanceledException>();
    }
}
