namespace Corpus.Filters.Languages;

/// <summary>The 119 languages and dialects of the Qwen3 report, as FLORES-200 codes (data/qwen3-languages.tsv).</summary>
public static class Qwen3Languages
{
    private static readonly Lazy<HashSet<string>> Set = new(() => LanguageTable.All.Select(p => p.Code).ToHashSet(StringComparer.Ordinal));

    private static readonly Lazy<IReadOnlyList<(string Code, string Name)>> Listed = new(ReadList);

    /// <summary>Every code, e.g. <c>eng_Latn</c>, <c>zho_Hans</c>.</summary>
    public static IReadOnlySet<string> Codes => Set.Value;

    /// <summary>Every language with its English name, in the order of the Qwen3 list.</summary>
    public static IReadOnlyList<(string Code, string Name)> All => Listed.Value;

    private static List<(string Code, string Name)> ReadList()
    {
        using var stream = typeof(Qwen3Languages).Assembly.GetManifestResourceStream("qwen3-languages.tsv")
            ?? throw new InvalidOperationException("the embedded qwen3-languages.tsv is missing");
        using var reader = new StreamReader(stream);
        var list = new List<(string, string)>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split('\t');
            if (fields.Length >= 2 && fields[0].Length > 0)
            {
                list.Add((fields[0], fields[1]));
            }
        }

        return list;
    }
}
