using Corpus.Ingest.Files;
using Corpus.Pipeline.Phases;

namespace Corpus.Pipeline.Tests.Phases;

public sealed class InputItemReaderTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "corpus-item-reader-" + Guid.NewGuid().ToString("N"));

    public InputItemReaderTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_page_whose_extraction_runs_past_the_document_limit_is_a_timeout_reject_naming_the_step()
    {
        var item = Page("slow.html");
        using var reader = new InputItemReader(new InputReaderSettings(1 << 20, [".html"], DocumentSeconds: 1e-9), Corpus.Pipeline.Build.HtmlExtraction.Extract);

        var outcome = reader.Read(item);

        var reject = outcome.Should().BeOfType<FileReadOutcome.Rejected>().Subject;
        reject.Reason.Should().Be("timeout");
        reject.SourceUri.Should().Be("slow.html");
        reject.Detail.Should().StartWith("html ").And.EndWith("ran past the document time limit of 0 s");
    }

    [Fact]
    public void A_page_within_the_document_limit_is_read_as_without_it()
    {
        var item = Page("page.html");
        using var bounded = new InputItemReader(new InputReaderSettings(1 << 20, [".html"], DocumentSeconds: 3600), Corpus.Pipeline.Build.HtmlExtraction.Extract);

        var outcome = bounded.Read(item);

        var document = outcome.Should().BeOfType<FileReadOutcome.Accepted>().Subject.Document;
        document.Text.Should().Contain("The river flows past the old mill");
    }

    private InputItem Page(string name)
    {
        var path = Path.Combine(_dir, name);
        var paragraphs = string.Concat(Enumerable.Repeat("<p>The river flows past the old mill, and the children of the village learn to swim in it.</p>", 50));
        File.WriteAllText(path, $"<html><head><title>River</title></head><body><article>{paragraphs}</article></body></html>");
        return new InputItem(new InputFile(path, name));
    }
}
