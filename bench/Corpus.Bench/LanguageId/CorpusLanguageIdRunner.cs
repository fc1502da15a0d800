using Corpus.Filters.Languages;

namespace Corpus.Bench.LanguageId;

/// <summary>
/// corpus's own side of the comparison: its <see cref="LanguageIdentifier"/> over the built-in model, or
/// over the model given with <c>--model</c>.
/// </summary>
internal static class CorpusLanguageIdRunner
{
    /// <summary>The runner that stands for corpus; null (and why, on stderr) when the built-in model is not built.</summary>
    public static ILanguageIdRunner? Create(string? model)
    {
        // THE PLUG-IN POINT of the built-in model: LanguageIdentifier.DefaultModelPath, i.e.
        // filters/Languages/Model/corpus-lid.bin copied beside the assemblies as data/lid/corpus-lid.bin
        // (scripts/build-lid-model.sh builds it).
        if (model is null && !File.Exists(LanguageIdentifier.DefaultModelPath))
        {
            Console.Error.WriteLine($"bench-lid: the built-in model {LanguageIdentifier.DefaultModelPath} is missing (scripts/build-lid-model.sh --install, then rebuild); give --model FILE to run another");
            return null;
        }

        return new BuiltInLanguageIdRunner(model);
    }
}
