namespace Corpus.Filters.Languages.Training;

/// <summary>A group of close languages whose model tells them apart (<see cref="LidRecipe.Groups"/>).</summary>
/// <param name="Name">The group's name, in its model's file name (<c>corpus-lid.group-nguni.ngrams</c>).</param>
/// <param name="Labels">Its labels (<c>zul_Latn</c>).</param>
/// <param name="Engine">The kind of model it has.</param>
public sealed record LidLanguageGroup(string Name, IReadOnlyList<string> Labels, LidGroupEngine Engine = LidGroupEngine.FastText);
