using System.Text;

namespace Corpus.Synth.Verification;

/// <summary>Finds fenced code blocks (<c>```python</c> … <c>```</c>, or <c>~~~</c>) in a model's answer.</summary>
internal static class FencedCode
{
    private static readonly string[] PythonTags = ["python", "py", "python3"];

    /// <summary>
    /// The contents of the blocks whose info string is <c>python</c>, <c>py</c> or <c>python3</c> (any case),
    /// in order. A fence opens with three or more backticks or tildes (indented up to three spaces) and
    /// closes with at least as many of the same; a block left open runs to the end of the text.
    /// </summary>
    public static IReadOnlyList<string> PythonBlocks(string text)
    {
        var blocks = new List<string>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (lines[^1].Length == 0)
        {
            lines = lines[..^1];
        }

        for (var i = 0; i < lines.Length; i++)
        {
            if (!TryOpen(lines[i], out var fence, out var info))
            {
                continue;
            }

            var body = new StringBuilder();
            var j = i + 1;
            for (; j < lines.Length && !Closes(lines[j], fence); j++)
            {
                body.Append(lines[j]).Append('\n');
            }

            var language = info.Split(' ', 2)[0];
            if (PythonTags.Contains(language, StringComparer.OrdinalIgnoreCase))
            {
                blocks.Add(body.ToString());
            }

            i = j;
        }

        return blocks;
    }

    private static bool TryOpen(string line, out string fence, out string info)
    {
        fence = info = string.Empty;
        var trimmed = line.TrimStart(' ');
        if (line.Length - trimmed.Length > 3 || trimmed.Length < 3 || trimmed[0] is not ('`' or '~'))
        {
            return false;
        }

        var length = 0;
        while (length < trimmed.Length && trimmed[length] == trimmed[0])
        {
            length++;
        }

        if (length < 3)
        {
            return false;
        }

        fence = trimmed[..length];
        info = trimmed[length..].Trim();
        return !(trimmed[0] == '`' && info.Contains('`', StringComparison.Ordinal));
    }

    private static bool Closes(string line, string fence)
    {
        var trimmed = line.Trim();
        return trimmed.Length >= fence.Length && trimmed.All(c => c == fence[0]) && line.Length - line.TrimStart(' ').Length <= 3;
    }
}
