using Spectre.Console;

namespace Corpus.Cli.Commands.Progress;

/// <summary>Makes the progress display a mode asks for, drawing on a command's standard error.</summary>
internal static class ProgressDisplay
{
    /// <summary>
    /// The display for <paramref name="mode"/> (auto settled by <see cref="ProgressModes.Resolve"/>),
    /// or null for none. The live display writes through Spectre.Console to <see cref="CliConsole.Error"/>,
    /// never to standard output, and without colours when <c>NO_COLOR</c> is set.
    /// </summary>
    public static IProgressDisplay? Create(ProgressMode mode, CliConsole console, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(console);
        return ProgressModes.Resolve(mode, console.ErrorIsTerminal, environment) switch
        {
            ProgressMode.Live => LiveProgress.Start(LiveConsole(console.Error, environment), TimeProvider.System),
            ProgressMode.Plain => new ProgressPrinter(console.Error),
            _ => null,
        };
    }

    /// <summary>A Spectre console on <paramref name="error"/> that moves the cursor (ANSI) and is interactive.</summary>
    public static IAnsiConsole LiveConsole(TextWriter error, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(error),
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
            ColorSystem = string.IsNullOrEmpty(environment("NO_COLOR")) ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
    }
}
