using System.Globalization;
using System.Net;
using System.Text;

namespace Corpus.Ingest.Sample;

/// <summary>
/// The bundled sample web site, generated from the UDHR translations: every translation split into
/// pages wrapped in realistic boilerplate (navigation, cookie banner, sidebar, share buttons,
/// comments, footer), and the things a crawler must cope with: a robots.txt that disallows part of
/// the site (a folder and a wildcard pattern), a sitemap index, permanent and temporary redirects, a
/// redirect loop, a 404, a slow page, near-duplicate mirror pages, spam pages, an endless paginated
/// listing (a crawler trap), non-HTML files, and printable editions as two-column PDFs with running
/// headers and page numbers. Pages are a pure function of the path, so every
/// crawl of the site sees the same bytes.
/// </summary>
public sealed class SampleSite
{
    /// <summary>Sections (preamble, articles) per page.</summary>
    public const int SectionsPerPage = 6;

    /// <summary>Printable editions served as two-column PDFs under <c>/papers/</c>.</summary>
    public const int PaperCount = 12;

    /// <summary>The slow page's delay.</summary>
    public static readonly TimeSpan SlowDelay = TimeSpan.FromSeconds(1.5);

    private const string Date = "2024-12-10";
    private readonly IReadOnlyList<UdhrTranslation> _translations;
    private readonly Dictionary<string, int> _byCode;
    private readonly string _baseUrl;
    private readonly Dictionary<string, Lazy<byte[]>> _papers;

