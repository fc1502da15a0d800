using Corpus.Shards.Reports;
using Corpus.Tests.Shared;

namespace Corpus.Shards.Tests.Reports;

/// <summary>
/// Renders the sample report in Debian's headless Chromium (installed by install-chromium.sh when
/// missing) and checks that the page draws: a screenshot with the charts' colours in it, no console
/// errors, and the DOM with every section.
/// </summary>
public sealed class ChromiumTests
{
    [Fact]
    public void Chromium_screenshot_of_the_report_shows_the_charts()
    {
        using var dir = new TempDirectory();
        ReportWriter.Write(ReportSample.Create(), dir["report"]);
        var png = dir["screenshot.png"];

        var (exitCode, _, error) = Chromium(dir, $"--screenshot={png}", "--window-size=1280,2400", new Uri(dir["report/index.html"]).AbsoluteUri);

        exitCode.Should().Be(0, error);
        ConsoleErrors(error).Should().BeEmpty();
        var image = PngImage.Decode(File.ReadAllBytes(png));
        image.Width.Should().Be(1280);
        image.Height.Should().Be(2400);
        var colours = new Dictionary<int, int>();
        long nonWhite = 0;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var rgb = image.Rgb(x, y);
                colours[rgb] = colours.GetValueOrDefault(rgb) + 1;
                nonWhite += rgb == 0xFFFFFF ? 0 : 1;
            }
        }

        colours.Count.Should().BeGreaterThan(200, "text, cards and charts give many colours");
        ((double)nonWhite / (image.Width * image.Height)).Should().BeGreaterThan(0.3, "the page background is grey and the panels are full");
        foreach (var (name, colour) in new[] { ("first language bar", 0x4e79a7), ("second language bar", 0xf28e2b), ("Qwen3 met", 0x59a14f), ("Qwen3 absent", 0xe5e7eb), ("header", 0x1f2d3d) })
        {
            colours.GetValueOrDefault(colour).Should().BeGreaterThan(500, $"the {name} colour #{colour:x6} is drawn");
        }

        // CORPUS_REPORT_EXAMPLE_PNG=docs/report-example.png also writes the (shorter) picture docs/formats.md shows.
        var example = Environment.GetEnvironmentVariable("CORPUS_REPORT_EXAMPLE_PNG");
        if (!string.IsNullOrEmpty(example))
        {
            Chromium(dir, $"--screenshot={Path.GetFullPath(example)}", "--window-size=1280,1800", new Uri(dir["report/index.html"]).AbsoluteUri).ExitCode.Should().Be(0);
        }
    }

    [Fact]
    public void Chromium_loads_the_report_with_every_section_and_no_console_errors()
    {
        using var dir = new TempDirectory();
        ReportWriter.Write(ReportSample.Create(), dir["report"]);

        var (exitCode, dom, error) = Chromium(dir, "--dump-dom", new Uri(dir["report/index.html"]).AbsoluteUri);

        exitCode.Should().Be(0, error);
        ConsoleErrors(error).Should().BeEmpty();
        foreach (var id in new[] { "summary", "stages", "languages", "qwen3", "domains", "code", "mixture", "funnel", "rejects", "dedup", "synthetic", "lengths" })
        {
            dom.Should().Contain($"<section id=\"{id}\">");
        }

        dom.Should().Contain("no synthetic data in this build").And.Contain("<svg class=\"chart\"");
    }

    private static string[] ConsoleErrors(string stderr) => HeadlessChromium.ConsoleErrors(stderr);

    private static (int ExitCode, string Output, string Error) Chromium(TempDirectory dir, params string[] args) =>
        HeadlessChromium.Run(dir["profile"], args);
}
