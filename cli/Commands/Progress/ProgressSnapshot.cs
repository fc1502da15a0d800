using Corpus.Pipeline.Execution;

namespace Corpus.Cli.Commands.Progress;

/// <summary>What a progress display shows at one moment: read from <see cref="ProgressState.Snapshot"/>.</summary>
/// <param name="Phases">Every phase heard of, in the order they started.</param>
/// <param name="Crawl">The crawl, once a URL has finished; null before.</param>
/// <param name="Workers">Every worker heard of, by node and then by number.</param>
internal sealed record ProgressSnapshot(IReadOnlyList<PhaseProgress> Phases, CrawlProgress? Crawl, IReadOnlyList<WorkerProgress> Workers);

/// <summary>One phase's progress.</summary>
/// <param name="Name">The phase, e.g. <c>ingest</c>.</param>
/// <param name="Tasks">Its tasks, the already committed ones included.</param>
/// <param name="Skipped">Tasks committed by an earlier run (resume).</param>
/// <param name="Done">Tasks committed, <paramref name="Skipped"/> included.</param>
/// <param name="Totals">What this run's committed tasks did.</param>
/// <param name="FailedAttempts">Task attempts that failed, retried or not.</param>
/// <param name="FailedTasks">Tasks that failed every attempt.</param>
/// <param name="Elapsed">Since the phase started; its whole run once finished.</param>
/// <param name="Finished">True once the phase ended.</param>
internal sealed record PhaseProgress(
    string Name,
    int Tasks,
    int Skipped,
    int Done,
    TaskSummary Totals,
    int FailedAttempts,
    int FailedTasks,
    TimeSpan Elapsed,
    bool Finished)
{
    public double DocumentsPerSecond => PerSecond(Totals.Documents);

    public double TokensPerSecond => PerSecond(Totals.Tokens);

    /// <summary>
    /// Time left at this run's pace (its elapsed time per task it committed, times the tasks left);
    /// zero once finished; null before this run committed a task.
    /// </summary>
    public TimeSpan? Eta
    {
        get
        {
            if (Finished || Done >= Tasks)
            {
                return TimeSpan.Zero;
            }

            var doneHere = Done - Skipped;
            return doneHere <= 0 ? null : Elapsed / doneHere * (Tasks - Done);
        }
    }

    private double PerSecond(long count) => Elapsed > TimeSpan.Zero ? count / Elapsed.TotalSeconds : 0;
}

/// <summary>The crawl's progress.</summary>
/// <param name="Pages">Pages stored.</param>
/// <param name="Pending">URLs waiting to be fetched.</param>
/// <param name="InFlight">Requests in flight.</param>
/// <param name="Elapsed">From the first finished URL to the latest (or to now while it runs).</param>
/// <param name="Active">False once a phase started after it: the crawl is over.</param>
internal sealed record CrawlProgress(long Pages, long Pending, int InFlight, TimeSpan Elapsed, bool Active)
{
    public double PagesPerSecond => Elapsed > TimeSpan.Zero ? Pages / Elapsed.TotalSeconds : 0;
}

/// <summary>What a worker does.</summary>
internal enum WorkerStatus
{
    /// <summary>Joined, or finished its last task, and waits for another.</summary>
    Idle,

    /// <summary>Runs a task attempt.</summary>
    Busy,

    /// <summary>Left the build; <see cref="WorkerProgress.LeftReason"/> says why.</summary>
    Left,
}

/// <summary>One worker.</summary>
/// <param name="Name">As the dispatcher names it: <c>node/worker-N</c>.</param>
/// <param name="Status">Idle, busy or left.</param>
/// <param name="Task">The task it runs while busy.</param>
/// <param name="Attempt">The attempt it runs while busy (1 for a first try).</param>
/// <param name="Since">How long it has been in its status.</param>
/// <param name="TasksDone">Tasks it committed.</param>
/// <param name="LeftReason">Why it left, once it left.</param>
/// <param name="Detail">While busy, the latest status its task reported (e.g. synth's tokens/s and acceptance); null before one.</param>
internal sealed record WorkerProgress(string Name, WorkerStatus Status, PhaseTask? Task, int Attempt, TimeSpan Since, int TasksDone, string? LeftReason, string? Detail = null)
{
    /// <summary>The part of <see cref="Name"/> before the last slash: <c>local</c> or <c>host:port</c>.</summary>
    public string Node => NodeOf(Name);

    /// <summary>The part of <see cref="Name"/> after the last slash, e.g. <c>worker-3</c>.</summary>
    public string Worker => Name[(Name.LastIndexOf('/') + 1)..];

    public static string NodeOf(string name) => name.LastIndexOf('/') is var slash and > 0 ? name[..slash] : "local";
}
