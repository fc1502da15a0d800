using System.Globalization;
using Corpus.Pipeline.Execution;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Corpus.Cli.Commands.Progress;

/// <summary>Draws a <see cref="ProgressSnapshot"/> with Spectre.Console: the live area and the lines above it.</summary>
internal static class ProgressView
{
    private const int BarWidth = 30;

    /// <summary>
    /// The live area: a bar and rates for each running phase, the crawl while it runs, and a table
    /// of workers grouped by node. Finished phases are left out: they are lines above it.
    /// </summary>
    public static IRenderable Live(ProgressSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var rows = new List<IRenderable>();
        if (snapshot.Crawl is { Active: true } crawl)
        {
            rows.Add(new Markup(Markup.Escape(CrawlLine(crawl))));
        }

        var running = snapshot.Phases.Where(p => !p.Finished).ToList();
        if (running.Count > 0)
        {
            var grid = new Grid().AddColumns(new GridColumn().NoWrap(), new GridColumn().NoWrap(), new GridColumn());
            foreach (var phase in running)
            {
                grid.AddRow(new Markup($"[bold]{Markup.Escape(phase.Name)}[/]"), new Markup(Bar(phase)), new Markup(Markup.Escape(Rates(phase))));
            }

            rows.Add(grid);
        }

        if (snapshot.Workers.Count > 0)
        {
            rows.Add(Workers(snapshot.Workers));
        }

        if (rows.Count == 0)
        {
            var finished = snapshot.Phases.Count(p => p.Finished);
            rows.Add(new Text(finished == 0 ? "starting" : string.Create(CultureInfo.InvariantCulture, $"{finished} phase(s) done")));
        }

        return new Rows(rows);
    }

    /// <summary>The line a finished phase leaves: time, tasks, documents, tokens, rejects.</summary>
    public static IRenderable Finished(PhaseProgress phase)
    {
        ArgumentNullException.ThrowIfNull(phase);
        var ok = phase.Tasks - phase.FailedTasks;
        var colour = phase.FailedTasks == 0 ? "green" : "red";
        return Line(string.Create(
            CultureInfo.InvariantCulture,
            $"[{colour}]✓[/] [bold]{Markup.Escape(phase.Name)}[/] done in {phase.Elapsed.TotalSeconds:F1}s: {ok}/{phase.Tasks} tasks ok, {phase.Totals.Documents:N0} docs, {phase.Totals.Tokens:N0} tokens, {phase.Totals.Rejects:N0} rejects{(phase.Skipped > 0 ? $", {phase.Skipped} resumed" : string.Empty)}"));
    }

    /// <summary>The line a failed task attempt leaves.</summary>
    public static IRenderable Failed(PhaseTask task, int attempt, string reason, bool willRetry)
    {
        ArgumentNullException.ThrowIfNull(task);
        var colour = willRetry ? "yellow" : "red";
        return Line(string.Create(
            CultureInfo.InvariantCulture,
            $"[{colour}]✗[/] {Markup.Escape(task.Phase)}: task {Markup.Escape(task.Name)} attempt {attempt} failed: {Markup.Escape(reason)}{(willRetry ? "; retrying" : string.Empty)}"));
    }

    /// <summary>A worker's state in words: its task, attempt and for how long (and what the task last reported), idle, or why it left.</summary>
    public static string Doing(WorkerProgress worker)
    {
        ArgumentNullException.ThrowIfNull(worker);
        return worker.Status switch
        {
            WorkerStatus.Busy when worker.Task is { } task => string.Create(
                CultureInfo.InvariantCulture,
                $"{task.Phase} {task.Name}{(worker.Attempt > 1 ? $" attempt {worker.Attempt}" : string.Empty)} for {Duration(worker.Since)}{(worker.Detail is { } detail ? $": {detail}" : string.Empty)}"),
            WorkerStatus.Left => $"left: {worker.LeftReason}",
            _ => "idle",
        };
    }

    /// <summary>A span as <c>42s</c>, <c>3m05s</c> or <c>2h07m</c>.</summary>
    public static string Duration(TimeSpan span) => span.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h{span.Minutes:D2}m")
        : span.TotalMinutes >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes}m{span.Seconds:D2}s")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalSeconds}s");

    /// <summary>
    /// A line for above the live area, padded with spaces to the full width: it is drawn where the
    /// live area's first line was, and the padding clears what that line left.
    /// </summary>
    private static Grid Line(string markup) => new Grid { Expand = true }.AddColumn().AddRow(new Markup(markup));

    private static string CrawlLine(CrawlProgress crawl) => string.Create(
        CultureInfo.InvariantCulture,
        $"crawl: {crawl.Pages:N0} pages ({crawl.PagesPerSecond:N0}/s), {crawl.Pending:N0} waiting, {crawl.InFlight} in flight");

    /// <summary>Tasks done as a bar: heavy for done, light for left, so it reads without colours too.</summary>
    private static string Bar(PhaseProgress phase)
    {
        var filled = phase.Tasks == 0 ? BarWidth : (int)((long)BarWidth * Math.Min(phase.Done, phase.Tasks) / phase.Tasks);
        return $"[green]{new string('━', filled)}[/][grey]{new string('─', BarWidth - filled)}[/]";
    }

    private static string Rates(PhaseProgress phase)
    {
        var eta = phase.Eta is { } e ? Duration(e) : "?";
        var failed = phase.FailedAttempts > 0 ? string.Create(CultureInfo.InvariantCulture, $", {phase.FailedAttempts} failed attempts") : string.Empty;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{phase.Done}/{phase.Tasks} tasks, {phase.DocumentsPerSecond:N0} docs/s, {phase.TokensPerSecond:N0} tokens/s, {phase.Totals.Rejects:N0} rejects{failed}, ETA {eta}");
    }

    private static Table Workers(IReadOnlyList<WorkerProgress> workers)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns("node", "worker", "doing", "tasks");
        string? node = null;
        foreach (var w in workers)
        {
            var doing = Markup.Escape(Doing(w));
            doing = w.Status switch
            {
                WorkerStatus.Busy => doing,
                WorkerStatus.Left => $"[red]{doing}[/]",
                _ => $"[grey]{doing}[/]",
            };
            table.AddRow(
                new Markup(w.Node == node ? string.Empty : Markup.Escape(w.Node)),
                new Markup(Markup.Escape(w.Worker)),
                new Markup(doing),
                new Markup(w.TasksDone.ToString(CultureInfo.InvariantCulture)));
            node = w.Node;
        }

        return table;
    }
}
