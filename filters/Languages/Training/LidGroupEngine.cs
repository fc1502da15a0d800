namespace Corpus.Filters.Languages.Training;

/// <summary>The kind of model a language group's is (<see cref="LidLanguageGroup"/>).</summary>
public enum LidGroupEngine
{
    /// <summary>A fastText model (<see cref="LidRecipe.GroupTrainingOptions"/>), <c>corpus-lid.group-NAME.bin</c>.</summary>
    FastText,

    /// <summary>A naive Bayes character n-gram model (<see cref="LidRecipe.GroupNgramOptions"/>), <c>corpus-lid.group-NAME.ngrams</c>.</summary>
    CharacterNgrams,
}
