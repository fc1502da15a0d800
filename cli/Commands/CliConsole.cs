namespace Corpus.Cli.Commands;

/// <summary>The streams a command reads and writes; tests pass their own.</summary>
internal sealed record CliConsole(Stream In, Stream Out, TextWriter Error)
{
    /// <summary>True when <see cref="Error"/> is an interactive terminal (not redirected), where a live progress display may draw.</summary>
    public bool ErrorIsTerminal { get; init; }

    public static CliConsole System() => new(Console.OpenStandardInput(), Console.OpenStandardOutput(), Console.Error) { ErrorIsTerminal = !Console.IsErrorRedirected };
}
