namespace Corpus.Shards.Mixing;

/// <summary>
/// A stage's mixing decision: for every cell the copies each document gets, so that the training
/// split meets the token budget and the mixture's shares. A document of cell <c>c</c> whose draw
/// falls in bucket <c>b</c> gets <c>WholeCopies + (b &lt; ThresholdBucket ? 1 : 0)</c> copies.
/// </summary>
public sealed class StageMix
{
    private readonly Dictionary<MixCell, CellDecision> _byCell;

    internal StageMix(string stage, long budget, long eligibleDocuments, long eligibleTokens, string? budgetNote, IReadOnlyList<CellDecision> cells, IReadOnlyList<MixtureCheck> checks)
    {
        Stage = stage;
        Budget = budget;
        EligibleDocuments = eligibleDocuments;
        EligibleTokens = eligibleTokens;
        Cells = cells;
        Checks = checks;
        _byCell = cells.ToDictionary(c => c.Cell);
        SelectedTokens = cells.Sum(c => c.SelectedTokens);
        SelectedDocuments = cells.Sum(c => c.SelectedDocuments);
        BudgetMet = budget == 0 ? SelectedTokens == 0 : Math.Abs(SelectedTokens - budget) <= budget * MixturePlanner.BudgetTolerance;
        BudgetNote = budgetNote ?? (BudgetMet ? string.Empty : "the budget could not be met within 1%");
    }

    /// <summary>The stage's name.</summary>
    public string Stage { get; }

    /// <summary>Tokens the training split aims at.</summary>
    public long Budget { get; }

    /// <summary>Eligible training documents (validation excluded).</summary>
    public long EligibleDocuments { get; }

    /// <summary>Their tokens.</summary>
    public long EligibleTokens { get; }

    /// <summary>Tokens the decision selects (copies counted).</summary>
    public long SelectedTokens { get; }

    /// <summary>Document copies the decision selects.</summary>
    public long SelectedDocuments { get; }

    /// <summary>Whether <see cref="SelectedTokens"/> is within 1% of <see cref="Budget"/>.</summary>
    public bool BudgetMet { get; }

    /// <summary>Why the budget is not met; empty when it is.</summary>
    public string BudgetNote { get; }

    /// <summary>Every cell's decision, in cell order.</summary>
    public IReadOnlyList<CellDecision> Cells { get; }

    /// <summary>Target against selected share for every group the mixture names (and the rest), per dimension.</summary>
    public IReadOnlyList<MixtureCheck> Checks { get; }

    /// <summary>Copies of a training document of <paramref name="cell"/> whose stage draw is in <paramref name="bucket"/>.</summary>
    public int Copies(MixCell cell, int bucket) =>
        _byCell.TryGetValue(cell, out var d) ? d.WholeCopies + (bucket < d.ThresholdBucket ? 1 : 0) : 0;

    /// <summary>
    /// Whether a held-out document enters this stage's validation split: when a training document of
    /// its cell and bucket would get a copy (or its cell has no training documents to decide by).
    /// </summary>
    public bool TakesValidation(MixCell cell, int bucket) =>
        !_byCell.TryGetValue(cell, out var d) || d.WholeCopies + (bucket < d.ThresholdBucket ? 1 : 0) > 0;
}

/// <summary>One cell's decision.</summary>
/// <param name="Cell">The cell.</param>
/// <param name="AvailableDocuments">Eligible training documents in it.</param>
/// <param name="AvailableTokens">Their tokens.</param>
/// <param name="Rate">Planned copies per token (below 1 downsamples, above 1 upsamples).</param>
/// <param name="WholeCopies">Copies every document of the cell gets.</param>
/// <param name="ThresholdBucket">Documents whose draw bucket is below this get one more.</param>
/// <param name="SelectedDocuments">Document copies selected.</param>
/// <param name="SelectedTokens">Tokens selected.</param>
public sealed record CellDecision(MixCell Cell, long AvailableDocuments, long AvailableTokens, double Rate, int WholeCopies, int ThresholdBucket, long SelectedDocuments, long SelectedTokens);

/// <summary>One group's target share beside what the stage selected.</summary>
/// <param name="Dimension">The mixture dimension.</param>
/// <param name="Group">The group, or <see cref="MixturePlanner.Others"/> for every group the mixture does not name.</param>
/// <param name="Target">Target share.</param>
/// <param name="Measured">Selected share.</param>
/// <param name="AvailableTokens">Eligible tokens of the group.</param>
/// <param name="SelectedTokens">Selected tokens of the group.</param>
/// <param name="Met">Whether the selected share is within 2 percentage points of the target.</param>
/// <param name="Note">Why not, when not: no data, capped at the upsampling limit, or the others lacking data.</param>
public sealed record MixtureCheck(MixDimension Dimension, string Group, double Target, double Measured, long AvailableTokens, long SelectedTokens, bool Met, string Note);
