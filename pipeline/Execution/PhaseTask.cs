namespace Corpus.Pipeline.Execution;

/// <summary>One unit of a phase's work: the unit of parallelism, retry and resume.</summary>
/// <param name="Phase">The phase's name, e.g. <c>ingest</c>.</param>
/// <param name="Index">Position in the phase's fixed task list; output names derive from it.</param>
/// <param name="Name">Stable name, e.g. <c>part-00003</c>.</param>
public sealed record PhaseTask(string Phase, int Index, string Name)
{
    /// <summary>The name of task <paramref name="index"/>: <c>part-00003</c>.</summary>
    public static string NameOf(int index) => $"part-{index:D5}";
}

/// <summary>What a finished task did, for progress and totals.</summary>
public sealed record TaskSummary(long Documents, long Rejects, long Tokens, long Bytes)
{
    /// <summary>A task that did nothing countable.</summary>
    public static TaskSummary Empty { get; } = new(0, 0, 0, 0);

    /// <summary>Adds two summaries.</summary>
    public TaskSummary Plus(TaskSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Documents + other.Documents, Rejects + other.Rejects, Tokens + other.Tokens, Bytes + other.Bytes);
    }
}

/// <summary>A task that failed every attempt.</summary>
public sealed record FailedTask(PhaseTask Task, int Attempts, string Reason);

/// <summary>How a phase ended.</summary>
public sealed record PhaseOutcome(string Phase, int Tasks, int Skipped, TaskSummary Totals, IReadOnlyList<FailedTask> Failed)
{
    /// <summary>True when no task failed.</summary>
    public bool Succeeded => Failed.Count == 0;
}
