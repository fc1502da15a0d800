namespace Corpus.Synth.Recipes;

/// <summary>Tidies what a model wrote when asked for a problem.</summary>
internal static class RecipeText
{
    /// <summary>The text without a leading <c>Label:</c> (or <c>**Label:**</c>), trimmed.</summary>
    public static string WithoutLabel(string text, string label)
    {
        var t = text.Trim();
        foreach (var prefix in (string[])[$"**{label}:**", $"**{label}**:", $"{label}:", $"### {label}", $"## {label}"])
        {
            if (t.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return t[prefix.Length..].Trim();
            }
        }

        return t;
    }

    /// <summary>The text before the first line that starts with one of <paramref name="labels"/> (a solution the model added anyway), trimmed.</summary>
    public static string CutAtLine(string text, params string[] labels)
    {
        var lines = text.Split('\n');
        for (int i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimStart('#', '*', ' ', '\t');
            if (labels.Any(l => line.StartsWith(l, StringComparison.OrdinalIgnoreCase) && line.Length > l.Length && line[l.Length] is ':' or '*' or ' '))
            {
                return string.Join('\n', lines[..i]).Trim();
            }
        }

        return text.Trim();
    }
}
