using System.Diagnostics;
using System.Globalization;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace Corpus.Ingest.Pdf;

/// <summary>
/// The work done on the parse thread: open (empty password), check the page limit, lay out every page (checking
/// the token and the time limit between pages: the token's timer can fire late, so a parse past
/// <see cref="PdfOptions.MaxTime"/> stops at the next page whatever the timer), transcribe or reject pages without a text layer, drop running lines, write paragraphs.
/// A page that fails to parse is skipped and counted (<c>failed-pages</c> in the metadata); a document with no
/// readable page is <c>corrupt</c>.
/// </summary>
internal static class PdfParse
{
    /// <summary>A page with fewer letters than this and at least one image is taken for a scan.</summary>
    public const int ScanLetters = 10;

    public static PdfExtraction Run(ReadOnlyMemory<byte> pdf, PdfOptions options, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var parsing = new ParsingOptions
        {
            UseLenientParsing = true,
            SkipMissingFonts = true,
            ClipPaths = false,
            Password = string.Empty,
        };
        using var document = PdfDocument.Open(pdf, parsing);
        var pageCount = document.NumberOfPages;
        if (pageCount > options.MaxPages)
        {
            return PdfExtraction.Rejected(PdfRejectReasons.TooManyPages, $"{pageCount} pages, over the limit of {options.MaxPages}");
        }

        var (title, author, language, metadata) = PdfMetadataReader.Read(document);
        var layouts = new List<PageLayout>(pageCount);
        int failed = 0, scans = 0, transcribed = 0;
        string? firstFailure = null;
        for (var number = 1; number <= pageCount; number++)
        {
            ct.ThrowIfCancellationRequested();
            if (Stopwatch.GetElapsedTime(started) > options.MaxTime)
            {
                throw new OperationCanceledException("over the time limit");
            }

            try
            {
                var page = document.GetPage(number);
                var layout = PdfLayout.Read(page);
                if (layout.Letters < ScanLetters && PageImages.Any(page))
                {
                    scans++;
                    var transcript = options.Transcriber?.Transcribe(number, PageImages.Of(page), ct);
                    if (!string.IsNullOrWhiteSpace(transcript))
                    {
                        transcribed++;
                        layout = Transcribed(number, transcript);
                    }
                }

                layouts.Add(layout);
            }
            catch (Exception e) when (e is not OperationCanceledException and not PdfDocumentEncryptedException and not OutOfMemoryException)
            {
                failed++;
                firstFailure ??= $"page {number}: {e.GetType().Name}: {e.Message}";
            }
        }

        if (pageCount > 0 && failed == pageCount)
        {
            return PdfExtraction.Rejected(PdfRejectReasons.Corrupt, $"no page readable; {firstFailure}");
        }

        if (options.Transcriber is null && scans > 0 && scans * 2 >= pageCount)
        {
            return PdfExtraction.Rejected(PdfRejectReasons.NoTextLayer, $"{scans} of {pageCount} pages are images without text");
        }

        var text = ParagraphWriter.Write(RunningLineFilter.Filter(layouts));
        if (text.Length == 0)
        {
            return PdfExtraction.Rejected(PdfRejectReasons.NoTextLayer, $"no text on any of {pageCount} pages");
        }

        if (failed > 0)
        {
            metadata["failed-pages"] = failed.ToString(CultureInfo.InvariantCulture);
        }

        if (transcribed > 0)
        {
            metadata["transcribed-pages"] = transcribed.ToString(CultureInfo.InvariantCulture);
        }

        return PdfExtraction.Of(new PdfDocumentText(text, title, author, language, pageCount, metadata));
    }

    /// <summary>Maps a parse failure to its reject.</summary>
    public static PdfExtraction Failure(Exception e) => e switch
    {
        PdfDocumentEncryptedException => PdfExtraction.Rejected(PdfRejectReasons.Encrypted, $"needs a password: {e.Message}"),
        OutOfMemoryException or InsufficientMemoryException => PdfExtraction.Rejected(PdfRejectReasons.Memory, $"{e.GetType().Name}: {e.Message}"),
        _ => PdfExtraction.Rejected(PdfRejectReasons.Corrupt, $"{e.GetType().Name}: {e.Message}"),
    };

    private static PageLayout Transcribed(int number, string text)
    {
        var blocks = text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select((paragraph, i) => PdfBlock.Of(
                paragraph.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(line => new PdfLine(line, 0, 0, -i, -i))
                    .ToList()))
            .Where(b => b.Lines.Count > 0)
            .ToList();
        return new PageLayout(number, blocks, text.Length, Transcribed: true);
    }
}
