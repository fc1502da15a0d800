using Corpus.Cli.Parsing;
using Corpus.Core.Configuration;

namespace Corpus.Cli.Commands;

/// <summary>The <c>--config FILE</c> option every command that runs build steps shares.</summary>
internal static class ConfigOption
{
    /// <summary>Loads the config named by <c>--config</c> (the defaults without it); on a bad file reports it for <paramref name="command"/> and returns null.</summary>
    public static BuildConfig? Load(ParsedArgs args, CliConsole console, string command)
    {
        try
        {
            return args.Value("--config") is { } path ? BuildConfigLoader.LoadFile(path) : BuildConfig.Default;
        }
        catch (ConfigException e)
        {
            console.Error.WriteLine($"corpus {command}: {e.Message}");
            return null;
        }
    }
}
