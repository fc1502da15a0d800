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
    public void A_document_whose_filtering_runs_past_the_time_limit_is_a_timeout_reject_naming_the_step()
    {
        var filter = new DocumentFilter(new Core.Configuration.FiltersConfig(), new Core.Configuration.ClassifyConfig { Language = false, Code = false }, null, documentSeconds: 1e-9);
        var row = new DocumentRow { Id = "doc-1", SourceUri = "file:///1.txt", SourceKind = "file", ContentType = "text/plain", Text = string.Join('\n', Enumerable.Repeat("A plain sentence of ordinary prose.", 50)) };

        var reject = filter.Apply(row);

        reject.Should().NotBeNull();
        reject!.Value.Reason.Should().Be("timeout");
        reject.Value.Detail.Should().Be("decontamination ran past the document time limit of 0 s");
    }

    [Fact]
    public void A_document_within_the_time_limit_is_judged_as_without_it()
    {
        var classify = new Core.Configuration.ClassifyConfig { Language = false, Code = false };
        var text = string.Join("\n\n", Enumerable.Repeat("The river flows past the old mill, and the children of the village learn to swim in its shallow water every summer.", 8));
        var within = new DocumentRow { Id = "doc-1", SourceUri = "file:///1.txt", SourceKind = "file", ContentType = "text/plain", Text = text };
        var unbounded = new DocumentRow { Id = "doc-1", SourceUri = "file:///1.txt", SourceKind = "file", ContentType = "text/plain", Text = text };

        new DocumentFilter(new Core.Configuration.FiltersConfig(), classify, null, documentSeconds: 3600).Apply(within)
            .Should().Be(new DocumentFilter(new Core.Configuration.FiltersConfig(), classify, null).Apply(unbounded));
        within.Text.Should().Be(unbounded.Text);
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
