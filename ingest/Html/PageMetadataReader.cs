using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Corpus.Ingest.Html;

/// <summary>What a page says about itself: title, language, canonical URL, published date, author.</summary>
internal sealed partial class PageMetadataReader
{
    private static readonly string[] DateMetaNames =
    [
        "article:published_time", "datepublished", "og:published_time", "date", "pubdate", "publishdate",
        "publish-date", "publication_date", "dc.date.issued", "dc.date", "dcterms.date", "dcterms.created",
        "sailthru.date", "parsely-pub-date", "article.published", "published_time", "citation_publication_date",
        "citation_date", "originalpublicationdate",
    ];

    private readonly Dictionary<string, string> _meta = new(StringComparer.OrdinalIgnoreCase);
    private string? _ldHeadline;
    private string? _ldDate;
    private string? _ldAuthor;

    public string? Title { get; private set; }

    public string? Language { get; private set; }

    public string? CanonicalUrl { get; private set; }

    public DateOnly? Date { get; private set; }

    public string? Author { get; private set; }

    /// <summary>Reads the metadata; call before anything changes the tree (scripts hold JSON-LD).</summary>
    public static PageMetadataReader Read(IDocument document, string? url)
    {
        var reader = new PageMetadataReader();
        reader.ReadAll(document, url);
        return reader;
    }

    private void ReadAll(IDocument document, string? url)
    {
        string? canonical = null;
        IElement? blank = null; // the last date candidate whose text was only whitespace
        foreach (var e in document.QuerySelectorAll("meta, link[rel], script[type], time[datetime], [itemprop=datePublished]"))
        {
            switch (e.LocalName)
            {
                case "meta":
                    var key = e.GetAttribute("property") ?? e.GetAttribute("name") ?? e.GetAttribute("itemprop") ?? e.GetAttribute("http-equiv");
                    var content = e.GetAttribute("content") ?? e.GetAttribute("datetime");
                    if (key is not null && !string.IsNullOrWhiteSpace(content))
                    {
                        _meta.TryAdd(key.Trim(), content.Trim());
                    }

                    break;
                case "link" when canonical is null && HasToken(e.GetAttribute("rel"), "canonical"):
                    canonical = e.GetAttribute("href");
                    break;
                case "script" when e.GetAttribute("type") is { } type && type.Contains("ld+json", StringComparison.OrdinalIgnoreCase):
                    ReadJsonLd(e.TextContent);
                    break;
                case not "script" and not "link" when !_meta.ContainsKey("~time"):
                    var value = e.GetAttribute("datetime") ?? e.GetAttribute("content");
                    if (value is null && !IsInside(e, blank))
                    {
                        // Elements come in document order: one inside a blank one is blank too, so nested
                        // candidates do not each read the same whitespace again.
                        value = e.TextContent;
                        if (string.IsNullOrWhiteSpace(value))
                        {
                            blank = e;
                        }
                    }

                    if (!string.IsNullOrWhiteSpace(value))
                    {
                        _meta["~time"] = value;
                    }

                    break;
            }
        }

        Title = Clean(Meta("og:title")) ?? Clean(_ldHeadline) ?? Clean(document.Title) ?? Clean(document.QuerySelector("h1")?.TextContent);
        Language = NormalizeLanguage(document.DocumentElement?.GetAttribute("lang") ?? document.DocumentElement?.GetAttribute("xml:lang"))
            ?? NormalizeLanguage(Meta("content-language")) ?? NormalizeLanguage(Meta("og:locale"));
        CanonicalUrl = Absolute(canonical ?? Meta("og:url"), url);
        foreach (var name in DateMetaNames)
        {
            Date ??= ParseDate(Meta(name));
        }

        Date ??= ParseDate(_ldDate) ?? ParseDate(Meta("~time"));
        var author = Clean(Meta("author")) ?? Clean(_ldAuthor) ?? Clean(Meta("article:author")) ?? Clean(Meta("dc.creator"));
        Author = author is not null && !author.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? author : null;
    }

    private static bool IsInside(IElement e, IElement? ancestor)
    {
        if (ancestor is null)
        {
            return false;
        }

        for (var a = e.ParentElement; a is not null; a = a.ParentElement)
        {
            if (ReferenceEquals(a, ancestor))
            {
                return true;
            }
        }

        return false;
    }

    private string? Meta(string name) => _meta.TryGetValue(name, out var v) ? v : null;

    private void ReadJsonLd(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
            Visit(doc.RootElement, 0);
        }
        catch (JsonException)
        {
            // Broken JSON-LD is common; the page's other metadata still counts.
        }
    }

    private void Visit(JsonElement element, int depth)
    {
        if (depth > 16)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Visit(item, depth + 1);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            switch (property.Name)
            {
                case "datePublished" when property.Value.ValueKind == JsonValueKind.String:
                    _ldDate ??= property.Value.GetString();
                    break;
                case "headline" when property.Value.ValueKind == JsonValueKind.String:
                    _ldHeadline ??= property.Value.GetString();
                    break;
                case "author":
                    _ldAuthor ??= AuthorName(property.Value);
                    break;
                case "@graph" or "mainEntity" or "mainEntityOfPage":
                    Visit(property.Value, depth + 1);
                    break;
            }
        }
    }

    private static string? AuthorName(JsonElement author) => author.ValueKind switch
    {
        JsonValueKind.String => author.GetString(),
        JsonValueKind.Object when author.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String => name.GetString(),
        JsonValueKind.Array => author.EnumerateArray().Select(AuthorName).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)),
        _ => null,
    };

    internal static DateOnly? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var match = IsoDate().Match(value);
        if (!match.Success)
        {
            return null;
        }

        var year = int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups[3].ValueSpan, CultureInfo.InvariantCulture);
        return year is >= 1990 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    private static string? NormalizeLanguage(string? value)
    {
        var v = value?.Trim().Replace('_', '-');
        if (string.IsNullOrEmpty(v) || v.Length > 35)
        {
            return null;
        }

        var comma = v.IndexOf(',', StringComparison.Ordinal);
        return comma > 0 ? v[..comma].Trim() : v;
    }

    private static string? Absolute(string? href, string? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        href = href.Trim();
        if (Uri.TryCreate(href, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute.ToString();
        }

        return baseUrl is not null && Uri.TryCreate(baseUrl, UriKind.Absolute, out var b) && Uri.TryCreate(b, href, out var resolved)
            ? resolved.ToString()
            : href;
    }

    private static bool HasToken(string? list, string token) =>
        list is not null && list.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(t => t.Equals(token, StringComparison.OrdinalIgnoreCase));

    private static string? Clean(string? s)
    {
        if (string.IsNullOrWhiteSpace(s))
        {
            return null;
        }

        return string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    [GeneratedRegex(@"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();
}
