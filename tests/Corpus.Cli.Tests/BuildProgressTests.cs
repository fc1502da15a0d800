using System.Text;
using System.Text.RegularExpressions;

namespace Corpus.Cli.Tests;

public sealed class BuildProgressTests : IDisposable
{
    private readonly string _root = TestEnvironment.NewTempDir("progress");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Config()
    {
        var config = Path.Combine(_root, "keep-all.json");
        File.WriteAllText(config, """{"filters": {"enabled": false}, "dedup": {"enabled": false}}""");
        return config;
    }

    private string Input()
    {
        var input = Path.Combine(_root, "input");
        Directory.CreateDirectory(input);
        for (var i = 0; i < 4; i++)
        {
            File.WriteAllText(Path.Combine(input, $"doc-{i}.txt"), $"Document number {i} has a few plain English words in it.\n", new UTF8Encoding(false));
        }

        return input;
    }

    [Fact]
    public void Live_progress_draws_on_stderr_and_leaves_stdout_to_the_summary()
    {
        var output = Path.Combine(_root, "out-live");
        var (code, stdout, stderr) = TestEnvironment.Run(null, "build", "--input", Input(), "--out", output, "--config", Config(), "--workers", "2", "--progress", "live");

        code.Should().Be(0, stderr);
        stdout.Should().StartWith($"built {output}: ").And.NotContain("\u001b", "the live display writes to stderr only");
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle();
        stderr.Should().Contain("\u001b[", "the live display moves the cursor with ANSI sequences");
        var text = Regex.Replace(stderr, @"\u001b\[[0-9;?]*[A-Za-z]", string.Empty);
        text.Should().Contain("ingest done in").And.Contain("1/1 tasks ok, 4 docs").And.Contain("tokenize done in");
    }

    [Fact]
    public void No_progress_leaves_stderr_empty()
    {
        var (code, stdout, stderr) = TestEnvironment.Run(null, "build", "--input", Input(), "--out", Path.Combine(_root, "out-none"), "--config", Config(), "--progress", "none");

        code.Should().Be(0, stderr);
        stdout.Should().Contain("4 documents");
        stderr.Should().BeEmpty();
    }

    [Fact]
    public void Progress_mode_is_in_the_help_and_an_unknown_one_is_a_usage_error()
    {
        TestEnvironment.Run(null, "build", "--help").Stdout.Should().Contain("--progress MODE").And.Contain("auto|live|plain|none");

        var (code, _, stderr) = TestEnvironment.Run(null, "build", "--input", Input(), "--out", Path.Combine(_root, "out-bad"), "--progress", "fancy");
        code.Should().Be(2);
        stderr.Should().Contain("--progress 'fancy'");
    }
}
