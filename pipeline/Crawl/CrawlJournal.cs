using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Corpus.Ingest.Warc;

namespace Corpus.Pipeline.Crawl;

/// <summary>
/// A crawl's checkpoint, so a killed crawl resumes: an append-only journal
/// (<c>.crawl/journal.log</c> in the WARC folder) of every URL admitted to the frontier
/// (<c>A depth url</c>) and of every URL that ended without a WARC record (<c>D url</c>: robots,
/// network failures). Which pages were fetched is read from the WARC files themselves, so a record
/// lost in the kill is simply fetched again; and since a kill can land after a page's record was
/// written but before its links were admitted, recovery rereads every page's links from its record
/// (<see cref="Recovery.Rediscovered"/>), for the crawl to admit again (the frontier drops what it
/// has seen). On recovery the WARC file the kill interrupted (<c>.tmp</c>) is cut after its last
/// complete record and committed.
/// </summary>
internal sealed partial class CrawlJournal : IDisposable
{
    private readonly StreamWriter _log;

    private CrawlJournal(StreamWriter log) => _log = log;

    /// <summary>What a resumed crawl starts from.</summary>
    /// <param name="Pending">URLs admitted but not finished, in the order they were admitted.</param>
    /// <param name="Finished">URLs finished: with a WARC response record, or recorded as ended without one.</param>
    /// <param name="Pages">Response records already in the WARC files.</param>
    /// <param name="NextWarcIndex">The number the next WARC file gets.</param>
    /// <param name="Rediscovered">Links of the pages already in the WARC files, at their depth (the page's + 1).</param>
    internal sealed record Recovery(IReadOnlyList<(string Url, int Depth)> Pending, IReadOnlySet<string> Finished, long Pages, int NextWarcIndex, IReadOnlyList<(string Url, int Depth)> Rediscovered);

    public static string DirectoryOf(string warcDirectory) => Path.Combine(warcDirectory, ".crawl");

    /// <summary>Reads the journal and the WARC files in <paramref name="warcDirectory"/>; null when there is no journal.</summary>
    public static Recovery? Recover(string warcDirectory, string prefix)
    {
        var journal = Path.Combine(DirectoryOf(warcDirectory), "journal.log");
        if (!File.Exists(journal))
        {
            return null;
        }

        foreach (var tmp in Directory.GetFiles(warcDirectory, "*.warc*.tmp"))
        {
            CutAfterLastCompleteRecord(tmp);
            File.Move(tmp, tmp[..^4], overwrite: true);
        }

        var finished = new HashSet<string>(StringComparer.Ordinal);
        var pageLinks = new List<(string Page, IReadOnlyList<string> Links)>();
        long pages = 0;
        var nextIndex = 0;
        foreach (var file in Directory.GetFiles(warcDirectory, "*.warc*").Order(StringComparer.Ordinal))
        {
            if (WarcIndex().Match(Path.GetFileName(file)) is { Success: true } m && Path.GetFileName(file).StartsWith(prefix + "-", StringComparison.Ordinal))
            {
                nextIndex = Math.Max(nextIndex, int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1);
            }

            using var stream = File.OpenRead(file);
            foreach (var result in WarcReader.Open(stream, new WarcReaderOptions { VerifyDigests = false }))
            {
                if (result is WarcRecord { Type: "response", TargetUri: { } uri } record)
                {
                    finished.Add(uri);
                    pages++;
                    pageLinks.Add((uri, PageLinks.Of(record.HttpStatus, record.HttpHeader("Content-Type"), record.HttpBody, uri)));
                }
            }
        }

        var admitted = new List<(string, int)>();
        foreach (var line in File.ReadLines(journal))
        {
            var parts = line.Split('\t');
            if (parts is ["A", var depth, var url] && int.TryParse(depth, NumberStyles.None, CultureInfo.InvariantCulture, out var d))
            {
                admitted.Add((url, d));
            }
            else if (parts is ["D", var done])
            {
                finished.Add(done);
            }

            // A line cut by the kill matches neither form and is ignored; its URL is found again.
        }

        var pending = admitted.Where(a => !finished.Contains(a.Item1)).ToList();
        var depths = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (url, depth) in admitted)
        {
            depths.TryAdd(url, depth);
        }

        var rediscovered = pageLinks
            .Where(p => depths.ContainsKey(p.Page))
            .SelectMany(p => p.Links.Select(link => (link, depths[p.Page] + 1)))
            .ToList();
        return new Recovery(pending, finished, pages, nextIndex, rediscovered);
    }

    /// <summary>Opens the journal for appending, creating it if needed.</summary>
    public static CrawlJournal Open(string warcDirectory)
    {
        var dir = DirectoryOf(warcDirectory);
        Directory.CreateDirectory(dir);
        var stream = new FileStream(Path.Combine(dir, "journal.log"), FileMode.Append, FileAccess.Write, FileShare.Read);
        return new CrawlJournal(new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" });
    }

    public void Admitted(string url, int depth) => _log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"A\t{depth}\t{url}"));

    public void EndedWithoutRecord(string url) => _log.WriteLine($"D\t{url}");

    public void Dispose() => _log.Dispose();

    /// <summary>Cuts a WARC file after its last complete record (at the first record that does not read).</summary>
    internal static void CutAfterLastCompleteRecord(string path)
    {
        long? cut = null;
        using (var stream = File.OpenRead(path))
        {
            foreach (var result in WarcReader.Open(stream, new WarcReaderOptions { VerifyDigests = true }))
            {
                if (result is WarcReject reject)
                {
                    cut = reject.Offset;
                    break;
                }
            }
        }

        if (cut is { } length)
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
            file.SetLength(length);
        }
    }

    [GeneratedRegex(@"-(\d{5})\.warc")]
    private static partial Regex WarcIndex();
}
