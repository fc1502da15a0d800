using System.Globalization;

namespace Corpus.Core.Configuration;

/// <summary>A stage mixture's length group: <c>MIN-MAX</c> or <c>MIN-</c>, in tokens, MIN inclusive and MAX exclusive.</summary>
public static class LengthRange
{
    /// <summary>Parses <paramref name="group"/>; <paramref name="max"/> is null for an open range.</summary>
    public static bool TryParse(string group, out long min, out long? max)
    {
        ArgumentNullException.ThrowIfNull(group);
        min = 0;
        max = null;
        var dash = group.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || !long.TryParse(group.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out min))
        {
            return false;
        }

        if (dash == group.Length - 1)
        {
            return true;
        }

        if (!long.TryParse(group.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var upper) || upper <= min)
        {
            return false;
        }

        max = upper;
        return true;
    }
}
