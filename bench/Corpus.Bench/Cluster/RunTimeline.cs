using System.Globalization;
using System.Text.Json;

namespace Corpus.Bench.Cluster;

/// <summary>One phase of a build as <c>_build/run.jsonl</c> tells it.</summary>
internal sealed record PhaseRecord(string Phase, DateTime Start, DateTime End, double Seconds, int Tasks, long Documents, long Tokens, bool Ok);

/// <summary>One task attempt: dispatched to <see cref="Worker"/> at <see cref="Start"/>, committed at <see cref="End"/> (the coordinator's clock).</summary>
internal sealed record TaskRecord(string Phase, string Task, string Worker, DateTime Start, DateTime End);

/// <summary>
/// The last run of an output folder read back from <c>_build/run.jsonl</c>: run start and end,
/// every phase's own seconds, every task's dispatch and commit times and worker, and when each
/// worker joined. Only measured values; nothing is estimated.
/// </summary>
internal sealed class RunTimeline
{
    private RunTimeline(DateTime start, DateTime end, bool ok, long documents, long tokens, IReadOnlyList<PhaseRecord> phases, IReadOnlyList<TaskRecord> tasks, IReadOnlyDictionary<string, DateTime> joined)
    {
        Start = start;
        End = end;
        Ok = ok;
        Documents = documents;
        Tokens = tokens;
        Phases = phases;
        Tasks = tasks;
        Joined = joined;
    }

    public DateTime Start { get; }

    public DateTime End { get; }

    public bool Ok { get; }

    /// <summary>Documents in the build's output (run-end).</summary>
    public long Documents { get; }

    /// <summary>Tokens in the build's output (run-end).</summary>
    public long Tokens { get; }

    public double Seconds => (End - Start).TotalSeconds;

    public IReadOnlyList<PhaseRecord> Phases { get; }

    public IReadOnlyList<TaskRecord> Tasks { get; }

    /// <summary>When each worker (by the name task-start carries) joined the run.</summary>
    public IReadOnlyDictionary<string, DateTime> Joined { get; }

    public PhaseRecord? Phase(string name) => Phases.FirstOrDefault(p => p.Phase == name);

    /// <summary>Reads the last run (from its last <c>run-start</c>) of <paramref name="output"/>.</summary>
    public static RunTimeline Read(string output)
    {
        var lines = File.ReadAllLines(Path.Combine(output, "_build", "run.jsonl"));
        var from = Array.FindLastIndex(lines, l => l.Contains("\"run-start\"", StringComparison.Ordinal));
        if (from < 0)
        {
            throw new InvalidDataException($"{output}: run.jsonl has no run-start");
        }

        DateTime start = default, end = default;
        bool ok = false, ended = false;
        long documents = 0, tokens = 0;
        var phaseStarts = new Dictionary<string, DateTime>();
        var phases = new List<PhaseRecord>();
        var open = new Dictionary<(string Phase, string Task), (string Worker, DateTime Start)>();
        var tasks = new List<TaskRecord>();
        var joined = new Dictionary<string, DateTime>();
        foreach (var line in lines.Skip(from))
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var e = doc.RootElement;
            var time = DateTime.Parse(e.GetProperty("time").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            switch (e.GetProperty("event").GetString())
            {
                case "run-start":
                    start = time;
                    break;
                case "run-end":
                    end = time;
                    ended = true;
                    ok = e.GetProperty("ok").GetBoolean();
                    documents = e.GetProperty("documents").GetInt64();
                    tokens = e.GetProperty("tokens").GetInt64();
                    break;
                case "phase-start":
                    phaseStarts[e.GetProperty("phase").GetString()!] = time;
                    break;
                case "phase-end":
                    var name = e.GetProperty("phase").GetString()!;
                    phases.Add(new PhaseRecord(
                        name,
                        phaseStarts.GetValueOrDefault(name, time),
                        time,
                        e.GetProperty("seconds").GetDouble(),
                        e.GetProperty("tasks").GetInt32(),
                        e.GetProperty("documents").GetInt64(),
                        e.GetProperty("tokens").GetInt64(),
                        e.GetProperty("ok").GetBoolean()));
                    break;
                case "task-start":
                    open[(e.GetProperty("phase").GetString()!, e.GetProperty("task").GetString()!)] = (e.GetProperty("worker").GetString()!, time);
                    break;
                case "task-done":
                    var key = (e.GetProperty("phase").GetString()!, e.GetProperty("task").GetString()!);
                    if (open.Remove(key, out var started))
                    {
                        tasks.Add(new TaskRecord(key.Item1, key.Item2, started.Worker, started.Start, time));
                    }

                    break;
                case "worker-joined":
                    joined.TryAdd(e.GetProperty("worker").GetString()!, time);
                    break;
            }
        }

        if (!ended)
        {
            throw new InvalidDataException($"{output}: the last run in run.jsonl has no run-end");
        }

        return new RunTimeline(start, end, ok, documents, tokens, phases, tasks, joined);
    }
}
