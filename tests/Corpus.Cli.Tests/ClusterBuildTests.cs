using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Corpus.Cli.Tests;

/// <summary>
/// Cluster mode for real: three <c>corpus</c> processes on 127.0.0.1 (a coordinator and two workers
/// over Akka.Cluster) build the sample into one shared output folder.
/// </summary>
public sealed class ClusterBuildTests : IDisposable
{
    private const string LostAfter = "20";
    private readonly string _root = TestEnvironment.NewTempDir("cluster");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Three_process_cluster_builds_the_sample_byte_identical_to_one_process_even_when_a_worker_is_killed()
    {
        var single = Path.Combine(_root, "single");
        var (code, _, stderr) = TestEnvironment.Run(null, "build", "--sample", "--out", single, "--workers", "2");
        code.Should().Be(0, stderr);
        var reference = Snapshot(single, "warc");

        // Whole run: both workers take tasks, the output is the single process's. The cluster
        // builds from the single build's crawl (a crawl of a live site under load may time out
        // differently; ClusterCrawlTests covers the crawl across nodes), so every phase's output
        // must be the same bytes.
        var cluster = Path.Combine(_root, "cluster");
        CopyCrawl(single, cluster);
        using (var run = ClusterRun.Start(cluster))
        {
            run.WaitForCoordinator().Should().Be(0, run.Log);
            run.Workers.Select(w => w.WaitForExit()).Should().Equal([0, 0], run.Log);
            run.Coordinator.Stdout.Should().Contain("built ");
            run.Workers.Should().OnlyContain(w => w.Stdout.Contains("worker done", StringComparison.Ordinal), "each worker ends when the coordinator says the build is over");
            var events = RunLog(cluster);
            events.Where(e => e.Event == "task-done").Select(e => e.Phase).Should().Contain(["ingest", "filter", "dedup", "tokenize", "shards", "pack"]);
            var startedBy = events.Where(e => e.Event == "task-start").Select(e => e.Worker![..e.Worker!.IndexOf('/', StringComparison.Ordinal)]).Distinct().ToList();
            startedBy.Should().BeEquivalentTo(run.Workers.Select(w => w.Node), "tasks are pulled by both worker nodes, none run on the coordinator");
        }

        AssertSame(reference, Snapshot(cluster, "warc"), "three processes");

        // A worker is killed (SIGKILL) while it holds a filter task: the task goes to the other
        // worker. This build starts from the single build's crawl, so every phase's output must be
        // the same bytes, not only the shards.
        var killed = Path.Combine(_root, "killed");
        CopyCrawl(single, killed);
        using (var run = ClusterRun.Start(killed))
        {
            var victim = run.Workers[1];
            var runLog = Path.Combine(killed, "_build", "run.jsonl");
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromMinutes(4) && !run.Coordinator.HasExited &&
                   !(File.Exists(runLog) && RunLog(killed).Any(e => e.Event == "task-start" && e.Phase == "filter" && e.Worker!.StartsWith(victim.Node + "/", StringComparison.Ordinal))))
            {
                Thread.Sleep(20);
            }

            run.Coordinator.HasExited.Should().BeFalse("the build must still be running when the worker is killed: " + run.Log);
            victim.Kill();
            run.WaitForCoordinator().Should().Be(0, run.Log);
            run.Workers[0].WaitForExit().Should().Be(0, run.Log);
            var events = RunLog(killed);
            events.Should().Contain(e => e.Event == "worker-left" && e.Worker!.StartsWith(victim.Node + "/", StringComparison.Ordinal));
            events.Should().Contain(e => e.Event == "task-failed" && e.Reason!.Contains("was lost", StringComparison.Ordinal), "the killed worker's task counts as a failed attempt");
        }

