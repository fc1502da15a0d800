using Corpus.FastText;

namespace Corpus.Pipeline.Classify;

/// <summary>What <see cref="ClassifierTraining.TrainAsync"/> wrote and measured.</summary>
/// <param name="TrainExamples">Annotated documents trained on.</param>
/// <param name="ValidationExamples">Annotated documents held back.</param>
/// <param name="MissingTexts">Annotations whose document was not found in the input parts.</param>
/// <param name="EduModel">The educational-score model, <c>OUT/edu.bin</c>.</param>
/// <param name="DomainModel">The domain model, <c>OUT/domain.bin</c>.</param>
/// <param name="EduValidation">The educational-score model on the held-back documents (null when none were held back).</param>
/// <param name="DomainValidation">The domain model on the held-back documents (null when none were held back).</param>
public sealed record TrainResult(
    long TrainExamples,
    long ValidationExamples,
    long MissingTexts,
    string EduModel,
    string DomainModel,
    FastTextEvaluation? EduValidation,
    FastTextEvaluation? DomainValidation);
