namespace Corpus.Filters.Languages.Training;

/// <summary>How a <see cref="CharacterNgramModel"/> is trained (<see cref="CharacterNgramTrainer"/>).</summary>
/// <param name="MinN">The shortest n-gram, in characters of a padded word (<c>" ukuthi "</c>).</param>
/// <param name="MaxN">The longest n-gram.</param>
/// <param name="Prior">The weight of the prior that smooths each label's n-gram frequencies towards all the labels' together.</param>
/// <param name="MinCount">An n-gram seen fewer times in all the labels' text together is left out (read as unseen).</param>
public sealed record CharacterNgramOptions(int MinN = 1, int MaxN = 5, double Prior = 1000, int MinCount = 1);
