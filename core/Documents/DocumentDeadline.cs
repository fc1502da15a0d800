using System.Diagnostics;
using System.Globalization;

namespace Corpus.Core.Documents;

/// <summary>
/// The time limit of the document the current thread is working on, checked cooperatively by the project's own
/// per-document code (HTML extraction, the filters and classifiers): a step that runs past it throws
/// <see cref="DocumentTimeoutException"/> at its next <see cref="Check"/>, and the phase makes the document a reject
/// <c>timeout</c> naming the step. Thread-static, for synchronous per-document work; with no deadline started a check
/// costs one thread-static read. Code that is not ours runs in worker processes with a kill limit instead.
/// </summary>
public static class DocumentDeadline
{
    [ThreadStatic]
    private static long t_deadline;

    [ThreadStatic]
    private static long t_limitTicks;

    [ThreadStatic]
    private static string? t_step;

    /// <summary>Starts the limit of one document on this thread; disposing the scope ends it (restoring any outer one).</summary>
    public static Scope Start(string step, TimeSpan limit)
    {
        var outer = new Scope(t_deadline, t_limitTicks, t_step);
        t_deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        t_limitTicks = limit.Ticks;
        t_step = step;
        return outer;
    }

    /// <summary>Names the step the current document is in, for the reject's detail.</summary>
    public static void Step(string step)
    {
        if (t_deadline != 0)
        {
            t_step = step;
        }
    }

    /// <summary>Throws <see cref="DocumentTimeoutException"/> when the current document's limit has passed.</summary>
    public static void Check()
    {
        var deadline = t_deadline;
        if (deadline != 0 && Stopwatch.GetTimestamp() > deadline)
        {
            throw new DocumentTimeoutException(t_step ?? "document", TimeSpan.FromTicks(t_limitTicks));
        }
    }

    /// <summary>The limit of one document, ended by <see cref="Dispose"/>.</summary>
    public readonly struct Scope(long deadline, long limitTicks, string? step) : IDisposable
    {
        public void Dispose()
        {
            t_deadline = deadline;
            t_limitTicks = limitTicks;
            t_step = step;
        }
    }
}

/// <summary>A document's step ran past its time limit (<see cref="DocumentDeadline"/>).</summary>
public sealed class DocumentTimeoutException : Exception
{
    public DocumentTimeoutException()
        : this("document", TimeSpan.Zero)
    {
    }

    public DocumentTimeoutException(string message)
        : base(message)
    {
        Step = "document";
    }

    public DocumentTimeoutException(string message, Exception inner)
        : base(message, inner)
    {
        Step = "document";
    }

    public DocumentTimeoutException(string step, TimeSpan limit)
        : base(string.Create(CultureInfo.InvariantCulture, $"{step} ran past the document time limit of {limit.TotalSeconds:0.###} s"))
    {
        Step = step;
        Limit = limit;
    }

    /// <summary>The step that ran past the limit.</summary>
    public string Step { get; }

    /// <summary>The limit it ran past.</summary>
    public TimeSpan Limit { get; }
}
