using System.Text;

namespace Corpus.Filters.Classification.Code;

/// <summary>
/// The longest run of plain characters that every match of a regular expression contains, read from the
/// pattern's top level: a text without it cannot match, so the pattern need not run on it (a vectorized
/// <c>Contains</c> instead of a scan by the regex engine). Conservative: nothing inside groups or character
/// classes counts, a top-level alternation or an inline option (<c>(?i)</c>) gives none, and a character a
/// quantifier may repeat or drop ends the run.
/// </summary>
internal static class RequiredLiteral
{
    /// <summary>Runs shorter than this are not worth a check.</summary>
    public const int MinLength = 2;

    /// <summary>The literal, or null when the pattern has none of <see cref="MinLength"/> or more characters.</summary>
    public static string? Of(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.StartsWith("(?", StringComparison.Ordinal) && !pattern.StartsWith("(?:", StringComparison.Ordinal))
        {
            return null; // an inline option such as (?i) changes what the characters match
        }

        if (HasTopLevelAlternation(pattern))
        {
            return null;
        }

        var best = string.Empty;
        var run = new StringBuilder();
        void End()
        {
            if (run.Length > best.Length)
            {
                best = run.ToString();
            }

            run.Clear();
        }

        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            char? literal = null;
            switch (c)
            {
                case '\\' when i + 1 < pattern.Length:
                    var e = pattern[i + 1];
                    i += 2;
                    if (char.IsLetterOrDigit(e))
                    {
                        if (e is 'p' or 'P' && i < pattern.Length && pattern[i] == '{')
                        {
                            i = pattern.IndexOf('}', i) + 1; // \p{L}
                        }

                        End(); // \b \s \w \d \A \n ...: not a plain character
                        continue;
                    }

                    literal = e;
                    break;
                case '[':
                    i = SkipClass(pattern, i);
                    End();
                    i = SkipQuantifier(pattern, i);
                    continue;
                case '(':
                    i = SkipGroup(pattern, i);
                    End();
                    i = SkipQuantifier(pattern, i);
                    continue;
                case '^' or '$' or '.' or ')' or '|':
                    i++;
                    End();
                    continue;
                case '*' or '+' or '?':
                    i++;
                    End();
                    continue;
                case '{' when i + 1 < pattern.Length && char.IsDigit(pattern[i + 1]):
                    i = SkipQuantifier(pattern, i);
                    End();
                    continue;
                default:
                    literal = c;
                    i++;
                    break;
            }

            if (i < pattern.Length && IsQuantifier(pattern, i))
            {
                // The character may be dropped or repeated: it is not part of a required run.
                End();
                i = SkipQuantifier(pattern, i);
                continue;
            }

            run.Append(literal!.Value);
        }

        End();
        return best.Length >= MinLength ? best : null;
    }

    private static bool IsQuantifier(string p, int i) =>
        p[i] is '*' or '+' or '?' || (p[i] == '{' && i + 1 < p.Length && char.IsDigit(p[i + 1]));

    private static int SkipQuantifier(string p, int i)
    {
        if (i >= p.Length || !IsQuantifier(p, i))
        {
            return i;
        }

        i = p[i] == '{' ? p.IndexOf('}', i) + 1 : i + 1;
        return i < p.Length && p[i] == '?' ? i + 1 : i; // lazy
    }

    // Past the class that opens at i: escapes and a leading ']' are part of it.
    private static int SkipClass(string p, int i)
    {
        i++;
        if (i < p.Length && p[i] == '^')
        {
            i++;
        }

        if (i < p.Length && p[i] == ']')
        {
            i++;
        }

        while (i < p.Length && p[i] != ']')
        {
            i += p[i] == '\\' ? 2 : 1;
        }

        return i + 1;
    }

    // Past the group that opens at i, nested groups and classes included.
    private static int SkipGroup(string p, int i)
    {
        var depth = 0;
        while (i < p.Length)
        {
            switch (p[i])
            {
                case '\\':
                    i += 2;
                    continue;
                case '[':
                    i = SkipClass(p, i);
                    continue;
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    if (depth == 0)
                    {
                        return i + 1;
                    }

                    break;
            }

            i++;
        }

        return i;
    }

    private static bool HasTopLevelAlternation(string p)
    {
        for (var i = 0; i < p.Length; i = PastAtom(p, i))
        {
            if (p[i] == '|')
            {
                return true;
            }
        }

        return false;
    }

    // Just past the top-level atom at i: an escape, a class, a group or one character.
    private static int PastAtom(string p, int i) => p[i] switch
    {
        '\\' => i + 2,
        '[' => SkipClass(p, i),
        '(' => SkipGroup(p, i),
        _ => i + 1,
    };
}
