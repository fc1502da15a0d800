using System.Diagnostics;

using Corpus.Ingest.Files;
using Corpus.Pipeline.Build;
using Corpus.Pipeline.Execution;
using Corpus.Pipeline.Phases;
using Corpus.Pipeline.Storage;

namespace Corpus.Pipeline.Extract;

/// <summary>How an extraction ended.</summary>
/// <param name="Documents">Documents written.</param>
/// <param name="Rejects">Inputs rejected, each reported through the observer.</param>
public sealed record ExtractResult(long Documents, long Rejects);

/// <summary>
/// <c>corpus extract</c>: documents out of WARC/WET files, HTML and text files or folders of them,
/// with the build's extractors (PDFs parsed in a worker process, so a parse that crashes is a reject), into one <c>.jsonl</c> (id, url, title, text, language,
/// content_type per line) or <c>.parquet</c> file (the <c>docs/</c> schema).
/// </summary>
public static class ExtractRunner
{
    private static readonly string[] Extensions = [".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".pdf"];

    /// <summary>Extracts <paramref name="inputs"/> to <paramref name="outputFile"/>; <paramref name="onReject"/> hears each reject, <paramref name="onProgress"/> the count now and then.</summary>
    public static async Task<ExtractResult> RunAsync(
        IReadOnlyList<string> inputs,
        string outputFile,
        Action<string, string, string>? onReject = null,
        Action<long, long>? onProgress = null,
        CancellationToken ct = default,
        long maxBytes = 64L * 1024 * 1024)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputFile);
        var jsonl = outputFile.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);
        if (!jsonl && !outputFile.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
        {
            throw new BuildException($"output file '{outputFile}' must end in .jsonl or .parquet");
        }

        var files = new List<InputFile>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(input)));
                files.AddRange(InputFileLister.List(input).Select(f => f with { RelativePath = name + "/" + f.RelativePath }));
            }
            else if (File.Exists(input))
            {
                files.Add(new InputFile(Path.GetFullPath(input), Path.GetFileName(input)));
            }
            else
            {
                throw new BuildException($"input '{input}' does not exist");
            }
        }

        var items = InputIndex.Build(files, ct);
        var tmp = AtomicFile.TempPathOf(outputFile);
        long documents = 0, rejects = 0;
        var clock = Stopwatch.StartNew();
        using var workers = Isolation.WorkerPools.For(new Core.Configuration.LimitsConfig(), 1);
        using var reader = new InputItemReader(new InputReaderSettings(maxBytes, Extensions), HtmlExtraction.Extract, workers is null ? null : new Isolation.PooledPdfHost(workers));
        await using (var sink = DocumentFileSink.Create(tmp, jsonl))
        {
            foreach (var item in items)
            {
                ct.ThrowIfCancellationRequested();
                var outcome = reader.Read(item);
                if (outcome is FileReadOutcome.Accepted a)
                {
                    await sink.WriteAsync(DocumentRows.ToRow(a.Document), ct).ConfigureAwait(false);
                    documents++;
                }
                else if (outcome is FileReadOutcome.Rejected r)
                {
                    rejects++;
                    onReject?.Invoke(r.SourceUri, r.Reason, r.Detail);
                }

                if (clock.ElapsedMilliseconds >= 1000)
                {
                    clock.Restart();
                    onProgress?.Invoke(documents, rejects);
                }
            }
        }

        AtomicFile.Commit(tmp, outputFile);
        return new ExtractResult(documents, rejects);
    }
}
