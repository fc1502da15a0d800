using System.Diagnostics;
using System.Globalization;
using System.Text;
using Corpus.Ingest.Pdf.Evaluation;
using Corpus.Cli.Parsing;
using Corpus.Ingest.Pdf;

namespace Corpus.Cli.Commands;

/// <summary>
/// <c>corpus pdf eval DIR</c>: extracts every <c>.pdf</c> under DIR (sorted) with the per-file time limit and prints
/// each file's outcome and the totals (documents, rejects by reason, crashes, slowest file, pages/s). With
/// <c>--compare-pdftotext</c> it also runs poppler's <c>pdftotext FILE -</c> on each file and, where a source gives
/// the true text (<see cref="ReferenceText"/>), prints word-level similarity of both side by side, and both speeds.
/// </summary>
internal sealed class PdfEvalCommand : ICommand
{
    public string Name => "pdf eval";

    public string Summary => "extract every PDF under DIR; print outcomes, rejects by reason, crashes, speed (optionally against pdftotext)";

    public string Usage => "pdf eval DIR [--max-seconds N] [--compare-pdftotext] [--text-out DIR]";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("--max-seconds", "N", "time limit per file in seconds (default 30)"),
        new("--compare-pdftotext", null, "also run pdftotext (scripts/install-pdftotext.sh) and compare text and speed"),
        new("--text-out", "DIR", "write each document's text to DIR/<relative path>.txt"),
    ];

    public async Task<int> RunAsync(ParsedArgs args, CliConsole console, CancellationToken ct)
    {
        if (args.Positionals.Count != 1)
        {
            throw new UsageException("'corpus pdf eval' needs exactly one DIR");
        }

        var dir = args.Positionals[0];
        if (!Directory.Exists(dir))
        {
            console.Error.WriteLine($"corpus pdf eval: folder '{dir}' does not exist");
            return ExitCodes.Failure;
        }

        var maxSeconds = 30.0;
        if (args.Value("--max-seconds") is { } s && (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out maxSeconds) || maxSeconds <= 0))
        {
            throw new UsageException($"--max-seconds must be a positive number, not '{s}'");
        }

        var compare = args.Flag("--compare-pdftotext");
        var textOut = args.Value("--text-out");
        if (compare && !Pdftotext.IsAvailable())
        {
            console.Error.WriteLine("corpus pdf eval: pdftotext not found; run scripts/install-pdftotext.sh");
            return ExitCodes.Failure;
        }

        var options = new PdfOptions { MaxTime = TimeSpan.FromSeconds(maxSeconds) };
        var files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
            .Select(f => Path.GetRelativePath(dir, f))
            .Order(StringComparer.Ordinal)
            .ToList();

        var totals = new EvalTotals();
        var scores = new List<string>();
        foreach (var relative in files)
        {
            ct.ThrowIfCancellationRequested();
            var path = Path.Combine(dir, relative);
            var line = new StringBuilder();
            var watch = Stopwatch.StartNew();
            PdfExtraction? result = null;
            try
            {
                result = PdfTextExtractor.Extract(await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false), options, ct);
            }
