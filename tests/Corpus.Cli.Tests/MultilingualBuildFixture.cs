using System.Text;

namespace Corpus.Cli.Tests;

/// <summary>
/// One build over a folder of multilingual documents (UDHR translations in many scripts, Markdown,
/// HTML, a page quoting special tokens), shared by the tests that only read its output.
/// </summary>
public sealed class MultilingualBuildFixture : IDisposable
{
    public MultilingualBuildFixture()
    {
        Input = TestEnvironment.NewTempDir("input");
        Output = Path.Combine(TestEnvironment.NewTempDir("output"), "out");
        var udhr = TestEnvironment.Udhr;
        var expected = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < udhr.Count; i += 13)
        {
            var rel = $"udhr/{Path.GetFileNameWithoutExtension(udhr[i].Name)}.txt";
            var text = udhr[i].Text + "\n";
            Write(rel, text);
            expected[rel] = text.Normalize(NormalizationForm.FormC);
        }

        const string markdown = "# Notes\n\nCafe\u0301 \u2014 na\u00efve r\u00e9sum\u00e9.\r\nA CR stays.\n";
        Write("notes/readme.md", markdown);
        expected["notes/readme.md"] = markdown.Normalize(NormalizationForm.FormC);
        const string quoting = "A page that quotes <|endoftext|> and <|im_start|>user and <think> as text.\n";
        Write("quoting.txt", quoting);
        expected["quoting.txt"] = quoting;
        Write("page.html", "<html><head><title>P</title></head><body><nav><a href='/'>x</a></nav><p>\u4f60\u597d\uff0c\u4e16\u754c\u3002</p><p>\u0645\u0631\u062d\u0628\u0627</p></body></html>");
        expected["page.html"] = "\u4f60\u597d\uff0c\u4e16\u754c\u3002\n\n\u0645\u0631\u062d\u0628\u0627"; // main content: the navigation is dropped
        Expected = expected;
        var config = Path.Combine(Input, "..", Path.GetFileName(Input) + ".json");
        // Filters, dedup and the validation split off, one stage: these tests check that shards hold exactly the source texts.
        File.WriteAllText(config, """{"input": {"files_per_task": 7}, "filters": {"enabled": false}, "dedup": {"enabled": false}, "shards": {"max_shard_bytes": 65536, "validation_share": 0}, "stages": [{"name": "s1"}]}""");
        Result = TestEnvironment.Run(null, "build", "--input", Input, "--out", Output, "--config", config, "--workers", "2");
    }

    public string Input { get; }

    public string Output { get; }

    /// <summary>Source text of every document by relative path, in build order.</summary>
    public IReadOnlyDictionary<string, string> Expected { get; }

    public (int ExitCode, string Stdout, string Stderr) Result { get; }

    private void Write(string rel, string text)
    {
        var path = Path.Combine(Input, rel);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
    }

    public void Dispose()
    {
        Directory.Delete(Input, recursive: true);
        Directory.Delete(Path.GetDirectoryName(Output)!, recursive: true);
    }
}
