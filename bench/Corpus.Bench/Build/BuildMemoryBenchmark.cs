using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Corpus.Bench.Build;

/// <summary>
/// Whether a build's memory is bounded by its configuration rather than by its input: <c>corpus build</c>
/// as a process over generated corpora of two sizes (<see cref="GeneratedWebCorpus"/>), its peak
/// resident memory (the kernel's high-water mark, read every 100 ms) and each phase's own peak from the
/// run log; then the larger again under a GC heap limit, which must finish with no failed attempt and
/// the same manifest. Prints the larger's peak over the smaller's (acceptance: at most 1.15).
/// </summary>
internal static class BuildMemoryBenchmark
{
    private const double MaxPeakRatio = 1.15;

    public static int Run(string[] args)
    {
        var sizes = new[] { 100_000, 500_000 };
        var work = Path.Combine(Path.GetTempPath(), "corpus-bench-build-memory");
        var heapLimit = "0x40000000";
        var cli = Path.Combine(BenchInputs.RepoRoot, "cli", "bin", "Release", "net10.0", "corpus.dll");
        var skipUnlimitedLarge = false;
        var generateOnly = false;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--docs": sizes = [.. args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))]; break;
                case "--work": work = args[++i]; break;
                case "--heap-limit": heapLimit = args[++i]; break;
                case "--cli": cli = args[++i]; break;
                case "--limited-only": skipUnlimitedLarge = true; break;
                case "--generate-only": generateOnly = true; break;
                default: throw new ArgumentException($"unknown argument '{args[i]}'");
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench-build-memory {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: corpus build over generated ~5 KB documents (UDHR languages, .warc.gz), {Environment.ProcessorCount} cores, default config"));
        var runs = new List<BuildRun>();
        foreach (var size in sizes)
        {
            var input = Path.Combine(work, $"input-{size}");
            var clock = Stopwatch.StartNew();
            GeneratedWebCorpus.EnsureWritten(input, size);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"input {size:N0} documents: {FolderBytes(input) / 1048576.0:F0} MB in {Directory.GetFiles(input, "*.warc.gz").Length} files (ready in {clock.Elapsed.TotalSeconds:F0} s)"));
            if (generateOnly)
            {
                continue;
            }

            if (size != sizes[^1] || !skipUnlimitedLarge)
            {
                runs.Add(RunBuild(cli, input, Path.Combine(work, $"out-{size}"), size, null));
            }
        }

        if (generateOnly)
        {
            return 0;
        }

        var largest = sizes[^1];
        runs.Add(RunBuild(cli, Path.Combine(work, $"input-{largest}"), Path.Combine(work, $"out-{largest}-limited"), largest, heapLimit));

        Console.WriteLine();
        Console.WriteLine($"{"documents",10} {"heap limit",11} {"ok",3} {"failed",7} {"seconds",8} {"peak MB",8}  per-phase peak MB (run log)");
        foreach (var r in runs)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Documents,10:N0} {r.HeapLimit ?? "-",11} {(r.Ok ? "yes" : "NO"),3} {r.FailedAttempts,7} {r.Seconds,8:F0} {r.PeakMb,8:F0}  {string.Join(", ", r.PhasePeaks.Select(p => $"{p.Key} {p.Value:F0}"))}"));
        }

        var ok = runs.All(r => r.Ok && r.FailedAttempts == 0);
        var unlimited = runs.Where(r => r.HeapLimit is null).ToList();
        if (unlimited.Count >= 2)
        {
            var ratio = unlimited[^1].PeakMb / unlimited[0].PeakMb;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"peak of {unlimited[^1].Documents:N0} over {unlimited[0].Documents:N0}: {ratio:F3} (at most {MaxPeakRatio})"));
            ok &= ratio <= MaxPeakRatio;
        }

        var limited = runs[^1];
        if (unlimited.FirstOrDefault(r => r.Documents == limited.Documents) is { } same)
        {
            var identical = same.ManifestSha256 == limited.ManifestSha256;
            Console.WriteLine($"manifest under the heap limit identical to without: {(identical ? "yes" : "NO")} ({limited.ManifestSha256[..Math.Min(16, limited.ManifestSha256.Length)]})");
            ok &= identical;
        }

        Console.WriteLine($"acceptance: {(ok ? "yes" : "NO")}");
        return ok ? 0 : 1;
    }

    private static BuildRun RunBuild(string cli, string input, string output, int documents, string? heapLimit)
    {
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { cli, "build", "--input", input, "--out", output })
        {
            start.ArgumentList.Add(a);
        }

        if (heapLimit is not null)
        {
            start.Environment["DOTNET_GCHeapHardLimit"] = heapLimit;
        }

        Console.Error.WriteLine($"  build {documents:N0}{(heapLimit is null ? string.Empty : $" under DOTNET_GCHeapHardLimit={heapLimit}")} ...");
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("corpus did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peakKb = 0;
        using (var series = new StreamWriter(output + ".rss.csv"))
        {
            series.WriteLine("seconds,rss_mb,hwm_mb");
            var samples = 0;
            while (!process.WaitForExit(100))
            {
                var (rssKb, hwmKb) = ResidentKb(process.Id);
                peakKb = Math.Max(peakKb, hwmKb);
                if (samples++ % 10 == 0)
                {
                    series.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds:F1},{rssKb / 1024.0:F0},{hwmKb / 1024.0:F0}"));
                }
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"  corpus build exited {process.ExitCode}: {stderr.Result.Trim()}");
        }

        var (phasePeaks, failed, runPeak) = ReadRunLog(Path.Combine(output, "_build", "run.jsonl"));
        var manifest = Path.Combine(output, "manifest.json");
        var sha = File.Exists(manifest) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(manifest))) : "(no manifest)";
        return new BuildRun(documents, heapLimit, process.ExitCode == 0, failed, seconds, Math.Max(peakKb / 1024.0, runPeak), phasePeaks, sha);
    }

    /// <summary>The process's resident memory now and its high-water mark, in kB (0 once it has gone).</summary>
    private static (long Rss, long HighWaterMark) ResidentKb(int pid)
    {
        long rss = 0, hwm = 0;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    hwm = long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
                }
                else if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return (rss, hwm);
    }

    private static (Dictionary<string, double> Phases, int Failed, double RunPeak) ReadRunLog(string path)
    {
        var phases = new Dictionary<string, double>();
        var failed = 0;
        var runPeak = 0.0;
        if (!File.Exists(path))
        {
            return (phases, failed, runPeak);
        }

        foreach (var line in File.ReadLines(path))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var kind = root.GetProperty("event").GetString();
            if (kind == "task-failed")
            {
                failed++;
            }
            else if (kind == "phase-end" && root.TryGetProperty("peak_working_set_mb", out var peak))
            {
                phases[root.GetProperty("phase").GetString()!] = peak.GetDouble();
            }
            else if (kind == "run-end" && root.TryGetProperty("peak_working_set_mb", out var run))
            {
                runPeak = Math.Max(runPeak, run.GetDouble());
            }
        }

        return (phases, failed, runPeak);
    }

    private static long FolderBytes(string folder) => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

    private sealed record BuildRun(int Documents, string? HeapLimit, bool Ok, int FailedAttempts, double Seconds, double PeakMb, Dictionary<string, double> PhasePeaks, string ManifestSha256);
}