#pragma warning disable CA1031 // a crash is counted and reported, the run goes on
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                totals.Crashes++;
                line.Append(CultureInfo.InvariantCulture, $"CRASH  {e.GetType().Name}: {e.Message}");
            }

            var seconds = watch.Elapsed.TotalSeconds;
            totals.Seconds += seconds;
            totals.MaxSeconds = Math.Max(totals.MaxSeconds, seconds);
            if (seconds > totals.MaxSeconds - 1e-9)
            {
                totals.Slowest = relative;
            }

            if (result?.Document is { } doc)
            {
                totals.Documents++;
                totals.Pages += doc.Pages;
                line.Append(CultureInfo.InvariantCulture, $"ok     {doc.Pages,5} pages {doc.Text.Length,8} chars");
                if (textOut is not null)
                {
                    var target = Path.Combine(textOut, relative + ".txt");
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    await File.WriteAllTextAsync(target, doc.Text + "\n", ct).ConfigureAwait(false);
                }
            }
            else if (result?.Reject is { } reject)
            {
                totals.Rejects[reject.Reason] = totals.Rejects.GetValueOrDefault(reject.Reason) + 1;
                line.Append(CultureInfo.InvariantCulture, $"reject {reject.Reason,-21}");
            }

            line.Append(CultureInfo.InvariantCulture, $" {seconds,7:0.000} s");
            if (compare)
            {
                var (text, ok, pdftotextSeconds) = Pdftotext.Extract(path, TimeSpan.FromSeconds(maxSeconds));
                totals.PdftotextSeconds += pdftotextSeconds;
                totals.PdftotextFailures += ok ? 0 : 1;
                if (result?.Document is not null)
                {
                    totals.BothSeconds += seconds;
                    totals.BothPdftotextSeconds += pdftotextSeconds;
                }

                line.Append(CultureInfo.InvariantCulture, $"  pdftotext {(ok ? "ok  " : "fail")} {pdftotextSeconds,7:0.000} s");
                if (ReferenceText.Find(path) is { } reference)
                {
                    var refWords = WordSimilarity.Words(reference.Text);
                    var ours = WordSimilarity.Score(refWords, WordSimilarity.Words(result?.Document?.Text ?? string.Empty), reference.Partial);
                    var theirs = WordSimilarity.Score(refWords, WordSimilarity.Words(text ?? string.Empty), reference.Partial);
                    scores.Add(string.Create(
                        CultureInfo.InvariantCulture,
                        $"  {relative}\n    reference {reference.Source} ({refWords.Count} words{(reference.Partial ? ", partial: recall and LCS/|ref|" : string.Empty)})\n    bag   corpus {ours.Bag:0.000}  pdftotext {theirs.Bag:0.000}\n    order corpus {ours.Order:0.000}  pdftotext {theirs.Order:0.000}\n"));
                }
            }

            line.Append("  ").Append(relative);
            if (result?.Reject is { } r)
            {
                line.Append("  (").Append(r.Detail.ReplaceLineEndings(" ")).Append(')');
            }

            await Write(console, line.Append('\n').ToString(), ct).ConfigureAwait(false);
        }

        await Write(console, totals.Summary(files.Count, compare, scores), ct).ConfigureAwait(false);
        return totals.Crashes == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static async Task Write(CliConsole console, string text, CancellationToken ct)
    {
        await console.Out.WriteAsync(Encoding.UTF8.GetBytes(text), ct).ConfigureAwait(false);
        await console.Out.FlushAsync(ct).ConfigureAwait(false);
    }

    private sealed class EvalTotals
    {
        public int Documents { get; set; }

        public int Crashes { get; set; }

        public long Pages { get; set; }

        public double Seconds { get; set; }

        public double MaxSeconds { get; set; }

        public string Slowest { get; set; } = string.Empty;

        public double PdftotextSeconds { get; set; }

        public int PdftotextFailures { get; set; }

        public double BothSeconds { get; set; }

        public double BothPdftotextSeconds { get; set; }

        public SortedDictionary<string, int> Rejects { get; } = new(StringComparer.Ordinal);

        public string Summary(int files, bool compare, List<string> scores)
        {
            var sb = new StringBuilder();
            var inv = CultureInfo.InvariantCulture;
            sb.Append(inv, $"\nfiles {files}, documents {Documents}, rejects {Rejects.Values.Sum()}, crashes {Crashes}\n");
            foreach (var (reason, count) in Rejects)
            {
                sb.Append(inv, $"  reject {reason}: {count}\n");
            }

            sb.Append(inv, $"max seconds per file {MaxSeconds:0.000} ({Slowest})\n");
            sb.Append(inv, $"corpus: {Seconds:0.00} s for all files; {Pages} pages in documents, {Rate(Pages, BothOrAll())} pages/s\n");
            if (compare)
            {
                sb.Append(inv, $"pdftotext: {PdftotextSeconds:0.00} s for all files, {PdftotextFailures} failures; on the {Documents} documents {Rate(Pages, BothPdftotextSeconds)} pages/s\n");
                sb.Append(inv, $"speed ratio on the documents (corpus s / pdftotext s): {(BothPdftotextSeconds > 0 ? BothSeconds / BothPdftotextSeconds : 0):0.00}\n");
                if (scores.Count > 0)
                {
                    sb.Append("word similarity to the sources (bag: F1 of word multisets; order: normalized LCS of word sequences)\n");
                    foreach (var score in scores)
                    {
                        sb.Append(score);
                    }
                }
            }

            return sb.ToString();

            double BothOrAll() => compare ? BothSeconds : Seconds;
        }

        private static string Rate(long pages, double seconds) =>
            seconds > 0 ? (pages / seconds).ToString("0.0", CultureInfo.InvariantCulture) : "-";
    }
}
