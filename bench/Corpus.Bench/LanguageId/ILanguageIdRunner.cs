namespace Corpus.Bench.LanguageId;

/// <summary>One language-ID tool under test, its answers already in corpus's <c>xxx_Scrp</c> labels.</summary>
internal interface ILanguageIdRunner : IDisposable
{
    /// <summary>The tool's name in the report.</summary>
    string Name { get; }

    /// <summary>Version and settings, for the report's notes.</summary>
    string Description { get; }

    /// <summary>Every label the tool can give (its languages, mapped); it is scored on these only.</summary>
    IReadOnlySet<string> SupportedLabels { get; }

    /// <summary>One label per line, in order; <c>und</c> where the tool gives none.</summary>
    IReadOnlyList<string> Predict(IReadOnlyList<string> lines);
}
