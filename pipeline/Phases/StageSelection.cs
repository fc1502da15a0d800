using Corpus.Core.Configuration;
using Corpus.Pipeline.Storage;
using Corpus.Shards.Mixing;

namespace Corpus.Pipeline.Phases;

/// <summary>
/// Which copies of a tokenized document each stage split takes: none when the stage's rules make it
/// ineligible; for a held-out document one copy in <c>valid</c> when its cell and bucket would be
/// taken, none in <c>train</c>; for the others the copies the <see cref="StageMix"/> decides, in
/// <c>train</c> only. A pure function of the document, the config and the mixes.
/// </summary>
internal sealed class StageSelection(BuildConfig config, IReadOnlyList<StageMix> mixes)
{
    public const int Train = 0;
    public const int Valid = 1;

    public static readonly string[] Splits = ["train", "valid"];

    private readonly StageRules[] _rules = [.. config.Stages.Select(s => new StageRules(s))];

    public int StageCount => _rules.Length;

    /// <summary>Whether the document is held out of every training split.</summary>
    public bool IsHeldOut(TokenizedRow row) => MixingHash.IsValidation(config.Seed, row.Id, config.Shards.ValidationShare);

    /// <summary>Copies of <paramref name="row"/> in stage <paramref name="stage"/>'s <paramref name="split"/>; <paramref name="eligible"/> says whether the stage may take it at all.</summary>
    public int Copies(TokenizedRow row, bool heldOut, int stage, int split, out bool eligible)
    {
        var document = TokenizeTaskExecutor.StageDocumentOf(row);
        eligible = _rules[stage].IsEligible(document);
        if (!eligible || heldOut != (split == Valid))
        {
            return 0;
        }

        var cell = _rules[stage].CellOf(document);
        var bucket = MixingHash.Bucket(MixingHash.Draw(config.Seed, _rules[stage].Plan.Name, row.Id));
        return heldOut ? (mixes[stage].TakesValidation(cell, bucket) ? 1 : 0) : mixes[stage].Copies(cell, bucket);
    }
}
