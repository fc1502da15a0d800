using System.Diagnostics;
using System.Text.Json;
using Corpus.Ingest.Warc;

namespace Corpus.Ingest.Tests.Warc;

/// <summary>
/// An independent reader: npm <c>warcio</c> (installed once into <c>.cache/npm-test</c> by
/// install-warcio.sh) parses a file our writer wrote, and warcio-check.mjs recomputes every block and
/// payload digest from what warcio's parser hands it.
/// </summary>
public sealed class WarcioInteropTests
{
    [Fact]
    public void Warcio_reads_our_files_and_every_digest_checks()
    {
        var root = WarcSamples.RepoRoot();
        var script = Path.Combine(root, "tests", "Corpus.Ingest.Tests", "Warc");
        var install = Run("bash", [Path.Combine(script, "install-warcio.sh"), root], root);
        install.ExitCode.Should().Be(0, "install-warcio.sh must install npm warcio: " + install.Error);

        // An ES module resolves "warcio" from its own folder up, so the checker runs from beside node_modules.
        var cache = Path.Combine(root, ".cache", "npm-test");
        var checker = Path.Combine(cache, "warcio-check.mjs");
        File.Copy(Path.Combine(script, "warcio-check.mjs"), checker, overwrite: true);

        using var temp = new TempFolder();
        var files = WarcSamples.Write(temp.Path, pages: 4);
        using (var writer = WarcWriter.Create(new WarcWriterOptions { Directory = Path.Combine(temp.Path, "more"), Gzip = false, Seed = 5 }))
        {
            var id = writer.WriteResponse("http://example.com/a", WarcSamples.Date, WarcSamples.Response("<p>plain</p>"), WarcSamples.Request("/a"));
            writer.WriteResource("file:///notes.txt", WarcSamples.Date, "text/plain", "some notes"u8);
            writer.WriteMetadata("http://example.com/a", WarcSamples.Date, [new("fetchTimeMs", "12")], id);
        }

        foreach (var (file, expected) in new[]
        {
            (files[0], new[] { "warcinfo", "response", "request", "response", "request", "response", "request", "response", "request" }),
            (Path.Combine(temp.Path, "more", "corpus-00000.warc"), new[] { "warcinfo", "response", "request", "resource", "metadata" }),
        })
        {
            var result = Run("node", [checker, file], cache);
            result.ExitCode.Should().Be(0, result.Error);
            using var json = JsonDocument.Parse(result.Output);
            json.RootElement.GetProperty("failures").EnumerateArray().Select(f => f.GetString()).Should().BeEmpty();
            json.RootElement.GetProperty("types").EnumerateArray().Select(t => t.GetString()).Should().Equal(expected);
            json.RootElement.GetProperty("checked").GetInt32().Should().BeGreaterThanOrEqualTo(expected.Length);
        }

        // The check is not vacuous: one changed body byte is caught.
        var plain = Path.Combine(temp.Path, "more", "corpus-00000.warc");
        var bytes = File.ReadAllBytes(plain);
        bytes[bytes.AsSpan().IndexOf("<p>plain</p>"u8) + 3] = (byte)'P';
        File.WriteAllBytes(plain, bytes);
        var tampered = Run("node", [checker, plain], cache);
        using var tamperedJson = JsonDocument.Parse(tampered.Output);
        tamperedJson.RootElement.GetProperty("failures").GetArrayLength().Should().Be(2, "the block and the payload digest of the response no longer match");
    }

    private static (int ExitCode, string Output, string Error) Run(string program, string[] args, string workingDirectory)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}
