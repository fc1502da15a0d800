using System.Diagnostics;
using System.Text;

namespace Corpus.Cli.Tests;

public sealed class DeterminismTests : IDisposable
{
    private readonly string _root = TestEnvironment.NewTempDir("determinism");
    private readonly string _input;
    private readonly string _config;

    public DeterminismTests()
    {
        _input = Path.Combine(_root, "input");
        var udhr = TestEnvironment.Udhr;
        // Many small tasks, so that workers interleave and a kill lands between commits.
        for (var i = 0; i < 48; i++)
        {
            var (name, text) = udhr[(i * 11) % udhr.Count];
            var path = Path.Combine(_input, $"d{i % 4}", $"{Path.GetFileNameWithoutExtension(name)}-{i:D2}.txt");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text, new UTF8Encoding(false));
        }

        File.WriteAllBytes(Path.Combine(_input, "d0", "broken.txt"), [0xFF, 0xFE, 0xFD, 0x00, 0xD8]);
        _config = Path.Combine(_root, "config.json");
        File.WriteAllText(_config, """{"input": {"files_per_task": 2}, "shards": {"max_shard_bytes": 32768}}""");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private (int, string, string) Build(string output, int workers) =>
        TestEnvironment.Run(null, "build", "--input", _input, "--out", output, "--config", _config, "--workers", workers.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void One_and_two_workers_give_byte_identical_output()
    {
        var one = Path.Combine(_root, "one");
        var two = Path.Combine(_root, "two");
        Build(one, 1).Item1.Should().Be(0);
        Build(two, 2).Item1.Should().Be(0);
        var a = TestEnvironment.Snapshot(one, "_build");
        var b = TestEnvironment.Snapshot(two, "_build");
        a.Keys.Should().Contain("manifest.json").And.Contain(k => k.EndsWith(".idx", StringComparison.Ordinal));
        a.Keys.Should().Equal(b.Keys);
        foreach (var key in a.Keys)
        {
            b[key].Should().Equal(a[key], $"{key} is the same bytes with 1 and 2 workers");
        }
    }

    [Theory]
    [InlineData("ingest", 5)]
    [InlineData("shards", 5)]
    [InlineData("pack", 1)]
    public void Build_killed_midway_and_rerun_gives_the_bytes_of_an_uninterrupted_build(string phase, int committedBeforeKill)
    {
        var reference = Path.Combine(_root, "reference");
        Build(reference, 2).Item1.Should().Be(0);

        var killed = Path.Combine(_root, "killed");
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { TestEnvironment.CorpusDll, "build", "--input", _input, "--out", killed, "--config", _config, "--workers", "2" })
        {
            psi.ArgumentList.Add(arg);
        }

        using (var p = Process.Start(psi)!)
        {
            p.StandardError.ReadToEndAsync();
            p.StandardOutput.ReadToEndAsync();
            var ledger = Path.Combine(killed, "_build", "tasks", phase);
            var clock = Stopwatch.StartNew();
            while (!p.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2) &&
                   (!Directory.Exists(ledger) || Directory.GetFiles(ledger, "*.json").Length < committedBeforeKill))
            {
                Thread.Sleep(2);
            }

            p.HasExited.Should().BeFalse("the build must still be running when it is killed");
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }

        File.Exists(Path.Combine(killed, "manifest.json")).Should().BeFalse("the build was killed before it finished");
        var (code, _, stderr) = Build(killed, 2);
        code.Should().Be(0, stderr);
        stderr.Should().Contain("already done (resuming)");

        var a = TestEnvironment.Snapshot(reference, "_build");
        var b = TestEnvironment.Snapshot(killed, "_build");
        b.Keys.Should().Equal(a.Keys);
        foreach (var key in a.Keys)
        {
            b[key].Should().Equal(a[key], $"{key} is the same bytes after a kill and a rerun");
        }
    }

    [Fact]
    public void Rerun_with_another_config_is_refused_unless_forced()
    {
        var output = Path.Combine(_root, "out");
        Build(output, 2).Item1.Should().Be(0);
        var other = Path.Combine(_root, "other.json");
        File.WriteAllText(other, """{"input": {"files_per_task": 3}}""");
        var (code, _, stderr) = TestEnvironment.Run(null, "build", "--input", _input, "--out", output, "--config", other);
        code.Should().Be(1);
        stderr.Should().Contain("the config changed").And.Contain("--force");
        TestEnvironment.Run(null, "build", "--input", _input, "--out", output, "--config", other, "--force").ExitCode.Should().Be(0);
        TestEnvironment.Run(null, "shards", "verify", output).ExitCode.Should().Be(0);
    }
}
