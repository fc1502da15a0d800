namespace Corpus.Cli.Commands;

/// <summary>The streams a command reads and writes; tests pass their own.</summary>
internal sealed record CliConsole(Stream In, Stream Out, TextWriter Error)
{
    public static CliConsole System() => new(Console.OpenStandardInput(), Console.OpenStandardOutput(), Console.Error);
}
