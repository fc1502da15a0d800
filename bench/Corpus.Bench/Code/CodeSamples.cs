using System.Text;

namespace Corpus.Bench.Code;

/// <summary>One test file of <c>bench-code-lang</c>: its language (by extension), path and text.</summary>
internal sealed record CodeSample(string Language, string Path, string Text);

/// <summary>
/// The test set of <c>bench-code-lang</c>: source files under the given folders (by default the Debian packages
/// of code-packages.txt, unpacked by fetch-code-samples.sh), each labelled by its file extension (or name:
/// <c>Makefile</c>, <c>Dockerfile</c>) with one of
/// the languages <see cref="Filters.Classification.Code.ProgrammingLanguageIdentifier"/> names. Extensions two
/// languages share (<c>.h</c>, <c>.m</c>) are left out, as are minified files, highlighting fixtures (bat's
/// <c>highlighted/</c> outputs), files of fewer than <see cref="MinChars"/> characters or 3 non-empty lines,
/// binary files and copies of a file already taken. Per language the files are taken in the order of a
/// hash of their paths, so the same folders give the same set.
/// </summary>
internal static class CodeSamples
{
    /// <summary>Shorter files say too little for any tool.</summary>
    public const int MinChars = 100;

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.Ordinal)
    {
        [".py"] = "Python", [".c"] = "C", [".cpp"] = "C++", [".cc"] = "C++", [".cxx"] = "C++", [".hpp"] = "C++",
        [".cs"] = "C#", [".java"] = "Java", [".js"] = "JavaScript", [".mjs"] = "JavaScript", [".ts"] = "TypeScript",
        [".go"] = "Go", [".rs"] = "Rust", [".rb"] = "Ruby", [".php"] = "PHP", [".sh"] = "Shell", [".bash"] = "Shell",
        [".sql"] = "SQL", [".html"] = "HTML", [".htm"] = "HTML", [".css"] = "CSS", [".kt"] = "Kotlin", [".swift"] = "Swift",
        [".lua"] = "Lua", [".pl"] = "Perl", [".pm"] = "Perl", [".R"] = "R", [".r"] = "R", [".hs"] = "Haskell",
        [".scala"] = "Scala", [".md"] = "Markdown", [".json"] = "JSON", [".yaml"] = "YAML", [".yml"] = "YAML",
        [".tex"] = "TeX", [".xml"] = "XML", [".mk"] = "Makefile", [".ps1"] = "PowerShell", [".psm1"] = "PowerShell",
    };

    private static readonly Dictionary<string, string> ByName = new(StringComparer.Ordinal)
    {
        ["Makefile"] = "Makefile", ["GNUmakefile"] = "Makefile", ["makefile"] = "Makefile", ["Dockerfile"] = "Dockerfile",
    };

    /// <summary>The language a file's name says, or null.</summary>
    public static string? LanguageOf(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        if (name.Contains(".min.", StringComparison.Ordinal) || path.Contains("/highlighted/", StringComparison.Ordinal))
        {
            return null;
        }

        return ByName.GetValueOrDefault(name) ?? ByExtension.GetValueOrDefault(System.IO.Path.GetExtension(name));
    }

    /// <summary>
    /// At most <paramref name="perLanguage"/> files per language from <paramref name="roots"/>, each cut to
    /// <paramref name="maxChars"/> characters, after the first <paramref name="offset"/> of each language (a
    /// second, disjoint set with an offset of the first's size).
    /// </summary>
    public static IReadOnlyList<CodeSample> Collect(IReadOnlyList<string> roots, int perLanguage, int maxChars, int offset = 0)
    {
        var candidates = new List<(string Language, string Path, ulong Order)>();
        foreach (var root in roots)
        {
            var full = System.IO.Path.GetFullPath(root);
            foreach (var path in Directory.EnumerateFiles(full, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }))
            {
                if (LanguageOf(path) is { } language)
                {
                    candidates.Add((language, path, Fnv(System.IO.Path.GetRelativePath(full, path))));
                }
            }
        }

        var seen = new HashSet<ulong>();
        var samples = new List<CodeSample>();
        foreach (var group in candidates.GroupBy(c => c.Language, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var taken = 0;
            var skipped = 0;
            foreach (var (language, path, _) in group.OrderBy(c => c.Order).ThenBy(c => c.Path, StringComparer.Ordinal))
            {
                if (taken == perLanguage)
                {
                    break;
                }

                if (Read(path, maxChars) is { } text && seen.Add(Fnv(text)))
                {
                    if (skipped < offset)
                    {
                        skipped++;
                        continue;
                    }

                    samples.Add(new CodeSample(language, path, text));
                    taken++;
                }
            }
        }

        return samples;
    }

    private static string? Read(string path, int maxChars)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException)
        {
            return null;
        }

        if (bytes.AsSpan().Contains((byte)0))
        {
            return null; // binary
        }

        var text = Encoding.UTF8.GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (text.Length > maxChars)
        {
            var cut = text.LastIndexOf('\n', maxChars - 1);
            text = text[..(cut > maxChars / 2 ? cut + 1 : maxChars)];
        }

        var lines = text.Split('\n').Count(l => !string.IsNullOrWhiteSpace(l));
        return text.Trim().Length >= MinChars && lines >= 3 ? text : null;
    }

    private static ulong Fnv(string s)
    {
        var h = 14695981039346656037UL;
        foreach (var ch in s)
        {
            h = (h ^ ch) * 1099511628211UL;
        }

        return h;
    }
}
