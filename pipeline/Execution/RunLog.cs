using System.Globalization;
using System.Text.Json;

namespace Corpus.Pipeline.Execution;

/// <summary>
/// The machine-readable run log, <c>_build/run.jsonl</c>: one JSON object per line for every run
/// start and end, phase start and end, committed task and failed attempt, each with a UTC
/// timestamp. A task's in-flight statuses are not logged one by one; the last one it reported
/// goes with its <c>task-done</c> or <c>task-failed</c> line as <c>status</c>. A resumed build appends a new run, so the file tells the whole history of an output
/// folder. It is build state, not product: timestamps make it differ between runs.
/// </summary>
internal sealed class RunLog : IPhaseObserver, IDisposable
{
    public const string FileName = "run.jsonl";

    private readonly StreamWriter _writer;
    private readonly Lock _gate = new();
    private readonly Dictionary<PhaseTask, string> _lastStatus = [];
    private ProcessResources _phaseStart = ProcessResources.Now();
    private long _runPeakBytes;

    public RunLog(string stateDir)
    {
        Directory.CreateDirectory(stateDir);
        _writer = new StreamWriter(new FileStream(Path.Combine(stateDir, FileName), FileMode.Append, FileAccess.Write, FileShare.Read)) { NewLine = "\n" };
    }

    public void RunStarted(string output, int workers)
    {
        PeakWorkingSet.Restart();
        Write("run-start", w =>
        {
            w.WriteString("output", output);
            w.WriteNumber("workers", workers);
            w.WriteNumber("pid", Environment.ProcessId);
        });
    }

    /// <summary>An item a process died reading, found at the start of a run: it is read in a worker process from now on.</summary>
    public void ItemCharged(string phase, int task, int item) =>
        Write("item-charged", w =>
        {
            w.WriteString("phase", phase);
            w.WriteNumber("task", task);
            w.WriteNumber("item", item);
        });

    public void RunFinished(string? error, long documents, long tokens) =>
        Write("run-end", w =>
        {
            w.WriteBoolean("ok", error is null);
            if (error is not null)
            {
                w.WriteString("error", error);
            }

            w.WriteNumber("documents", documents);
            w.WriteNumber("tokens", tokens);
            w.WriteNumber("peak_working_set_mb", Megabytes(Math.Max(_runPeakBytes, PeakWorkingSet.Bytes())));
        });

    public void PhaseStarted(string phase, int tasks, int skipped)
    {
        // What the steps between phases (mixing, manifest) held counts for the run; the phase measures from here.
        _runPeakBytes = Math.Max(_runPeakBytes, PeakWorkingSet.Bytes());
        PeakWorkingSet.Restart();
        _phaseStart = ProcessResources.Now();
        Write("phase-start", w =>
        {
            w.WriteString("phase", phase);
            w.WriteNumber("tasks", tasks);
            w.WriteNumber("skipped", skipped);
        });
    }

    public void PhaseSkipped(string phase, string reason) =>
        Write("phase-skipped", w =>
        {
            w.WriteString("phase", phase);
            w.WriteString("reason", reason);
        });

    public void TaskProgress(PhaseTask task, int attempt, string status)
    {
        lock (_gate)
        {
            _lastStatus[task] = status;
        }
    }

    public void TaskCompleted(PhaseTask task, TaskSummary summary, int done, int total)
    {
        var status = LastStatus(task);
        Write("task-done", w =>
        {
            w.WriteString("phase", task.Phase);
            w.WriteString("task", task.Name);
            w.WriteNumber("documents", summary.Documents);
            w.WriteNumber("rejects", summary.Rejects);
            w.WriteNumber("tokens", summary.Tokens);
            w.WriteNumber("bytes", summary.Bytes);
            w.WriteNumber("done", done);
            w.WriteNumber("total", total);
            if (status is not null)
            {
                w.WriteString("status", status);
            }
        });
    }

    public void TaskStarted(PhaseTask task, int attempt, string worker)
    {
        LastStatus(task); // a new attempt says its own
        Write("task-start", w =>
        {
            w.WriteString("phase", task.Phase);
            w.WriteString("task", task.Name);
            w.WriteNumber("attempt", attempt);
            w.WriteString("worker", worker);
        });
    }

    public void WorkerJoined(string worker) => Write("worker-joined", w => w.WriteString("worker", worker));

