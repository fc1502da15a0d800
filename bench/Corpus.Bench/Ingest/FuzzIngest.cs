using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Corpus.Tests.Shared;

namespace Corpus.Bench.Ingest;

/// <summary>
/// <c>fuzz-ingest EVAL_DIR [--files N] [--seed S] [--seconds-limit X] [--lanes N] [--keep DIR] [--cli FILE]</c>: a
/// mutation fuzzer over the ingest path. It writes N files mutated from the real PDFs, HTML pages (inflated) and WARC
/// files (as they are, and inflated) under EVAL_DIR/pdf, html and warc (<see cref="FuzzMutator"/>, seeded), and
/// reads them in lanes of child processes (<see cref="FuzzReader"/>), each the way a build's ingest phase reads, with
/// PDFs in worker processes under a per-document limit of X seconds. This process parses nothing: a lane that dies
/// is a crash of the reading process (what would end a build's own process), one that says nothing for three limits
/// and 30 s is killed as a hang; either way the file is recorded, and the lane goes on after it. Reports files,
/// documents, rejects by reason, worker processes lost (rejects crashed, memory, timeout, by cause), reading processes
/// lost, files past the limit (and the grace a worker gets before it is killed) not rejected as timeout, and the
/// slowest file. Findings are kept under the work folder.
/// </summary>
internal static class FuzzIngest
{
    private const string Usage = "usage: fuzz-ingest EVAL_DIR [--files N] [--seed S] [--seconds-limit X] [--lanes N] [--keep DIR] [--cli FILE]";