    /// <summary>A site over <paramref name="translations"/>, served at <paramref name="baseUrl"/> (e.g. <c>http://127.0.0.1:8080</c>).</summary>
    public SampleSite(IReadOnlyList<UdhrTranslation> translations, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(translations);
        ArgumentNullException.ThrowIfNull(baseUrl);
        _translations = translations;
        _baseUrl = baseUrl.TrimEnd('/');
        _byCode = translations.Select((t, i) => (t.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        _papers = translations.Where(SamplePdfWriter.CanWrite).Where((_, i) => i % 4 == 0).Take(PaperCount)
            .ToDictionary(t => t.Code, t => new Lazy<byte[]>(() => SamplePdfWriter.Write(t)), StringComparer.Ordinal);
    }

    /// <summary>Paths that robots.txt disallows: a crawler must never request them.</summary>
    public static bool IsDisallowed(string path) =>
        path.StartsWith("/private/", StringComparison.Ordinal) ||
        (path.StartsWith("/udhr/", StringComparison.Ordinal) && path.Contains("/print", StringComparison.Ordinal));

    /// <summary>The number of article pages of translation <paramref name="t"/>.</summary>
    public static int PageCount(UdhrTranslation t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return (t.Sections.Count + SectionsPerPage - 1) / SectionsPerPage;
    }

    /// <summary>Answers a request for <paramref name="pathAndQuery"/>.</summary>
    public SampleResponse Respond(string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        var q = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = q < 0 ? pathAndQuery : pathAndQuery[..q];
        var query = q < 0 ? string.Empty : pathAndQuery[(q + 1)..];
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return (path, parts) switch
        {
            ("/", _) => Html(Home()),
            ("/robots.txt", _) => Text("text/plain; charset=utf-8", Robots()),
            ("/sitemap.xml", _) => Text("application/xml; charset=utf-8", SitemapIndex()),
            ("/sitemap-languages.xml", _) => Text("application/xml; charset=utf-8", LanguageSitemap()),
            ("/languages/", _) => Html(Languages()),
            ("/about.html", _) => Html(About()),
            ("/legacy.html", _) => Html(Legacy()),
            ("/mirrors.html", _) => Html(Mirrors()),
            ("/partners.html", _) => Html(Partners()),
            ("/slow.html", _) => Html(Page("A slow page", "en", "ltr", "/slow.html", "<h1>A slow page</h1><p>This page takes its time to answer, as some servers do.</p>", [])) with { Delay = SlowDelay },
            ("/events", _) => Html(Events(query)),
            ("/data/stats.csv", _) => Text("text/csv; charset=utf-8", "language,pages\n" + string.Concat(_translations.Select(t => $"{t.Code},{PageCount(t)}\n"))),
            ("/images/logo.png", _) => new SampleResponse(200, "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]),
            ("/loop/a", _) => Redirect(302, "/loop/b"),
            ("/loop/b", _) => Redirect(302, "/loop/a"),
            (_, ["old", var file]) when file.EndsWith(".html", StringComparison.Ordinal) && _byCode.ContainsKey(file[..^5]) => Redirect(301, $"/udhr/{file[..^5]}/"),
            (_, ["udhr", var code]) when path.EndsWith('/') && _byCode.TryGetValue(code, out var i) => Html(LanguageIndex(_translations[i])),
            (_, ["udhr", var code, var file]) when _byCode.TryGetValue(code, out var i) => ArticleOrPrint(_translations[i], file, mirror: false),
            (_, ["mirror", var code, var file]) when _byCode.TryGetValue(code, out var i) && IsMirrored(i) => ArticleOrPrint(_translations[i], file, mirror: true),
            (_, ["papers", var file]) when file.EndsWith(".pdf", StringComparison.Ordinal) && _papers.TryGetValue(file[..^4], out var paper) => new SampleResponse(200, "application/pdf", paper.Value),
            (_, ["deals", var file]) when TryPageNumber(file, "deal-", out var n) && n < 20 => Html(Deal(n)),
            (_, ["private", var file]) when TryPageNumber(file, "staff-", out var n) && n < 5 => Html(Page("Staff area", "en", "ltr", path, $"<h1>Staff notes {n}</h1><p>Internal notes that robots.txt keeps out of every crawl.</p>", [])),
            _ => NotFound(),
        };
    }

    private SampleResponse ArticleOrPrint(UdhrTranslation t, string file, bool mirror)
    {
        if (!mirror && file == "print.html")
        {
            return Html(Page(t.Title, t.Lang, t.Direction, $"/udhr/{t.Code}/print.html", Article(t, 0, t.Sections.Count, mirror: false), []));
        }

        return TryPageNumber(file, "part-", out var n) && n < PageCount(t) ? Html(ArticlePage(t, n, mirror)) : NotFound();
    }

    private static bool TryPageNumber(string file, string prefix, out int n)
    {
        n = -1;
        return file.StartsWith(prefix, StringComparison.Ordinal) && file.EndsWith(".html", StringComparison.Ordinal)
            && int.TryParse(file.AsSpan(prefix.Length, file.Length - prefix.Length - 5), NumberStyles.None, CultureInfo.InvariantCulture, out n);
    }

    private static bool IsMirrored(int index) => index % 25 == 0;

    private string Robots() =>
        "# Sample site robots.txt\nUser-agent: *\nDisallow: /private/\nDisallow: /udhr/*/print\nAllow: /\n\n" +
        $"Sitemap: {_baseUrl}/sitemap.xml\n";

    private string SitemapIndex() =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n" +
        $"  <sitemap><loc>{_baseUrl}/sitemap-languages.xml</loc><lastmod>{Date}</lastmod></sitemap>\n</sitemapindex>\n";

    private string LanguageSitemap()
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var t in _translations)
        {
            sb.Append($"  <url><loc>{_baseUrl}/udhr/{t.Code}/</loc><lastmod>{Date}</lastmod></url>\n");
        }

        return sb.Append("</urlset>\n").ToString();
    }

    private string Home()
    {
        var main = new StringBuilder("<h1>The Universal Declaration of Human Rights in every language</h1>");
        main.Append("<p>This library publishes the Universal Declaration of Human Rights in ")
            .Append(_translations.Count.ToString(CultureInfo.InvariantCulture))
            .Append(" translations. Browse <a href=\"/languages/\">all languages</a>, read <a href=\"/about.html\">about the project</a>, ")
            .Append("or follow our <a href=\"/legacy.html\">old links</a>.</p>")
            .Append("<h2>Featured</h2><ul>");
        foreach (var t in _translations.Where((_, i) => i % 50 == 0))
        {
            main.Append($"<li><a href=\"/udhr/{t.Code}/\">{E(t.Name)}</a></li>");
        }

        main.Append("</ul><h2>Printable editions (PDF)</h2><ul>");
        foreach (var code in _papers.Keys.Order(StringComparer.Ordinal))
        {
            main.Append($"<li><a href=\"/papers/{code}.pdf\">{E(_translations[_byCode[code]].Name)} (PDF)</a></li>");
        }

        main.Append("</ul><p>See also <a href=\"/mirrors.html\">mirrors</a>, <a href=\"/events?page=1\">events</a>, ")
            .Append("<a href=\"/data/stats.csv\">statistics</a>, <a href=\"/images/logo.png\">our logo</a> and <a href=\"/slow.html\">the archive</a>.</p>");
        return Page("UDHR library", "en", "ltr", "/", main.ToString(), []);
    }

    private string Languages()
    {
        var main = new StringBuilder("<h1>All languages</h1><ul class=\"language-list\">");
        foreach (var t in _translations)
        {
            main.Append($"<li><a href=\"/udhr/{t.Code}/\" hreflang=\"{E(t.Lang)}\">{E(t.Name)}</a></li>");
        }

        return Page("All languages", "en", "ltr", "/languages/", main.Append("</ul>").ToString(), []);
    }

    private static string About() => Page(
        "About the project",
        "en",
        "ltr",
        "/about.html",
        "<h1>About the project</h1><p>The Universal Declaration of Human Rights was adopted by the United Nations General Assembly on 10 December 1948. "
        + "It is the most translated document in the world.</p><p>This site is generated for testing web crawlers and text extractors; "
        + "its texts come from the udhr package.</p>",
        []);

    private string Legacy()
    {
        var main = new StringBuilder("<h1>Old links</h1><p>Pages moved when the library was reorganised. These links still work.</p><ul>");
        foreach (var t in _translations.Where((_, i) => i % 20 == 3))
        {
            main.Append($"<li><a href=\"/old/{t.Code}.html\">{E(t.Name)} (old address)</a></li>");
        }

        main.Append("<li><a href=\"/loop/a\">A page that went round in circles</a></li><li><a href=\"/missing.html\">A page that is gone</a></li></ul>");
        return Page("Old links", "en", "ltr", "/legacy.html", main.ToString(), []);
    }

    private string Mirrors()
    {
        var main = new StringBuilder("<h1>Mirrors</h1><p>Copies of some translations kept by partner libraries.</p><ul>");
        for (var i = 0; i < _translations.Count; i++)
        {
            if (IsMirrored(i))
            {
                main.Append($"<li><a href=\"/mirror/{_translations[i].Code}/part-0.html\">{E(_translations[i].Name)} (mirror)</a></li>");
            }
        }

        return Page("Mirrors", "en", "ltr", "/mirrors.html", main.Append("</ul>").ToString(), []);
    }

    private static string Partners()
    {
        var main = new StringBuilder("<h1>Partners</h1><ul>");
        for (var n = 0; n < 20; n += 4)
        {
            main.Append($"<li><a href=\"/deals/deal-{n}.html\">Partner offer {n}</a></li>");
        }

        return Page("Partners", "en", "ltr", "/partners.html", main.Append("</ul>").ToString(), []);
    }

    private static string Deal(int n)
    {
        var main = new StringBuilder($"<h1>BEST DEALS {n} CHEAP CHEAP CHEAP</h1>");
        for (var i = 0; i < 12; i++)
        {
            main.Append("<p>Buy now cheap best price discount offer free shipping buy now cheap best price discount offer click here!!! ")
                .Append($"<a href=\"/deals/deal-{(n + i + 1) % 20}.html\">best deal</a> <a href=\"/deals/deal-{(n + (2 * i) + 3) % 20}.html\">cheap deal</a></p>");
        }

        return Page($"Best deals {n}", "en", "ltr", $"/deals/deal-{n}.html", main.ToString(), []);
    }

    private static string Events(string query)
    {
        var page = 1;
        foreach (var kv in query.Split('&'))
        {
            if (kv.StartsWith("page=", StringComparison.Ordinal) && int.TryParse(kv.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0)
            {
                page = p;
            }
        }

        // An endless listing: every page links to the next one, and nothing on it is new.
        var main = $"<h1>Events, page {page}</h1><p>No events are scheduled.</p><p><a href=\"/events?page={page + 1}\">Next page</a> <a href=\"/events?page={page + 1}&amp;sort=date\">Next page by date</a></p>";
        return Page("Events", "en", "ltr", $"/events?page={page}", main, []);
    }

    private string LanguageIndex(UdhrTranslation t)
    {
        var main = new StringBuilder($"<h1>{E(t.Title)}</h1><p lang=\"en\">{E(t.Name)}: {PageCount(t)} pages.</p><ol>");
        for (var n = 0; n < PageCount(t); n++)
        {
            var first = t.Sections[n * SectionsPerPage].Heading;
            main.Append($"<li><a href=\"/udhr/{t.Code}/part-{n}.html\">{E(first.Length > 0 ? first : $"Part {n + 1}")}</a></li>");
        }

        main.Append($"</ol><p lang=\"en\"><a href=\"/udhr/{t.Code}/print.html\" rel=\"alternate\">Printable version</a></p>");
        return Page(t.Title, t.Lang, t.Direction, $"/udhr/{t.Code}/", main.ToString(), Neighbours(t));
    }

    private string ArticlePage(UdhrTranslation t, int n, bool mirror)
    {
        var first = n * SectionsPerPage;
        var main = new StringBuilder(Article(t, first, Math.Min(SectionsPerPage, t.Sections.Count - first), mirror));
        main.Append("<nav class=\"pager\" lang=\"en\">");
        if (n > 0)
        {
            main.Append($"<a rel=\"prev\" href=\"part-{n - 1}.html\">Previous</a> ");
        }

        if (n + 1 < PageCount(t))
        {
            main.Append($"<a rel=\"next\" href=\"part-{n + 1}.html\">Next</a>");
        }

        main.Append("</nav>");
        var canonical = $"/udhr/{t.Code}/part-{n}.html";
        return Page(t.Title, t.Lang, t.Direction, canonical, main.ToString(), mirror ? [] : Neighbours(t), mirror);
    }

    private static string Article(UdhrTranslation t, int first, int count, bool mirror)
    {
        var sb = new StringBuilder("<article class=\"declaration\">");
        sb.Append($"<h1>{E(t.Title)}</h1>");
        for (var s = first; s < first + count; s++)
        {
            var section = t.Sections[s];
            if (section.Heading.Length > 0)
            {
                sb.Append($"<h2>{E(section.Heading)}</h2>");
            }

            for (var p = 0; p < section.Paragraphs.Count; p++)
            {
                var text = section.Paragraphs[p];
                if (mirror && s == first && p == 0)
                {
                    text = text.TrimEnd('.', '。', ' ') + " …";
                }

                sb.Append($"<p>{E(text)}</p>");
            }
        }

        return sb.Append("</article>").ToString();
    }

    private IReadOnlyList<UdhrTranslation> Neighbours(UdhrTranslation t)
    {
        var i = _byCode[t.Code];
        return Enumerable.Range(1, 8).Select(k => _translations[(i + (k * 7)) % _translations.Count]).ToList();
    }

    private static string Page(string title, string lang, string dir, string? canonical, string main, IReadOnlyList<UdhrTranslation> others, bool mirror = false)
    {
        var sb = new StringBuilder(main.Length + 4096);
        sb.Append($"<!doctype html>\n<html lang=\"{E(lang)}\" dir=\"{E(dir)}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{E(title)}{(mirror ? " | Partner mirror" : " | UDHR library")}</title>\n");
        if (canonical is not null)
        {
            sb.Append($"<link rel=\"canonical\" href=\"{E(canonical)}\">\n");
        }

        sb.Append($"<meta name=\"date\" content=\"{Date}\">\n<meta name=\"viewport\" content=\"width=device-width\">\n");
        sb.Append("<style>body{font-family:sans-serif}.cookie-banner{position:fixed;bottom:0}</style>\n<script>window.analytics=window.analytics||[];</script>\n</head>\n<body>\n");
        sb.Append("<div class=\"cookie-banner\" id=\"cookie-consent\" lang=\"en\"><p>We use cookies to improve your experience. By continuing you accept our cookie policy.</p><button>Accept all cookies</button></div>\n");
        sb.Append("<header class=\"site-header\" lang=\"en\"><a href=\"/\" class=\"logo\">UDHR library</a><nav class=\"main-nav\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/languages/\">Languages</a></li><li><a href=\"/about.html\">About</a></li><li><a href=\"/partners.html\">Partners</a></li></ul></nav></header>\n");
        sb.Append("<div class=\"breadcrumb\" lang=\"en\"><a href=\"/\">Home</a> › <a href=\"/languages/\">Languages</a></div>\n");
        sb.Append("<main id=\"content\">\n").Append(main).Append('\n');
        sb.Append("<div class=\"share-buttons\" lang=\"en\"><a href=\"#\">Share on social media</a> <a href=\"#\">Email this page</a> <a href=\"#\">Print</a></div>\n");
        if (others.Count > 0)
        {
            sb.Append("<section class=\"comments\" id=\"comments\" lang=\"en\"><h3>Comments (2)</h3><div class=\"comment\"><p>Great resource, thank you for publishing this!</p></div><div class=\"comment\"><p>Is there an audio version of this translation?</p></div></section>\n");
        }

        sb.Append("</main>\n");
        if (others.Count > 0)
        {
            sb.Append("<aside class=\"sidebar\" lang=\"en\"><h3>Other languages</h3><ul>");
            foreach (var o in others)
            {
                sb.Append($"<li><a href=\"/udhr/{o.Code}/\">{E(o.Name)}</a></li>");
            }

            sb.Append("</ul><div class=\"ad\"><p>Advertisement: learn languages fast with our partner app!</p></div></aside>\n");
        }

        sb.Append("<footer class=\"site-footer\" lang=\"en\"><p>© 2024 UDHR library. All rights reserved.</p><ul><li><a href=\"/about.html\">About</a></li><li><a href=\"/partners.html\">Partners</a></li><li><a href=\"/private/staff-0.html\">Staff area</a></li><li><a href=\"/sitemap.xml\">Sitemap</a></li></ul></footer>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static SampleResponse Html(string html) => new(200, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html));

    private static SampleResponse Text(string contentType, string text) => new(200, contentType, Encoding.UTF8.GetBytes(text));

    private static SampleResponse Redirect(int status, string location) =>
        new(status, "text/html; charset=utf-8", Encoding.UTF8.GetBytes($"<html><body><a href=\"{E(location)}\">Moved</a></body></html>"), location);

    private static SampleResponse NotFound() =>
        new(404, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(Page("Not found", "en", "ltr", null, "<h1>Page not found</h1><p>The page you asked for does not exist.</p>", [])));

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
