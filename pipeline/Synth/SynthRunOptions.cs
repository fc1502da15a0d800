namespace Corpus.Pipeline.Synth;

/// <summary>Where <see cref="SynthRunner"/> writes, and how samples are screened before.</summary>
public sealed record SynthRunOptions
{
    /// <summary>A folder (gets <c>synth/part-NNNNN.parquet</c> and <c>rejects/synth-NNNNN.jsonl</c>) or a <c>.parquet</c> file (gets <c>NAME.rejects.jsonl</c> beside it).</summary>
    public required string Output { get; init; }

    /// <summary>Evaluation sets (GSM8K, MATH, HumanEval, MBPP JSONL) to decontaminate against; empty: none.</summary>
    public IReadOnlyList<string> EvalSets { get; init; } = [];

    /// <summary>Words in a run shared with an evaluation set that rejects a sample. Default 13, as the corpus.</summary>
    public int DecontaminationNGram { get; init; } = 13;

    /// <summary>Remove near-duplicate accepted samples (MinHash, the corpus's settings). Default true.</summary>
    public bool Dedup { get; init; } = true;

    /// <summary>Samples per output part. Default 10,000.</summary>
    public int RowsPerPart { get; init; } = 10_000;
}
