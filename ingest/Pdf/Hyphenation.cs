namespace Corpus.Ingest.Pdf;

/// <summary>
/// Repairs words split at line ends. A line ending in a letter and a hyphen, followed by a line starting with a
/// letter, is joined without a space:
/// <list type="bullet">
/// <item>a soft hyphen (U+00AD) is always dropped;</item>
/// <item>next line lower case: the hyphen is dropped ("exam-" + "ple" → "example") unless the document also has the
/// hyphenated form inside a line ("well-known"), or does not have the joined form and the part before the hyphen
/// is a word that usually starts a compound (<see cref="CompoundHeads"/>: "well-" + "known" → "well-known");</item>
/// <item>next line upper case or a digit: the hyphen stays ("Franco-" + "Prussian" → "Franco-Prussian").</item>
/// </list>
/// Without a dictionary this is the simplest rule that is right for ordinary prose; it is wrong for an unknown
/// compound broken at its own hyphen whose head is not in the list (it loses its hyphen).
/// </summary>
internal static class Hyphenation
{
    /// <summary>Heads that almost never end a syllable break inside a word but often start a compound.</summary>
    private static readonly HashSet<string> CompoundHeads = new(StringComparer.OrdinalIgnoreCase) { "well", "self", "non" };

    /// <summary>How a line and the next meet.</summary>
    public enum Joint
    {
        /// <summary>Not a hyphenated break.</summary>
        None,

        /// <summary>Drop the hyphen, no space.</summary>
        DropHyphen,

        /// <summary>Keep the hyphen, no space.</summary>
        KeepHyphen,
    }

    public static Joint Classify(string line, string next, DocumentWords words)
    {
        if (line.Length < 2 || next.Length == 0)
        {
            return Joint.None;
        }

        var hyphen = line[^1];
        if (hyphen is not ('-' or '\u00AD' or '\u2010') || !char.IsLetter(line[^2]) || !char.IsLetterOrDigit(next[0]))
        {
            return Joint.None;
        }

        if (hyphen == '\u00AD')
        {
            return Joint.DropHyphen;
        }

        if (!char.IsLower(next[0]))
        {
            return Joint.KeepHyphen;
        }

        var head = LastWord(line[..^1]);
        var tail = FirstWord(next);
        if (words.Contains(head + "-" + tail))
        {
            return Joint.KeepHyphen;
        }

        if (words.Contains(head + tail))
        {
            return Joint.DropHyphen;
        }

        return CompoundHeads.Contains(head) || head.Contains('-', StringComparison.Ordinal) ? Joint.KeepHyphen : Joint.DropHyphen;
    }

    private static string LastWord(string text)
    {
        var i = text.Length;
        while (i > 0 && (char.IsLetter(text[i - 1]) || text[i - 1] == '-'))
        {
            i--;
        }

        return text[i..];
    }

    private static string FirstWord(string text)
    {
        var i = 0;
        while (i < text.Length && char.IsLetter(text[i]))
        {
            i++;
        }

        return text[..i];
    }
}
