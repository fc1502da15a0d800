using System.Globalization;
using System.Text;
using AngleSharp.Html.Parser;
using Corpus.Shards.Reports;

namespace Corpus.Shards.Tests.Reports;

public sealed class ReportWriterTests
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [Fact]
    public void Writes_index_html_report_json_and_report_md()
    {
        using var dir = new TempDirectory();
        ReportWriter.Write(ReportSample.Create(), dir["report"]);

        Directory.GetFiles(dir["report"]).Select(Path.GetFileName).Should().BeEquivalentTo("index.html", "report.json", "report.md");
    }

    [Fact]
    public void Report_json_round_trips_to_an_equivalent_report_and_the_same_bytes()
    {
        using var dir = new TempDirectory();
        var report = ReportSample.Create();
        ReportWriter.Write(report, dir["report"]);

        var loaded = BuildReport.Load(dir["report/report.json"]);

        loaded.Should().BeEquivalentTo(report, o => o.WithStrictOrdering());
        ReportWriter.Write(loaded, dir["again"]);
        File.ReadAllBytes(dir["again/report.json"]).Should().Equal(File.ReadAllBytes(dir["report/report.json"]));
    }

    [Fact]
    public void Report_json_has_snake_case_keys_lf_line_ends_and_nulls_written()
    {
        using var dir = new TempDirectory();
        ReportWriter.Write(ReportSample.Create(), dir["report"]);
        var json = File.ReadAllText(dir["report/report.json"]);

        json.Should().StartWith("{\n  \"header\": {\n    \"title\": ").And.EndWith("}\n").And.NotContain("\r");
        json.Should().Contain("\"config_sha256\"").And.Contain("\"qwen3_coverage\"").And.Contain("\"token_budget\": null").And.Contain("\"tokens_removed\": null");
        json.Should().NotContain("ConfigSha256");
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("not json")]
    public void Load_rejects_what_is_not_a_report(string text)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir["report.json"], text);

        var load = () => BuildReport.Load(dir["report.json"]);

        load.Should().Throw<InvalidDataException>().WithMessage("*report.json*");
    }

    [Fact]
    public void Load_rejects_an_unknown_key()
    {
        using var dir = new TempDirectory();
        ReportWriter.Write(ReportSample.Create(), dir["report"]);
        var json = File.ReadAllText(dir["report/report.json"]).Replace("\"seed\": 42", "\"seed\": 42,\n    \"extra\": 1", StringComparison.Ordinal);
        File.WriteAllText(dir["report/report.json"], json);

        var load = () => BuildReport.Load(dir["report/report.json"]);

        load.Should().Throw<InvalidDataException>();
    }

    [Fact]
    public void Same_report_gives_byte_identical_files()
    {
        using var dir = new TempDirectory();
        ReportWriter.Write(ReportSample.Create(), dir["a"]);
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            ReportWriter.Write(ReportSample.Create(), dir["b"]);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        foreach (var name in new[] { "index.html", "report.json", "report.md" })
        {
            File.ReadAllBytes(dir[$"b/{name}"]).Should().Equal(File.ReadAllBytes(dir[$"a/{name}"]), name);
            File.ReadAllText(dir[$"a/{name}"]).Should().NotContain("\r", name);
        }
    }

    [Fact]
    public void Every_data_value_is_the_number_shown_and_every_data_key_the_models_number()
    {
        var report = ReportSample.Create();
        var document = Parse(report);
        var expected = KeyedNumbers(report);

        var valued = document.QuerySelectorAll("[data-value]");
        valued.Should().NotBeEmpty();
        foreach (var element in valued)
        {
            var raw = element.GetAttribute("data-value")!;
            var shown = element.TextContent;
            var formatted = shown.EndsWith('%')
                ? (double.Parse(raw, CultureInfo.InvariantCulture) * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%"
                : long.Parse(raw, CultureInfo.InvariantCulture).ToString("N0", CultureInfo.InvariantCulture);
            shown.Should().Be(formatted, $"the cell {element.OuterHtml} shows its data-value");
        }

        var keyed = document.QuerySelectorAll("[data-key]").ToDictionary(e => e.GetAttribute("data-key")!, e => long.Parse(e.GetAttribute("data-value")!, CultureInfo.InvariantCulture));
        keyed.Should().BeEquivalentTo(expected);
    }

    [Fact]
    public void Stage_and_total_data_values_add_up_like_the_manifest()
    {
        var report = ReportSample.Create();
        var keyed = Parse(report).QuerySelectorAll("[data-key]").ToDictionary(e => e.GetAttribute("data-key")!, e => long.Parse(e.GetAttribute("data-value")!, CultureInfo.InvariantCulture));

        report.Stages.Sum(s => keyed[$"stage.{s.Name}.tokens"]).Should().Be(keyed["totals.tokens"]);
        foreach (var stage in report.Stages)
        {
            report.Languages.Sum(l => keyed[$"language.{l.Code}.{stage.Name}.tokens"]).Should().Be(keyed[$"stage.{stage.Name}.tokens"]);
        }
    }

    [Fact]
    public void Html_is_self_contained_with_nothing_to_load_and_no_script()
    {
        var report = ReportSample.Create();
        var html = HtmlReport.Render(report);
        var document = Parse(report);

        html.Should().NotContain("http://").And.NotContain("https://").And.NotContain("//cdn").And.NotContain("@import").And.NotContain("url(");
        document.QuerySelectorAll("script, link, img, iframe, object, embed").Should().BeEmpty();
        document.QuerySelectorAll("[src]").Should().BeEmpty();
        document.QuerySelectorAll("[href]").Select(e => e.GetAttribute("href")).Should().OnlyContain(href => href!.StartsWith('#'));
        document.QuerySelectorAll("section").Select(s => s.Id).Should().Equal("summary", "stages", "languages", "qwen3", "domains", "code", "mixture", "funnel", "rejects", "dedup", "synthetic", "lengths");
    }

    [Fact]
    public void Html_parses_without_errors_and_draws_the_charts()
    {
        var report = ReportSample.Create();
        var errors = new List<string>();
        var parser = new HtmlParser(new HtmlParserOptions { IsStrictMode = false });
        parser.Error += (_, e) => errors.Add(((AngleSharp.Html.Dom.Events.HtmlErrorEvent)e).Message);
        var document = parser.ParseDocument(HtmlReport.Render(report));

        errors.Should().BeEmpty();
        document.QuerySelectorAll("svg.chart").Length.Should().BeGreaterThanOrEqualTo(8);
        document.QuerySelectorAll("#qwen3 svg g").Length.Should().Be(119);
        document.QuerySelectorAll("#qwen3 svg g title").Select(t => t.TextContent).Should().Contain(t => t.StartsWith("eng_Latn (English): ", StringComparison.Ordinal));
        document.QuerySelectorAll("#qwen3 tbody tr").Length.Should().Be(119);
        document.QuerySelectorAll("#languages tbody tr").Length.Should().Be(12);
        document.QuerySelectorAll("#languages .legend li").Select(l => l.TextContent).Should().HaveCount(10).And.EndWith("other");
    }

    [Fact]
    public void Strings_with_markup_are_escaped_in_html_and_markdown()
    {
        var hostile = "<script>alert('x')</script> & \"q\" | a";
        var report = ReportSample.Create();
        report = report with
        {
            Header = report.Header with { Title = hostile },
            Funnel = report.Funnel with { Rejects = [new RejectCount("filter", hostile, 3)] },
        };

        var html = HtmlReport.Render(report);
        var markdown = MarkdownReport.Render(report);

        html.Should().NotContain("<script").And.Contain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
        Parse(html).QuerySelector("h1")!.TextContent.Should().Be(hostile);
        System.Text.RegularExpressions.Regex.IsMatch(markdown, @"(?<!\\)<script").Should().BeFalse();
        markdown.Should().Contain("\\<script\\>alert('x')\\</script\\> & \"q\" \\| a");
    }

    [Fact]
    public void Empty_sections_say_so_in_html_and_markdown()
    {
        var report = ReportSample.Create() with
        {
            Languages = [],
            Domains = [],
            ProgrammingLanguages = [],
            Qwen3Coverage = new Qwen3Coverage(0, 0, []),
            Funnel = new FilterFunnel([], []),
            Dedup = new DedupSummary(0, 0, 0, 0, []),
            Synthetic = [],
        };
        report = report with { Stages = [.. report.Stages.Select(s => s with { MixtureChecks = [], LengthHistogram = [] })] };

        var html = Parse(report);
        var markdown = MarkdownReport.Render(report);

        string[] messages = ["no languages in this build", "no domain data in this build", "no code documents with an identified programming language in this build", "no Qwen3 coverage in this report", "no filter steps recorded in this build", "no rejected documents in this build", "no near-duplicate clusters in this build", "no synthetic data in this build", "no mixture targets configured for this stage", "no documents in this stage"];
        html.QuerySelectorAll("p.none").Select(p => p.TextContent).Should().Contain(messages);
        foreach (var message in messages)
        {
            markdown.Should().Contain($"_{message}_");
        }
    }

    [Fact]
    public void Sample_build_without_synthetic_data_says_so()
    {
        var html = Parse(ReportSample.Create());

        html.QuerySelector("#synthetic p.none")!.TextContent.Should().Be("no synthetic data in this build");
        html.QuerySelector("#funnel table").Should().NotBeNull();
    }

    private static BuildReport WithSynthetic() => ReportSample.Create() with
    {
        Synthetic =
        [
            new SyntheticRecipe("math", 12, 9, 0.75, [new SyntheticRejection("verifier", 2), new SyntheticRejection("duplicate", 1)]),
            new SyntheticRecipe("code", 4, 4, 1, []),
        ],
    };

    [Fact]
    public void Synthetic_recipes_with_rejects_by_cause_round_trip_through_report_json()
    {
        using var dir = new TempDirectory();
        var report = WithSynthetic();
        ReportWriter.Write(report, dir["report"]);

        var loaded = BuildReport.Load(dir["report/report.json"]);

        loaded.Synthetic.Should().BeEquivalentTo(report.Synthetic, o => o.WithStrictOrdering());
        File.ReadAllText(dir["report/report.json"]).Should().Contain("\"rejected_by\": [").And.Contain("\"reason\": \"verifier\"").And.Contain("\"samples\": 2");
        ReportWriter.Write(loaded, dir["again"]);
        File.ReadAllBytes(dir["again/report.json"]).Should().Equal(File.ReadAllBytes(dir["report/report.json"]));
    }

    [Fact]
    public void Synthetic_section_shows_each_recipes_acceptance_and_its_rejects_by_cause()
    {
        var report = WithSynthetic();
        var html = Parse(report);
        var markdown = MarkdownReport.Render(report);

        var tables = html.QuerySelectorAll("#synthetic table");
        tables.Should().HaveCount(2);
        tables[0].QuerySelectorAll("tbody tr").Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(c => c.TextContent))).Should().Equal("math | 12 | 9 | 75.00%", "code | 4 | 4 | 100.00%");
        tables[1].QuerySelectorAll("tbody tr").Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(c => c.TextContent))).Should().Equal("math | verifier | 2", "math | duplicate | 1");
        html.QuerySelector("#synthetic p.none").Should().BeNull();
        markdown.Should().Contain("| math | 12 | 9 | 75.00% |\n| code | 4 | 4 | 100.00% |\n")
            .And.Contain("| Recipe | Cause | Rejected samples |\n| --- | --- | ---: |\n| math | verifier | 2 |\n| math | duplicate | 1 |\n");
    }

    [Fact]
    public void Mixture_check_without_data_in_the_corpus_says_so()
    {
        var html = Parse(ReportSample.Create());

        var row = html.QuerySelectorAll("#mixture tr").Single(r => r.TextContent.Contains("yor_Latn", StringComparison.Ordinal));
        row.ClassList.Should().Contain("unmet");
        row.TextContent.Should().Contain("no data in this corpus").And.Contain("\u2717");
        html.QuerySelectorAll("#mixture tr").Single(r => r.TextContent.Contains("swh_Latn", StringComparison.Ordinal)).TextContent.Should().Contain("capped at 4 epochs");
    }

    [Fact]
    public void Stage_without_budget_shows_all_eligible()
    {
        var report = ReportSample.Create();
        var html = Parse(report);

        html.QuerySelectorAll("#stages tbody tr")[2].TextContent.Should().Contain("none set");
        MarkdownReport.Render(report).Should().Contain("| s3 | 32,768 | none set | ");
    }

    [Fact]
    public void Markdown_has_a_table_per_section_with_the_shown_numbers()
    {
        var report = ReportSample.Create();
        var markdown = MarkdownReport.Render(report);

        markdown.Should().StartWith("# corpus build: qwen3-sample\n");
        markdown.Should().Contain($"| {report.Header.Totals.Documents.ToString("N0", CultureInfo.InvariantCulture)} | {report.Header.Totals.Tokens.ToString("N0", CultureInfo.InvariantCulture)} | 3 | 12 | 12 of 119 |");
        markdown.Should().Contain("| `eng_Latn` | English | ");
        markdown.Split('\n').Where(l => l.StartsWith('|')).Should().OnlyContain(l => l.EndsWith('|'));
        foreach (var heading in new[] { "## Stages", "## Tokens per stage by language", "## Qwen3 language coverage", "## Domain mix per stage", "## Mixture checks", "## Filter funnel", "## Rejects by reason", "## Near-duplicate removal", "## Synthetic data", "## Document lengths per stage" })
        {
            markdown.Should().Contain(heading + "\n");
        }
    }

    private static Dictionary<string, long> KeyedNumbers(BuildReport report)
    {
        var expected = new Dictionary<string, long>
        {
            ["totals.documents"] = report.Header.Totals.Documents,
            ["totals.tokens"] = report.Header.Totals.Tokens,
        };
        foreach (var stage in report.Stages)
        {
            expected[$"stage.{stage.Name}.tokens"] = stage.Tokens;
            expected[$"stage.{stage.Name}.documents"] = stage.Documents;
        }

        foreach (var language in report.Languages)
        {
            expected[$"language.{language.Code}.tokens"] = language.Stages.Sum(s => s.Tokens);
            expected[$"language.{language.Code}.documents"] = language.Stages.Sum(s => s.Documents);
            foreach (var stage in report.Stages)
            {
                expected[$"language.{language.Code}.{stage.Name}.tokens"] = language.Stages.Single(s => s.Stage == stage.Name).Tokens;
            }
        }

        foreach (var language in report.Qwen3Coverage.Languages)
        {
            expected[$"qwen3.{language.Code}.tokens"] = language.Tokens;
        }

        return expected;
    }

    private static AngleSharp.Html.Dom.IHtmlDocument Parse(BuildReport report) => Parse(HtmlReport.Render(report));

    private static AngleSharp.Html.Dom.IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);
}
