using System.Text;

namespace Corpus.Filters.Languages.Training;

/// <summary>
/// The translated strings of a Fluent file (<c>.ftl</c>, Mozilla's localization format): each message's
/// and term's value and each of its attributes (<c>.label = …</c>) as one string, continuation lines joined
/// with spaces. A selector (<c>{ $n -&gt; [one] … *[other] … }</c>) becomes its default variant's text;
/// any other placeable (<c>{ $name }</c>, <c>{ -brand-short-name }</c>) becomes a space. Comments are skipped.
/// </summary>
internal static class FluentText
{
    /// <summary>The strings of the file's text, in file order.</summary>
    public static IEnumerable<string> Strings(string text)
    {
        var pattern = new StringBuilder();
        var inEntry = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                if (inEntry)
                {
                    pattern.Append('\n');
                }

                continue;
            }

            if (line[0] is ' ' or '\t')
            {
                if (!inEntry)
                {
                    continue;
                }

                var trimmed = line.TrimStart();
                if (IsAttribute(trimmed, out var value))
                {
                    if (Resolve(pattern.ToString()) is { } done)
                    {
                        yield return done;
                    }

                    pattern.Clear().Append(value);
                }
                else
                {
                    pattern.Append('\n').Append(trimmed);
                }

                continue;
            }

            if (inEntry && Resolve(pattern.ToString()) is { } previous)
            {
                yield return previous;
            }

            pattern.Clear();
            inEntry = IsEntry(line, out var first);
            if (inEntry)
            {
                pattern.Append(first);
            }
        }

        if (inEntry && Resolve(pattern.ToString()) is { } last)
        {
            yield return last;
        }
    }

    /// <summary>The pattern's text with placeables resolved and whitespace collapsed; null when nothing is left.</summary>
    public static string? Resolve(string pattern)
    {
        var sb = new StringBuilder(pattern.Length);
        AppendResolved(pattern.AsSpan(), sb);
        var collapsed = string.Join(' ', sb.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length > 0 ? collapsed : null;
    }

    // "id = value" or "-term = value" at the start of a line.
    private static bool IsEntry(string line, out string value) => IsAssignment(line, line[0] == '-' ? 1 : 0, out value);

    // ".attribute = value" on an indented line.
    private static bool IsAttribute(string trimmed, out string value)
    {
        value = string.Empty;
        return trimmed.Length > 1 && trimmed[0] == '.' && IsAssignment(trimmed, 1, out value);
    }

    // An identifier (a letter, then letters, digits, '_' or '-') at start, then '=' and the value, trimmed.
    private static bool IsAssignment(string s, int start, out string value)
    {
        value = string.Empty;
        if (start >= s.Length || !char.IsAsciiLetter(s[start]))
        {
            return false;
        }

        var i = start + 1;
        while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] is '_' or '-'))
        {
            i++;
        }

        var rest = s.AsSpan(i).TrimStart(' ');
        if (rest.Length == 0 || rest[0] != '=')
        {
            return false;
        }

        value = rest[1..].Trim().ToString();
        return true;
    }

    private static void AppendResolved(ReadOnlySpan<char> pattern, StringBuilder sb)
    {
        var i = 0;
        while (i < pattern.Length)
        {
            var ch = pattern[i];
            if (ch != '{')
            {
                sb.Append(ch is '\n' ? ' ' : ch);
                i++;
                continue;
            }

            var close = MatchingBrace(pattern, i);
            if (close < 0)
            {
                return; // unbalanced: the rest is not text
            }

            var inside = pattern[(i + 1)..close];
            if (DefaultVariant(inside) is { Length: > 0 } variant)
            {
                sb.Append(' ');
                AppendResolved(variant, sb);
            }

            sb.Append(' ');
            i = close + 1;
        }
    }

    // Index of the brace closing the one at open, braces inside string literals ignored; -1 if none.
    private static int MatchingBrace(ReadOnlySpan<char> s, int open)
    {
        var depth = 0;
        var quoted = false;
        for (var i = open; i < s.Length; i++)
        {
            var ch = s[i];
            if (quoted)
            {
                if (ch == '\\')
                {
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }

                continue;
            }

            switch (ch)
            {
                case '"':
                    quoted = true;
                    break;
                case '{':
                    depth++;
                    break;
                case '}':
                    if (--depth == 0)
                    {
                        return i;
                    }

                    break;
            }
        }

        return -1;
    }

    // A selector's default variant ("*[other] text" up to the next variant key); empty when the placeable is no selector.
    private static ReadOnlySpan<char> DefaultVariant(ReadOnlySpan<char> placeable)
    {
        var arrow = TopLevelIndex(placeable, "->", 0);
        if (arrow < 0)
        {
            return [];
        }

        var star = TopLevelIndex(placeable, "*[", arrow);
        if (star < 0)
        {
            return [];
        }

        var keyEnd = placeable[star..].IndexOf(']');
        if (keyEnd < 0)
        {
            return [];
        }

        var start = star + keyEnd + 1;
        var end = placeable.Length;
        for (var i = start; i < placeable.Length; i++)
        {
            // The next variant key begins a line of its own ("[one]" or "*[other]").
            if (placeable[i] == '\n')
            {
                var next = placeable[(i + 1)..].TrimStart(" \t");
                if (next.StartsWith("[") || next.StartsWith("*["))
                {
                    end = i;
                    break;
                }
            }
            else if (placeable[i] == '{')
            {
                var close = MatchingBrace(placeable, i);
                if (close < 0)
                {
                    break;
                }

                i = close;
            }
        }

        return placeable[start..end];
    }

    // The first index of value in s at or after from that is not inside a nested placeable.
    private static int TopLevelIndex(ReadOnlySpan<char> s, string value, int from)
    {
        var depth = 0;
        for (var i = from; i < s.Length; i++)
        {
            if (s[i] == '{')
            {
                depth++;
            }
            else if (s[i] == '}')
            {
                depth--;
            }
            else if (depth == 0 && s[i..].StartsWith(value))
            {
                return i;
            }
        }

        return -1;
    }
}
