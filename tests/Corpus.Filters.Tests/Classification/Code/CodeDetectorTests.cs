using Corpus.Filters.Classification.Code;

namespace Corpus.Filters.Tests.Classification.Code;

public sealed class CodeDetectorTests
{
    public static TheoryData<string> ProgrammingLanguages => [.. CodeSamples.ByLanguage.Keys.Where(k => k != "Markdown")];

    public static TheoryData<string> ProseKinds => [.. CodeSamples.Prose.Keys];

    [Theory]
    [MemberData(nameof(ProgrammingLanguages))]
    public void Source_code_in_every_language_is_code(string language)
    {
        var detection = CodeDetector.Detect(CodeSamples.ByLanguage[language]);

        detection.Kind.Should().Be(CodeKind.Code, $"{language}: {detection.CodeLines}/{detection.Lines} code lines");
    }

    [Theory]
    [MemberData(nameof(ProseKinds))]
    public void Prose_is_not_code(string kind)
    {
        var detection = CodeDetector.Detect(CodeSamples.Prose[kind]);

        detection.Kind.Should().Be(CodeKind.Prose, $"{kind}: {detection.CodeLines}/{detection.Lines} code lines");
    }

    [Fact]
    public void Tutorial_with_a_fenced_example_is_prose_with_code()
    {
        CodeDetector.Detect(CodeSamples.TutorialWithCode).Kind.Should().Be(CodeKind.ProseWithCode);
    }

    [Fact]
    public void Answer_with_an_unfenced_snippet_is_prose_with_code()
    {
        var text = CodeSamples.Prose["history"] + "\n\nA reader asked how to count the words, so here is the loop I used:\n\n"
            + "for (int i = 0; i < n; i++) {\n    total += words[i].length();\n}\nSystem.out.println(total);\n\n" + CodeSamples.Prose["news"];

        CodeDetector.Detect(text).Kind.Should().Be(CodeKind.ProseWithCode);
    }

    [Fact]
    public void Prose_that_mentions_code_names_in_passing_stays_prose()
    {
        const string text = """
            The new release renames the function parse_config() to load_settings(), so scripts that call the old name will need a small change.

            Most users will not notice: the command line and the settings file keep their format, and the defaults are unchanged.

            If you maintain a plugin, check that it does not rely on the removed --legacy flag, which was deprecated two years ago.
            """;

        CodeDetector.Detect(text).Kind.Should().Be(CodeKind.Prose);
    }

    [Fact]
    public void Prose_whose_only_code_like_lines_are_markdown_headings_is_prose()
    {
        // What the HTML extractor writes for a page of articles: headings that end in a bracket and open with a
        // comment marker, each on its own, between paragraphs.
        var paragraphs = CodeSamples.Prose.Values.Take(3).ToArray();
        var text = string.Join("\n\n", "# The declaration (extract)", "## Article 12 (1)", paragraphs[0], "## Article 13 (2)", paragraphs[1], "## Article 14 (3)", paragraphs[2]);

        CodeDetector.Detect(text).Kind.Should().Be(CodeKind.Prose);
        CodeDetector.Detect(text + "\n\n```\nmake install\n```").Kind.Should().Be(CodeKind.ProseWithCode, "a fenced block is code whatever the headings");
        CodeDetector.Detect("# Build the report (all parts)\nimport sys\n# Read the rows (one a line)\nrows = [line.split() for line in sys.stdin]\nprint(len(rows))\n")
            .Kind.Should().Be(CodeKind.Code, "comments between lines of code stay code");
    }

    [Fact]
    public void A_readme_with_an_install_block_is_prose_with_code()
    {
        CodeDetector.Detect(CodeSamples.ByLanguage["Markdown"]).Kind.Should().Be(CodeKind.ProseWithCode);
    }

    [Fact]
    public void Minified_script_on_one_line_is_code()
    {
        const string text = "!function(e,t){\"object\"==typeof exports?module.exports=t():e.lib=t()}(this,function(){var e={};return e.add=function(a,b){return a+b},e});";

        CodeDetector.Detect(text).Kind.Should().Be(CodeKind.Code);
    }

    [Fact]
    public void A_shebang_makes_a_script_code()
    {
        CodeDetector.Detect("#!/bin/sh\nexec myprogram --serve\n").Kind.Should().Be(CodeKind.Code);
    }

    [Fact]
    public void Empty_text_is_prose_with_no_lines()
    {
        CodeDetector.Detect("  \n\n").Should().Be(new CodeDetection(CodeKind.Prose, 0, 0, 0));
    }

    [Fact]
    public void A_long_minified_line_is_code_and_a_long_dotted_line_is_not()
    {
        var minified = string.Concat(Enumerable.Range(0, 1500).Select(i => $"var a{i}=function(b){{return b+{i}}};"));

        CodeDetector.Detect(minified).Kind.Should().Be(CodeKind.Code);
        CodeDetector.Detect(string.Concat(Enumerable.Repeat("a.", 10_000))).Kind.Should().Be(CodeKind.Prose);
    }
}