        AssertSame(reference, Snapshot(killed, "warc"), "three processes, one worker killed");
    }

    [Fact]
    public void Cluster_build_whose_worker_is_killed_by_an_input_finishes_with_it_quarantined()
    {
        const string poison = "CORPUS-POISON-CLUSTER";
        var input = Path.Combine(_root, "poisoned");
        Directory.CreateDirectory(input);
        var texts = TestEnvironment.Udhr.Where(t => t.Text.Length > 8000).ToList();
        for (var i = 0; i < 4; i++)
        {
            File.WriteAllText(Path.Combine(input, $"doc-{i}.txt"), texts[i * 13].Text + (i == 2 ? "\n" + poison + "\n" : string.Empty));
        }

        var output = Path.Combine(_root, "poisoned-out");
        using var run = ClusterRun.Start(output, ["--input", input], lostAfter: "5", environment: new Dictionary<string, string> { ["CORPUS_TEST_FAIL_FAST_ON"] = poison });

        run.WaitForCoordinator().Should().Be(0, run.Log);
        run.Workers.Select(w => w.WaitForExit()).Should().Contain(134, "the worker that read the poisoned document died of it: " + run.Log);
        run.Coordinator.Stdout.Should().Contain("built ").And.Contain("3 documents");
        var events = RunLog(output);
        events.Should().Contain(e => e.Event == "task-failed" && e.Phase == "ingest" && e.Reason!.Contains("was lost", StringComparison.Ordinal));
        var quarantine = File.ReadAllText(Path.Combine(output, "_build", "quarantine", "ingest", "part-00000.json"));
        quarantine.Should().Contain("\"2\"").And.Contain("\"deaths\": 3").And.Contain(poison);
    }

    /// <summary>Everything a build writes but its state and what <paramref name="alsoExclude"/> names.</summary>
    private static SortedDictionary<string, byte[]> Snapshot(string dir, params string[] alsoExclude) => TestEnvironment.Snapshot(dir, ["_build", .. alsoExclude]);

    /// <summary>Seeds <paramref name="to"/> with the finished sample crawl of <paramref name="from"/>, which a build there reuses.</summary>
    private static void CopyCrawl(string from, string to)
    {
        Directory.CreateDirectory(Path.Combine(to, "warc"));
        Directory.CreateDirectory(Path.Combine(to, "_build"));
        foreach (var f in Directory.GetFiles(Path.Combine(from, "warc"), "*.warc.gz"))
        {
            File.Copy(f, Path.Combine(to, "warc", Path.GetFileName(f)));
        }

        File.Copy(Path.Combine(from, "_build", "crawl.json"), Path.Combine(to, "_build", "crawl.json"));
    }

    private static void AssertSame(SortedDictionary<string, byte[]> expected, SortedDictionary<string, byte[]> actual, string how)
    {
        expected.Keys.Should().Contain("manifest.json").And.Contain(k => k.StartsWith("shards/", StringComparison.Ordinal));
        expected.Keys.Except(actual.Keys).Should().BeEmpty($"every file of one process's build is there, built by {how}");
        actual.Keys.Except(expected.Keys).Should().BeEmpty($"no file is there that one process's build lacks, built by {how}");
        foreach (var key in expected.Keys)
        {
            if (key.EndsWith(".json", StringComparison.Ordinal) && !actual[key].AsSpan().SequenceEqual(expected[key]))
            {
                var a = System.Text.Encoding.UTF8.GetString(expected[key]).Split('\n');
                var b = System.Text.Encoding.UTF8.GetString(actual[key]).Split('\n');
                var first = Enumerable.Range(0, Math.Min(a.Length, b.Length)).FirstOrDefault(i => a[i] != b[i]);
                b.Should().Equal(a, $"{key} is the same built by {how} as by one process; first difference at line {first + 1}: one process '{a.ElementAtOrDefault(first)}', {how} '{b.ElementAtOrDefault(first)}'");
            }

            actual[key].Should().Equal(expected[key], $"{key} is the same bytes built by {how} as by one process");
        }
    }

    private static List<RunEvent> RunLog(string output)
    {
        using var stream = new FileStream(Path.Combine(output, "_build", "run.jsonl"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var events = new List<RunEvent>();
        while (reader.ReadLine() is { } line)
        {
            if (line.EndsWith('}'))
            {
                events.Add(JsonSerializer.Deserialize<RunEvent>(line, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })!);
            }
        }

        return events;
    }

    private sealed record RunEvent(string Event, string? Phase, string? Worker, string? Reason);

    /// <summary>A coordinator and two workers on free ports of 127.0.0.1, building the sample into one folder.</summary>
    private sealed class ClusterRun : IDisposable
    {
        private ClusterRun(NodeProcess coordinator, NodeProcess[] workers)
        {
            Coordinator = coordinator;
            Workers = workers;
        }

        public NodeProcess Coordinator { get; }

        public NodeProcess[] Workers { get; }

        public string Log => string.Join("\n", new[] { Coordinator }.Concat(Workers).Select(n => $"--- {n.Node} stderr:\n{n.Stderr}"));

        public static ClusterRun Start(string output, string[]? source = null, string lostAfter = LostAfter, IReadOnlyDictionary<string, string>? environment = null)
        {
            var ports = TestEnvironment.FreePorts(3);
            var seed = $"127.0.0.1:{ports[0]}";
            string[] common = ["build", .. source ?? ["--sample"], "--out", output, "--cluster", "--lost-after", lostAfter];
            var coordinator = NodeProcess.Start(seed, [.. common, "--role", "coordinator", "--port", Port(ports[0]), "--min-workers", "2"], environment);
            var workers = ports.Skip(1)
                .Select(p => NodeProcess.Start($"127.0.0.1:{p}", [.. common, "--role", "worker", "--seed-node", seed, "--port", Port(p), "--workers", "1"], environment))
                .ToArray();
            return new ClusterRun(coordinator, workers);
        }

        public int WaitForCoordinator() => Coordinator.WaitForExit();

        public void Dispose()
        {
            foreach (var n in Workers.Prepend(Coordinator))
            {
                n.Dispose();
            }
        }

        private static string Port(int p) => p.ToString(CultureInfo.InvariantCulture);

    }

    /// <summary>One <c>corpus</c> process and what it printed.</summary>
    private sealed class NodeProcess : IDisposable
    {
        private readonly Process _process;
        private readonly Task<string> _stdout;
        private readonly Task<string> _stderr;

        private NodeProcess(string node, Process process)
        {
            Node = node;
            _process = process;
            _stdout = process.StandardOutput.ReadToEndAsync();
            _stderr = process.StandardError.ReadToEndAsync();
        }

        public string Node { get; }

        public bool HasExited => _process.HasExited;

        public string Stdout => _stdout.IsCompleted ? _stdout.Result : "(running)";

        public string Stderr => _stderr.IsCompleted ? _stderr.Result : "(running)";

        public static NodeProcess Start(string node, string[] args, IReadOnlyDictionary<string, string>? environment = null)
        {
            var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            psi.ArgumentList.Add(TestEnvironment.CorpusDll);
            foreach (var a in args)
            {
                psi.ArgumentList.Add(a);
            }

            psi.Environment["CI"] = "true";
            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            {
                psi.Environment[name] = value;
            }

            return new NodeProcess(node, Process.Start(psi)!);
        }

        public int WaitForExit()
        {
            if (!_process.WaitForExit(TimeSpan.FromMinutes(6)))
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            Task.WaitAll(_stdout, _stderr);
            return _process.ExitCode;
        }

        public void Kill()
        {
            _process.Kill(entireProcessTree: true); // SIGKILL
            _process.WaitForExit();
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
        }
    }
}
