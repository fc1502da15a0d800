using Corpus.Core.Configuration;

namespace Corpus.Shards.Mixing;

/// <summary>A stage plan's per-document rules: eligibility and the document's <see cref="MixCell"/>.</summary>
public sealed class StageRules
{
    /// <summary>The length group of a document outside every named length range.</summary>
    public const string OtherLength = "other";

    private readonly StagePlan _plan;
    private readonly (long Min, long Max, string Group)[] _lengths;

    /// <summary>Rules for <paramref name="plan"/>.</summary>
    public StageRules(StagePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _plan = plan;
        _lengths = plan.Mixture.Length
            .Select(s => LengthRange.TryParse(s.Group, out var min, out var max)
                ? (min, max ?? long.MaxValue, s.Group)
                : throw new ArgumentException($"stage '{plan.Name}': length group '{s.Group}' is not MIN-MAX or MIN-", nameof(plan)))
            .ToArray();
    }

    /// <summary>The plan the rules come from.</summary>
    public StagePlan Plan => _plan;

    /// <summary>Whether the document may enter the stage.</summary>
    public bool IsEligible(in StageDocument document)
    {
        var e = _plan.Eligibility;
        if (document.Tokens < e.MinTokens || (e.MaxTokens is { } max && document.Tokens > max))
        {
            return false;
        }

        if (e.MinEduScore is { } minEdu && (document.EduScore is not { } edu || edu < minEdu))
        {
            return false;
        }

        return (e.Languages.IsDefaultOrEmpty || e.Languages.Contains(document.Language))
            && (e.Domains.IsDefaultOrEmpty || e.Domains.Contains(document.Domain))
            && (e.Sources.IsDefaultOrEmpty || e.Sources.Contains(document.Source));
    }

    /// <summary>The document's cell in this stage.</summary>
    public MixCell CellOf(in StageDocument document) =>
        new(document.Language, document.Domain, document.Source, LengthGroup(document.Tokens));

    /// <summary>The named length range holding <paramref name="tokens"/>, <see cref="OtherLength"/>, or empty when the stage names none.</summary>
    public string LengthGroup(long tokens)
    {
        if (_lengths.Length == 0)
        {
            return string.Empty;
        }

        foreach (var (min, max, group) in _lengths)
        {
            if (tokens >= min && tokens < max)
            {
                return group;
            }
        }

        return OtherLength;
    }
}
