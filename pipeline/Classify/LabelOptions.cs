namespace Corpus.Pipeline.Classify;

/// <summary>What <see cref="CorpusLabeler.LabelAsync"/> labels, and with which models.</summary>
public sealed record LabelOptions
{
    /// <summary>The build folder; labels go to its <c>labels/</c> folder.</summary>
    public required string BuildDir { get; init; }

    /// <summary>The folder holding <c>edu.bin</c> and <c>domain.bin</c> (the <c>--out</c> of <c>corpus classify train</c>).</summary>
    public required string ModelsDir { get; init; }

    /// <summary>The folder of document parts relative to <see cref="BuildDir"/>; null takes the last phase that wrote any.</summary>
    public string? InputDir { get; init; }

    /// <summary>Characters of each document the classifiers read (as in training). Default 8,000.</summary>
    public int MaxChars { get; init; } = 8000;

    /// <summary>Documents labelled at once. Default: the number of cores.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;
}
