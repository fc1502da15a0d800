using System.Text.Json;
using Corpus.Ingest.Sample;

namespace Corpus.Cli.Tests;

public sealed class ExtractPdfTests : IDisposable
{
    private readonly string _root = TestEnvironment.NewTempDir("extract-pdf");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Extract_reads_pdf_files_and_folders_of_them_and_rejects_a_broken_one_with_its_reason()
    {
        var translations = UdhrLibrary.Load().Where(SamplePdfWriter.CanWrite).Take(2).ToList();
        var folder = Path.Combine(_root, "papers");
        Directory.CreateDirectory(folder);
        foreach (var t in translations)
        {
            File.WriteAllBytes(Path.Combine(folder, t.Code + ".pdf"), SamplePdfWriter.Write(t));
        }

        File.WriteAllBytes(Path.Combine(folder, "broken.pdf"), "%PDF-1.4\nnothing else"u8.ToArray());
        var single = Path.Combine(_root, "single.pdf");
        File.Copy(Path.Combine(folder, translations[0].Code + ".pdf"), single);
        var output = Path.Combine(_root, "out.jsonl");

        var (code, stdout, stderr) = TestEnvironment.Run(null, "extract", folder, single, "--out", output);

        code.Should().Be(0, stderr);
        stdout.Should().Contain("3 documents").And.Contain("1 rejects");
        stderr.Should().Contain("broken.pdf");
        var rows = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        rows.Should().HaveCount(3);
        rows.Should().OnlyContain(r => r.GetProperty("content_type").GetString() == "application/pdf");
        rows.Select(r => r.GetProperty("url").GetString()).Should().Contain("single.pdf").And.Contain($"papers/{translations[1].Code}.pdf");
        rows.Should().OnlyContain(r => !r.GetProperty("text").GetString()!.Contains("UDHR library - ", StringComparison.Ordinal));
    }
}
