using Corpus.Cli.Commands.Progress;
using Corpus.Cli.Parsing;

namespace Corpus.Cli.Tests.Progress;

public sealed class ProgressModeTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Auto_is_live_on_a_terminal()
    {
        ProgressModes.Resolve(ProgressMode.Auto, errorIsTerminal: true, Env()).Should().Be(ProgressMode.Live);
    }

    [Fact]
    public void Auto_is_plain_when_stderr_is_redirected_or_under_ci_or_on_a_dumb_terminal()
    {
        ProgressModes.Resolve(ProgressMode.Auto, errorIsTerminal: false, Env()).Should().Be(ProgressMode.Plain);
        ProgressModes.Resolve(ProgressMode.Auto, errorIsTerminal: true, Env(("CI", "true"))).Should().Be(ProgressMode.Plain);
        ProgressModes.Resolve(ProgressMode.Auto, errorIsTerminal: true, Env(("TERM", "dumb"))).Should().Be(ProgressMode.Plain);
    }

    [Fact]
    public void An_explicit_mode_is_kept_whatever_the_terminal()
    {
        ProgressModes.Resolve(ProgressMode.Live, errorIsTerminal: false, Env(("CI", "1"))).Should().Be(ProgressMode.Live);
        ProgressModes.Resolve(ProgressMode.None, errorIsTerminal: true, Env()).Should().Be(ProgressMode.None);
    }

    [Fact]
    public void Progress_values_parse_and_others_are_usage_errors()
    {
        ProgressModes.Parse(null).Should().Be(ProgressMode.Auto);
        ProgressModes.Parse("plain").Should().Be(ProgressMode.Plain);
        var bad = () => ProgressModes.Parse("fancy");
        bad.Should().Throw<UsageException>().WithMessage("*fancy*auto|live|plain|none*");
    }
}
