using Corpus.Cli.Commands;
using Corpus.Cli.Commands.Progress;
using Corpus.Pipeline.Execution;

namespace Corpus.Cli.Tests.Progress;

public sealed class ProgressDisplayTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public async Task Auto_on_a_redirected_stderr_prints_plain_lines_and_none_is_no_display()
    {
        using var stdout = new MemoryStream();
        using var error = new StringWriter();
        var console = new CliConsole(Stream.Null, stdout, error);

        var plain = ProgressDisplay.Create(ProgressMode.Auto, console, Env());
        plain.Should().BeOfType<ProgressPrinter>();
        await plain!.DisposeAsync();
        ProgressDisplay.Create(ProgressMode.None, console with { ErrorIsTerminal = true }, Env()).Should().BeNull();
    }

    [Fact]
    public async Task The_live_display_draws_on_the_commands_stderr_not_stdout()
    {
        using var stdout = new MemoryStream();
        using var error = new StringWriter();
        var console = new CliConsole(Stream.Null, stdout, error) { ErrorIsTerminal = true };

        var live = ProgressDisplay.Create(ProgressMode.Auto, console, Env(("NO_COLOR", "1")));
        live.Should().BeOfType<LiveProgress>();
        live!.PhaseStarted("ingest", 1, 0);
        live.PhaseFinished(new PhaseOutcome("ingest", 1, 0, new TaskSummary(3, 0, 30, 0), []), TimeSpan.FromSeconds(1));
        await live.DisposeAsync();

        stdout.Length.Should().Be(0);
        var text = error.ToString();
        text.Should().Contain("ingest").And.Contain("done in 1.0s: 1/1 tasks ok, 3 docs, 30 tokens");
        text.Should().Contain("\u001b[", "it moves the cursor").And.NotContain("\u001b[38;", "NO_COLOR turns colours off");
    }
}