    public static int Run(string[] args)
    {
        if (args.Length < 1 || !Directory.Exists(args[0]))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var options = Options.Parse(args);
        var cli = options.Cli ?? Path.Combine(RepoData.Root, "cli", "bin", "Release", "net10.0", "corpus.dll");
        if (!File.Exists(cli))
        {
            Console.Error.WriteLine($"fuzz-ingest: no corpus CLI at {cli}: build the solution in Release, or give --cli");
            return 2;
        }

        var seeds = Seeds.Load(args[0]);
        Console.Error.WriteLine($"fuzz-ingest: seeds: {seeds.Pdf.Count} PDFs, {seeds.Html.Count} HTML pages, {seeds.Warc.Count} WARC seeds (the files, and the gzip ones inflated)");
        var work = options.Keep ?? Path.Combine(Path.GetTempPath(), $"corpus-fuzz-{options.Seed}-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        var generating = Stopwatch.StartNew();
        var files = Generate(seeds, options, work);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fuzz-ingest: {files.Count} mutated files written to {work} in {generating.Elapsed.TotalSeconds:0} s"));
        var clock = Stopwatch.StartNew();
        var report = new Report(options, files.Count);
        var lanes = Enumerable.Range(0, options.Lanes)
            .Select(lane => Task.Run(() => new Lane(lane, [.. files.Where((_, i) => i % options.Lanes == lane)], cli, options, report, work).Run()))
            .ToArray();
        Task.WaitAll(lanes);
        report.Print(clock.Elapsed);
        if (options.Keep is null)
        {
            foreach (var file in files.Where(f => !report.IsFinding(f)))
            {
                File.Delete(file);
            }
        }

        if (options.Keep is null && !Directory.EnumerateFileSystemEntries(work).Any())
        {
            Directory.Delete(work);
            Console.WriteLine("no findings to keep");
            return 0;
        }

        Console.WriteLine($"mutated files{(options.Keep is null ? " that are findings" : string.Empty)} are in {work}");
        return 0;
    }

    /// <summary>Writes the mutated files, named mNNNNN-KIND-SEED.EXT (the extension of the first file, which decides how a build reads it).</summary>
    private static List<string> Generate(Seeds seeds, Options options, string work)
    {
        var random = new Random(options.Seed);
        var all = seeds.Pdf.Concat(seeds.Html).Concat(seeds.Warc).ToList();
        var files = new List<string>(options.Files);
        for (var i = 0; i < options.Files; i++)
        {
            var pool = (i % 3) switch
            {
                0 => seeds.Pdf,
                1 => seeds.Html,
                _ => seeds.Warc,
            };
            var a = pool[random.Next(pool.Count)];
            var b = all[random.Next(all.Count)];
            var (bytes, kind) = FuzzMutator.Mutate(random, a.Bytes(), b.Bytes());
            var stem = string.Concat(Path.GetFileNameWithoutExtension(a.Name).Where(char.IsAsciiLetterOrDigit).Take(32));
            var path = Path.Combine(work, string.Create(CultureInfo.InvariantCulture, $"m{i:D5}-{kind}-{stem}{a.Extension}"));
            File.WriteAllBytes(path, bytes);
            files.Add(path);
        }

        return files;
    }

    private sealed record Options(int Files, int Seed, double SecondsLimit, int Lanes, string? Keep, string? Cli)
    {
        public static Options Parse(string[] args)
        {
            string? Value(string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
            double Number(string name, double fallback) => Value(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
            return new Options(
                (int)Number("--files", 5000),
                (int)Number("--seed", 1),
                Number("--seconds-limit", 10),
                Math.Max(1, (int)Number("--lanes", 1)),
                Value("--keep"),
                Value("--cli"));
        }
    }

    /// <summary>A real file to mutate: its name, the extension its mutations get, and its bytes (read when needed).</summary>
    private sealed record Seed(string Name, string Extension, Func<byte[]> Bytes);

    private sealed record Seeds(List<Seed> Pdf, List<Seed> Html, List<Seed> Warc)
    {
        public static Seeds Load(string eval)
        {
            List<string> Under(string folder) => Directory.Exists(Path.Combine(eval, folder))
                ? [.. Directory.EnumerateFiles(Path.Combine(eval, folder), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)]
                : [];
            var pdf = Under("pdf").Where(f => f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
                .Select(f => new Seed(Path.GetFileName(f), ".pdf", () => File.ReadAllBytes(f))).ToList();
            var html = Under("html").Where(f => f.EndsWith(".html.gz", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
                .Select(f => new Seed(Path.GetFileName(f), ".html", () => f.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? Inflate(File.ReadAllBytes(f)) : File.ReadAllBytes(f))).ToList();
            var warc = new List<Seed>();
            foreach (var f in Under("warc").Where(f => Path.GetFileName(f).Contains(".warc", StringComparison.OrdinalIgnoreCase) && !f.EndsWith(".lz4", StringComparison.OrdinalIgnoreCase)))
            {
                var gzip = Path.GetFileName(f).Contains(".warc.gz", StringComparison.OrdinalIgnoreCase);
                warc.Add(new Seed(Path.GetFileName(f), gzip ? ".warc.gz" : ".warc", () => File.ReadAllBytes(f)));
                if (gzip)
                {
                    warc.Add(new Seed(Path.GetFileName(f), ".warc", () => Inflate(File.ReadAllBytes(f))));
                }
            }

            if (pdf.Count == 0 || html.Count == 0 || warc.Count == 0)
            {
                throw new InvalidOperationException($"'{eval}' needs pdf/, html/ and warc/ folders with files in them");
            }

            return new Seeds(pdf, html, warc);
        }

        /// <summary>Every gzip member inflated; what does not inflate is kept as it is.</summary>
        private static byte[] Inflate(byte[] gzip)
        {
            try
            {
                using var input = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
                using var output = new MemoryStream();
                input.CopyTo(output);
                return output.ToArray();
            }
            catch (InvalidDataException)
            {
                return gzip;
            }
        }
    }

    /// <summary>One child process reading its share of the files; restarted after the file it died or hung on.</summary>
    private sealed class Lane(int number, List<string> files, string cli, Options options, Report report, string work)
    {
        private readonly TimeSpan _silence = TimeSpan.FromSeconds((options.SecondsLimit * 3) + 30);

        public void Run()
        {
            var list = Path.Combine(work, $"lane-{number}.txt");
            File.WriteAllLines(list, files);
            var next = 0;
            while (next < files.Count)
            {
                next = RunChild(list, next);
            }

            File.Delete(list);
        }

        /// <summary>Runs a child from <paramref name="first"/>; returns where the next child starts.</summary>
        private int RunChild(string list, int first)
        {
            var start = Child(list, first);
            using var child = Process.Start(start) ?? throw new InvalidOperationException("the fuzzing lane did not start");
            var errors = new StringBuilder();
            child.ErrorDataReceived += (_, e) =>
            {
                lock (errors)
                {
                    if (e.Data is { } line && errors.Length < 4000)
                    {
                        errors.AppendLine(line);
                    }
                }
            };
            child.BeginErrorReadLine();
            var inFlight = -1;
            var peak = 0L;
            var reading = child.StandardOutput.ReadLineAsync();
            while (true)
            {
                var waited = Stopwatch.StartNew();
                while (!reading.Wait(TimeSpan.FromSeconds(1)))
                {
                    peak = Math.Max(peak, WorkingSet(child));
                    if (waited.Elapsed > _silence)
                    {
                        child.Kill(entireProcessTree: true);
                        child.WaitForExit();
                        if (inFlight < 0)
                        {
                            throw new InvalidOperationException($"the fuzzing lane said nothing for {waited.Elapsed.TotalSeconds:0} s between files");
                        }

                        report.Hang(files[inFlight], $"no word from the reading process for {waited.Elapsed.TotalSeconds:0} s; killed");
                        return inFlight + 1;
                    }
                }

                peak = Math.Max(peak, WorkingSet(child));
                if (reading.Result is not { } text)
                {
                    child.WaitForExit();
                    if (inFlight < 0)
                    {
                        if (child.ExitCode == 0)
                        {
                            return files.Count;
                        }

                        throw new InvalidOperationException($"the fuzzing lane failed before its first file (exit code {child.ExitCode}): {errors}");
                    }

                    string tail;
                    lock (errors)
                    {
                        tail = errors.ToString();
                    }

                    report.Crash(files[inFlight], $"exit code {child.ExitCode}: {string.Join(' ', tail.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(3))}");
                    return inFlight + 1;
                }

                var line = JsonSerializer.Deserialize<FuzzReader.Line>(text, FuzzJson.Options)!;
                var position = line.Position;
                switch (line.Kind)
                {
                    case "begin":
                    case "item":
                        inFlight = position;
                        break;
                    case "end":
                        report.Add(files[position], line, peak);
                        inFlight = -1;
                        break;
                }

                reading = child.StandardOutput.ReadLineAsync();
            }
        }

        private ProcessStartInfo Child(string list, int first)
        {
            var host = Environment.ProcessPath ?? "dotnet";
            var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            if (Path.GetFileNameWithoutExtension(host) == "dotnet")
            {
                start.ArgumentList.Add(Assembly.GetExecutingAssembly().Location);
            }

            foreach (var argument in new[] { "fuzz-ingest-child", list, first.ToString(CultureInfo.InvariantCulture), options.SecondsLimit.ToString(CultureInfo.InvariantCulture) })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["CORPUS_CLI_DLL"] = cli;
            return start;
        }

        private static long WorkingSet(Process process)
        {
            try
            {
                process.Refresh();
                return process.HasExited ? 0 : process.WorkingSet64;
            }
            catch (InvalidOperationException)
            {
                return 0;
            }
        }
    }

    /// <summary>What the lanes found, added to from every lane.</summary>
    private sealed class Report(Options options, int files)
    {
        private readonly Lock _gate = new();
        private readonly SortedDictionary<string, int> _rejects = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, (int Files, long Documents, long Rejects)> _kinds = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, int> _lost = new(StringComparer.Ordinal);
        private readonly List<string> _crashes = [];
        private readonly List<string> _hangs = [];
        private readonly HashSet<string> _findings = [];
        private int _read;
        private long _documents;
        private long _items;
        private long _peak;
        private (string File, double Seconds, string Outcome) _slowest = ("", 0, "");

        public bool IsFinding(string file)
        {
            lock (_gate)
            {
                return _findings.Contains(file);
            }
        }

        public void Add(string file, FuzzReader.Line line, long peak)
        {
            lock (_gate)
            {
                _read++;
                var kind = _kinds.GetValueOrDefault(KindOf(file));
                _kinds[KindOf(file)] = (kind.Files + 1, kind.Documents + line.Documents, kind.Rejects + line.Rejects.Count);
                _documents += line.Documents;
                _items += line.Items;
                _peak = Math.Max(_peak, peak);
                foreach (var reason in line.Rejects)
                {
                    _rejects[reason] = _rejects.GetValueOrDefault(reason) + 1;
                }

                foreach (var detail in line.Lost)
                {
                    var cause = Cause(detail);
                    _lost[cause] = _lost.GetValueOrDefault(cause) + 1;
                    _findings.Add(file);
                }

                foreach (var over in line.OverLimit)
                {
                    _hangs.Add($"{Path.GetFileName(file)}: {over}");
                    _findings.Add(file);
                }

                if (line.Seconds > _slowest.Seconds)
                {
                    var outcome = string.Create(CultureInfo.InvariantCulture, $"{line.Items} items, {line.Documents} documents, {line.Rejects.Count} rejects; slowest item {line.SlowestItemSeconds:0.00} s ({line.SlowestItemReason})");
                    _slowest = (Path.GetFileName(file), line.Seconds, outcome);
                }

                if (_read % 250 == 0)
                {
                    Console.Error.WriteLine($"fuzz-ingest: {_read}/{files} files, {_documents} documents, {_rejects.Values.Sum()} rejects, {_crashes.Count} reading processes lost, {_hangs.Count} past the limit");
                }
            }
        }

        public void Crash(string file, string detail)
        {
            lock (_gate)
            {
                _read++;
                _crashes.Add($"{Path.GetFileName(file)}: {detail}");
                _findings.Add(file);
            }
        }

        public void Hang(string file, string detail)
        {
            lock (_gate)
            {
                _read++;
                _hangs.Add($"{Path.GetFileName(file)}: {detail}");
                _findings.Add(file);
            }
        }

        public void Print(TimeSpan elapsed)
        {
            lock (_gate)
            {
                var w = Console.Out;
                w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fuzz-ingest: seed {options.Seed}, {files} mutated files, {options.Lanes} lane(s), per-document limit {options.SecondsLimit} s, {elapsed.TotalMinutes:0.0} min ({files / elapsed.TotalSeconds:0.0} files/s)"));
                w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"files read: {_read}; items (files, WARC records): {_items}; documents: {_documents}; rejects: {_rejects.Values.Sum()}"));
                foreach (var (kind, (kindFiles, documents, rejects)) in _kinds)
                {
                    w.WriteLine($"  {kind}: {kindFiles} files, {documents} documents, {rejects} rejects");
                }

                w.WriteLine("rejects by reason: " + string.Join(", ", _rejects.OrderByDescending(r => r.Value).Select(r => $"{r.Key} {r.Value}")));
                w.WriteLine($"worker processes lost (isolated; rejects crashed, memory, timeout): {_lost.Values.Sum()}");
                foreach (var (cause, count) in _lost.OrderByDescending(l => l.Value))
                {
                    w.WriteLine($"  {count} x {cause}");
                }

                w.WriteLine($"reading processes lost (crashes that would end a build's own process): {_crashes.Count}");
                _crashes.ForEach(c => w.WriteLine("  " + c));
                w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hangs (past the per-document limit and the {Corpus.Pipeline.Isolation.PooledPdfHost.Grace.TotalSeconds:0} s grace a worker gets, not rejected as timeout): {_hangs.Count}"));
                _hangs.ForEach(h => w.WriteLine("  " + h));
                w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"slowest file: {_slowest.File}, {_slowest.Seconds:0.00} s ({_slowest.Outcome})"));
                w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set of a reading process: {_peak / (1024.0 * 1024):0} MiB"));
            }
        }

        /// <summary>What a file was mutated from, by the extension its mutation kept: <c>pdf</c>, <c>html</c>, <c>warc</c>, <c>warc.gz</c>.</summary>
        private static string KindOf(string file) => file.EndsWith(".warc.gz", StringComparison.Ordinal) ? "warc.gz" : Path.GetExtension(file).TrimStart('.');

        /// <summary>A lost worker's cause without what differs from file to file: the exit or limit and the first stack frame.</summary>
        private static string Cause(string detail)
        {
            var cause = detail;
            var frame = cause.IndexOf(" at ", StringComparison.Ordinal);
            if (frame >= 0)
            {
                var end = cause.IndexOf('(', frame);
                cause = cause[..(end > frame ? end : Math.Min(cause.Length, frame + 120))];
            }

            return cause.Length > 160 ? cause[..160] : cause;
        }
    }
}
