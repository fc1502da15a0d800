namespace Corpus.Shards.Mixing;

/// <summary>
/// The unit mixing decides on: documents of one language, domain, source and length group (the
/// length group is empty when the stage sets no length shares). Every document of a cell has the
/// same sampling rate.
/// </summary>
public sealed record MixCell(string Language, string Domain, string Source, string Length) : IComparable<MixCell>
{
    /// <summary>Ordinal order by language, domain, source, length.</summary>
    public int CompareTo(MixCell? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = string.CompareOrdinal(Language, other.Language);
        if (c == 0)
        {
            c = string.CompareOrdinal(Domain, other.Domain);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(Source, other.Source);
        }

        return c != 0 ? c : string.CompareOrdinal(Length, other.Length);
    }

    /// <summary>The cell's value in a mixture dimension.</summary>
    public string GroupOf(MixDimension dimension) => dimension switch
    {
        MixDimension.Language => Language,
        MixDimension.Domain => Domain,
        MixDimension.Source => Source,
        MixDimension.Length => Length,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };
}

/// <summary>The dimensions a stage's mixture can set shares on.</summary>
public enum MixDimension
{
    /// <summary>Language code.</summary>
    Language,

    /// <summary>Domain label.</summary>
    Domain,

    /// <summary>Source kind.</summary>
    Source,

    /// <summary>Document length range.</summary>
    Length,
}
