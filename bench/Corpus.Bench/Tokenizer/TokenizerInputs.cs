using System.Text;
using Corpus.Tests.Shared;

namespace Corpus.Bench.Tokenizer;

/// <summary>The inputs of issue 3's comparison: UDHR (all), English prose, source code, CJK only.</summary>
internal static class TokenizerInputs
{
    public static IReadOnlyList<(string Name, IReadOnlyList<string> Docs)> All() =>
    [
        ("udhr", BenchInputs.Udhr()),
        ("prose-en", EnglishProse()),
        ("code-cs", BenchInputs.SourceCode()),
        ("cjk", Cjk()),
    ];

    /// <summary>UDHR English and this repository's docs/*.md, one document each, repeated to about 2 MB.</summary>
    public static IReadOnlyList<string> EnglishProse()
    {
        var sources = RepoData.UdhrTranslations.Where(t => t.Name == "eng").Select(t => t.Text)
            .Concat(Directory.EnumerateFiles(Path.Combine(BenchInputs.RepoRoot, "docs"), "*.md").Order(StringComparer.Ordinal).Select(File.ReadAllText))
            .ToList();
        return Repeat(sources, 2_000_000);
    }

    /// <summary>The Chinese, Japanese and Korean UDHR translations, repeated to about 2 MB.</summary>
    public static IReadOnlyList<string> Cjk()
    {
        var sources = RepoData.UdhrTranslations
            .Where(t => t.Name.StartsWith("cmn", StringComparison.Ordinal) || t.Name.StartsWith("jpn", StringComparison.Ordinal) || t.Name.StartsWith("kor", StringComparison.Ordinal))
            .Select(t => t.Text)
            .ToList();
        return Repeat(sources, 2_000_000);
    }

    /// <summary>A file of about <paramref name="bytes"/> bytes: UDHR translations, one paragraph a line, in turn.</summary>
    public static string WriteMultilingualFile(string path, long bytes)
    {
        var lines = RepoData.UdhrTranslations
            .SelectMany(t => t.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        long written = 0;
        for (int i = 0; written < bytes; i++)
        {
            string line = lines[i % lines.Count];
            writer.Write(line);
            writer.Write('\n');
            written += Encoding.UTF8.GetByteCount(line) + 1;
        }

        return path;
    }

    private static List<string> Repeat(List<string> sources, long bytes)
    {
        var docs = new List<string>();
        long total = 0;
        for (int i = 0; total < bytes; i++)
        {
            docs.Add(sources[i % sources.Count]);
            total += Encoding.UTF8.GetByteCount(sources[i % sources.Count]);
        }

        return docs;
    }
}