    public void WorkerLeft(string worker, string reason) =>
        Write("worker-left", w =>
        {
            w.WriteString("worker", worker);
            w.WriteString("reason", reason);
        });

    public void TaskFailed(PhaseTask task, int attempt, string reason, bool willRetry)
    {
        var status = LastStatus(task);
        Write("task-failed", w =>
        {
            w.WriteString("phase", task.Phase);
            w.WriteString("task", task.Name);
            w.WriteNumber("attempt", attempt);
            w.WriteString("reason", reason);
            w.WriteBoolean("will_retry", willRetry);
            if (status is not null)
            {
                w.WriteString("status", status);
            }
        });
    }

    public void PhaseFinished(PhaseOutcome outcome, TimeSpan elapsed)
    {
        lock (_gate)
        {
            foreach (var task in _lastStatus.Keys.Where(t => t.Phase == outcome.Phase).ToList())
            {
                _lastStatus.Remove(task); // of attempts cut short by a cancel
            }
        }

        Write("phase-end", w =>
        {
            w.WriteString("phase", outcome.Phase);
            w.WriteBoolean("ok", outcome.Succeeded);
            w.WriteNumber("tasks", outcome.Tasks);
            w.WriteNumber("skipped", outcome.Skipped);
            w.WriteNumber("failed", outcome.Failed.Count);
            w.WriteNumber("documents", outcome.Totals.Documents);
            w.WriteNumber("tokens", outcome.Totals.Tokens);
            w.WriteNumber("seconds", Math.Round(elapsed.TotalSeconds, 3));
            ProcessResources.Now().Since(_phaseStart).WriteTo(w);
            var peak = PeakWorkingSet.Bytes();
            _runPeakBytes = Math.Max(_runPeakBytes, peak);
            w.WriteNumber("peak_working_set_mb", Megabytes(peak));
        });
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _writer.Dispose();
        }
    }

    private static double Megabytes(long bytes) => Math.Round(bytes / 1048576.0, 1);

    /// <summary>Takes the last status <paramref name="task"/> reported, if any, and forgets it.</summary>
    private string? LastStatus(PhaseTask task)
    {
        lock (_gate)
        {
            return _lastStatus.Remove(task, out var status) ? status : null;
        }
    }

    private void Write(string name, Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("time", DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            w.WriteString("event", name);
            body(w);
            w.WriteEndObject();
        }

        lock (_gate)
        {
            _writer.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            _writer.Flush();
        }
    }
}

/// <summary>Forwards every event to each of several observers.</summary>
internal sealed class CompositePhaseObserver(params IPhaseObserver?[] observers) : IPhaseObserver
{
    private readonly IPhaseObserver[] _observers = [.. observers.OfType<IPhaseObserver>()];

    public void PhaseStarted(string phase, int tasks, int skipped)
    {
        foreach (var o in _observers)
        {
            o.PhaseStarted(phase, tasks, skipped);
        }
    }

    public void PhaseSkipped(string phase, string reason)
    {
        foreach (var o in _observers)
        {
            o.PhaseSkipped(phase, reason);
        }
    }

    public void TaskStarted(PhaseTask task, int attempt, string worker)
    {
        foreach (var o in _observers)
        {
            o.TaskStarted(task, attempt, worker);
        }
    }

    public void TaskProgress(PhaseTask task, int attempt, string status)
    {
        foreach (var o in _observers)
        {
            o.TaskProgress(task, attempt, status);
        }
    }

    public void Waiting(string what)
    {
        foreach (var o in _observers)
        {
            o.Waiting(what);
        }
    }

    public void WorkerJoined(string worker)
    {
        foreach (var o in _observers)
        {
            o.WorkerJoined(worker);
        }
    }

    public void WorkerLeft(string worker, string reason)
    {
        foreach (var o in _observers)
        {
            o.WorkerLeft(worker, reason);
        }
    }

    public void TaskCompleted(PhaseTask task, TaskSummary summary, int done, int total)
    {
        foreach (var o in _observers)
        {
            o.TaskCompleted(task, summary, done, total);
        }
    }

    public void TaskFailed(PhaseTask task, int attempt, string reason, bool willRetry)
    {
        foreach (var o in _observers)
        {
            o.TaskFailed(task, attempt, reason, willRetry);
        }
    }

    public void PhaseFinished(PhaseOutcome outcome, TimeSpan elapsed)
    {
        foreach (var o in _observers)
        {
            o.PhaseFinished(outcome, elapsed);
        }
    }
}
