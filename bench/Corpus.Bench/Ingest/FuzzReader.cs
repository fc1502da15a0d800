using System.Diagnostics;
using System.Text.Json;
using Corpus.Core.Configuration;
using Corpus.Ingest.Files;
using Corpus.Pipeline.Build;
using Corpus.Pipeline.Isolation;
using Corpus.Pipeline.Phases;

namespace Corpus.Bench.Ingest;

/// <summary>
/// The inside of one fuzzing lane (<c>fuzz-ingest-child LIST FIRST SECONDS</c>): reads the files named in LIST from
/// line FIRST on, one at a time, the way a build's ingest phase reads them (the input index, then each item through
/// an <see cref="InputItemReader"/> with PDFs parsed in a pool of <c>corpus worker</c> processes), and writes one JSON
/// line to standard output when it starts a file (<c>begin</c>), before each item (<c>item</c>) and when it ends a
/// file (<c>end</c>, with what came of it), so that the parent knows which file was in flight if this process dies.
/// </summary>
internal static class FuzzReader
{
    public static int Run(string list, int first, double seconds)
    {
        var files = File.ReadAllLines(list);
        var config = new BuildConfig();
        using var pool = WorkerPools.For(config.Limits, 1)
            ?? throw new InvalidOperationException("no corpus CLI to start worker processes from: build it, or set CORPUS_CLI_DLL");
        var settings = new InputReaderSettings(config.Input.MaxFileBytes, config.Input.Extensions, PdfMaxPages: config.Input.PdfMaxPages, PdfMaxSeconds: seconds);
        using var reader = new InputItemReader(settings, HtmlExtraction.Extract, new PooledPdfHost(pool));
        // Past the limit by the grace a build gives a worker before it kills it, an item is over the limit.
        var limit = seconds + PooledPdfHost.Grace.TotalSeconds;
        var output = Console.OpenStandardOutput();
        for (var position = first; position < files.Length; position++)
        {
            Write(output, new Line("begin", position));
            var path = files[position];
            var clock = Stopwatch.StartNew();
            var items = InputIndex.Build([new InputFile(path, Path.GetFileName(path))], CancellationToken.None);
            var indexSeconds = clock.Elapsed.TotalSeconds;
            var end = new Line("end", position) { IndexSeconds = indexSeconds, Items = items.Count };
            if (indexSeconds > limit)
            {
                end.OverLimit.Add($"indexing the file: {indexSeconds:0.0} s");
            }

            foreach (var item in items)
            {
                Write(output, new Line("item", position));
                var started = Stopwatch.GetTimestamp();
                var outcome = reader.Read(item);
                var took = Stopwatch.GetElapsedTime(started).TotalSeconds;
                var reason = outcome is FileReadOutcome.Rejected r ? r.Reason : null;
                if (outcome is FileReadOutcome.Accepted)
                {
                    end.Documents++;
                }
                else if (outcome is FileReadOutcome.Rejected j)
                {
                    end.Rejects.Add(j.Reason);
                    if (j.Reason is "crashed" or "memory" or "timeout")
                    {
                        end.Lost.Add(j.Detail.Length > 300 ? j.Detail[..300] : j.Detail);
                    }
                }

                if (took > end.SlowestItemSeconds)
                {
                    (end.SlowestItemSeconds, end.SlowestItemReason) = (took, reason ?? "document");
                }

                if (took > limit && reason != "timeout")
                {
                    end.OverLimit.Add($"{item.Uri ?? item.File.RelativePath}: {took:0.0} s, {reason ?? "document"}");
                }
            }

            end.Seconds = clock.Elapsed.TotalSeconds;
            Write(output, end);
        }

        return 0;
    }

    private static void Write(Stream output, Line line)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(line, FuzzJson.Options);
        output.Write(bytes);
        output.WriteByte((byte)'\n');
        output.Flush();
    }

    /// <summary>One line of a lane's report: a file begun, an item begun, or a file ended with its outcome.</summary>
    internal sealed record Line(string Kind, int Position)
    {
        public double Seconds { get; set; }

        public double IndexSeconds { get; set; }

        public int Items { get; set; }

        public int Documents { get; set; }

        public List<string> Rejects { get; init; } = [];

        /// <summary>Details of rejects where a worker process was lost (crashed, memory, timeout).</summary>
        public List<string> Lost { get; init; } = [];

        /// <summary>Items read for longer than the per-document limit and its grace, and not rejected as <c>timeout</c>.</summary>
        public List<string> OverLimit { get; init; } = [];

        public double SlowestItemSeconds { get; set; }

        public string? SlowestItemReason { get; set; }
    }
}

/// <summary>The JSON shape of the lines between a fuzzing lane and its parent.</summary>
internal static class FuzzJson
{
    public static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
