using Corpus.Cli.Parsing;

namespace Corpus.Cli.Commands.Progress;

/// <summary>How a command shows its progress on standard error (<c>--progress</c>).</summary>
internal enum ProgressMode
{
    /// <summary>Live on an interactive terminal, plain lines otherwise.</summary>
    Auto,

    /// <summary>The Spectre.Console live display.</summary>
    Live,

    /// <summary>Plain lines, at most one a second per phase.</summary>
    Plain,

    /// <summary>Nothing.</summary>
    None,
}

/// <summary>Parses <c>--progress</c> and settles <see cref="ProgressMode.Auto"/>.</summary>
internal static class ProgressModes
{
    public const string Values = "auto|live|plain|none";

    /// <summary>The mode <paramref name="value"/> names (null means auto).</summary>
    public static ProgressMode Parse(string? value) => value switch
    {
        null or "auto" => ProgressMode.Auto,
        "live" => ProgressMode.Live,
        "plain" => ProgressMode.Plain,
        "none" => ProgressMode.None,
        _ => throw new UsageException($"--progress '{value}' is not one of {Values}"),
    };

    /// <summary>
    /// Settles auto: live only when standard error is an interactive terminal, and not under CI
    /// (<c>CI</c> set) or on a terminal that cannot move the cursor (<c>TERM=dumb</c>).
    /// </summary>
    public static ProgressMode Resolve(ProgressMode mode, bool errorIsTerminal, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (mode != ProgressMode.Auto)
        {
            return mode;
        }

        var ci = !string.IsNullOrEmpty(environment("CI"));
        var dumb = string.Equals(environment("TERM"), "dumb", StringComparison.Ordinal);
        return errorIsTerminal && !ci && !dumb ? ProgressMode.Live : ProgressMode.Plain;
    }
}
