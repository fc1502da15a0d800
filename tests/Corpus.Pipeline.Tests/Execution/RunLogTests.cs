using System.Text.Json;
using Corpus.Pipeline.Execution;

namespace Corpus.Pipeline.Tests.Execution;

public sealed class RunLogTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "corpus-runlog-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void A_tasks_last_status_goes_with_its_done_or_failed_line_and_not_line_by_line()
    {
        var synth0 = new PhaseTask("synth", 0, PhaseTask.NameOf(0));
        var synth1 = new PhaseTask("synth", 1, PhaseTask.NameOf(1));
        using (var log = new RunLog(_dir))
        {
            log.TaskStarted(synth0, 1, "local/worker-0");
            log.TaskProgress(synth0, 1, "1/2 problems");
            log.TaskProgress(synth0, 1, "2/2 problems");
            log.TaskCompleted(synth0, new TaskSummary(4, 2, 0, 100), 1, 2);
            log.TaskStarted(synth1, 1, "local/worker-0");
            log.TaskProgress(synth1, 1, "0/2 problems");
            log.TaskFailed(synth1, 1, "IOException: disk full", willRetry: true);
            log.TaskStarted(synth1, 2, "local/worker-0");
            log.TaskCompleted(synth1, new TaskSummary(4, 2, 0, 100), 2, 2);
        }

        var lines = File.ReadAllLines(Path.Combine(_dir, RunLog.FileName)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines.Select(l => l.GetProperty("event").GetString()).Should().Equal("task-start", "task-done", "task-start", "task-failed", "task-start", "task-done");
        lines[1].GetProperty("status").GetString().Should().Be("2/2 problems");
        lines[3].GetProperty("status").GetString().Should().Be("0/2 problems");
        lines[5].TryGetProperty("status", out _).Should().BeFalse("the second attempt reported nothing");
    }

    [Fact]
    public void Each_phase_end_records_the_most_memory_held_during_that_phase_and_the_run_end_the_most_of_the_run()
    {
        var outcome = new PhaseOutcome("pack", 1, 0, new TaskSummary(0, 0, 0, 0), []);
        const int Held = 256 << 20;
        using (var log = new RunLog(_dir))
        {
            log.RunStarted(_dir, 1);
            log.PhaseStarted("filter", 1, 0);
            var block = System.Runtime.InteropServices.Marshal.AllocHGlobal(Held); // native, so freeing it gives it back at once
            for (var page = 0; page < Held; page += 4096)
            {
                System.Runtime.InteropServices.Marshal.WriteByte(block, page, 1); // touched, so resident
            }

            System.Runtime.InteropServices.Marshal.FreeHGlobal(block);
            log.PhaseFinished(outcome with { Phase = "filter" }, TimeSpan.FromSeconds(1));
            log.PhaseStarted("pack", 1, 0);
            log.PhaseFinished(outcome, TimeSpan.FromSeconds(1));
            log.RunFinished(null, 0, 0);
        }

        var lines = File.ReadAllLines(Path.Combine(_dir, RunLog.FileName)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        double Peak(string name, string? phase = null) => lines
            .Single(l => l.GetProperty("event").GetString() == name && (phase is null || l.GetProperty("phase").GetString() == phase))
            .GetProperty("peak_working_set_mb").GetDouble();
        Peak("phase-end", "filter").Should().BeGreaterThan(256);
        Peak("run-end").Should().BeGreaterThanOrEqualTo(Peak("phase-end", "filter"));
        if (OperatingSystem.IsLinux())
        {
            Peak("phase-end", "pack").Should().BeLessThan(Peak("phase-end", "filter") - 128, "each phase measures from its own start");
        }
    }
}
