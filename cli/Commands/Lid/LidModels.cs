using Corpus.FastText;
using Corpus.Filters.Languages;

namespace Corpus.Cli.Commands.Lid;

/// <summary>Loads the model a <c>lid</c> command names, or the built-in one.</summary>
internal static class LidModels
{
    public static FastTextModel? Load(string? path, CliConsole console, string command)
    {
        path ??= LanguageIdentifier.DefaultModelPath;
        if (!File.Exists(path))
        {
            console.Error.WriteLine($"corpus {command}: the model '{path}' does not exist" + (path == LanguageIdentifier.DefaultModelPath ? " (the built-in model is copied there by the build)" : string.Empty));
            return null;
        }

        try
        {
            return FastTextModel.Load(path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"corpus {command}: cannot load model '{path}': {e.Message}");
            return null;
        }
    }

    /// <summary>
    /// The document-level identifier over the model a command names, or the built-in one, with the models of
    /// its groups of close languages beside it (<see cref="LanguageIdentifier.LoadGroupModels"/>).
    /// </summary>
    public static LanguageIdentifier? LoadIdentifier(string? path, LanguageIdentifierOptions options, CliConsole console, string command)
    {
        path ??= LanguageIdentifier.DefaultModelPath;
        if (Load(path, console, command) is not { } model)
        {
            return null;
        }

        try
        {
            return new LanguageIdentifier(model, options, LanguageIdentifier.LoadGroupModels(path));
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"corpus {command}: cannot load the group models beside '{path}': {e.Message}");
            return null;
        }
    }
}
