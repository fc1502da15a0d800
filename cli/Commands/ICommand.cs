using Corpus.Cli.Parsing;

namespace Corpus.Cli.Commands;

/// <summary>One <c>corpus</c> subcommand.</summary>
internal interface ICommand
{
    /// <summary>Name as typed, e.g. <c>build</c> or <c>shards verify</c>.</summary>
    string Name { get; }

    /// <summary>One line for the command list.</summary>
    string Summary { get; }

    /// <summary>The usage line after <c>corpus</c>.</summary>
    string Usage { get; }

    /// <summary>Options it accepts.</summary>
    IReadOnlyList<OptionSpec> Options { get; }

    /// <summary>Runs it; returns the exit code.</summary>
    Task<int> RunAsync(ParsedArgs args, CliConsole console, CancellationToken ct);
}
