using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Corpus.Bench.Filters;

/// <summary>
/// Times each method the JIT compiles in this process, from the runtime's MethodJittingStarted and
/// MethodLoadVerbose events (same thread, in order), so a benchmark can name the methods that cost
/// the most to compile.
/// </summary>
internal sealed class JitTimeListener : EventListener
{
    private readonly ConcurrentDictionary<int, (DateTime Start, string Name)> _started = new();
    private readonly ConcurrentDictionary<string, double> _milliseconds = new();

    public IReadOnlyList<(string Method, double Milliseconds)> Top(int count) =>
        [.. _milliseconds.ToArray().OrderByDescending(m => m.Value).Take(count).Select(m => (m.Key, m.Value))];

    public double TotalMilliseconds => _milliseconds.ToArray().Sum(m => m.Value);

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x10);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.PayloadNames is null || e.Payload is null)
        {
            return;
        }

        string Text(string name) => e.PayloadNames.IndexOf(name) is var i and >= 0 ? e.Payload[i]?.ToString() ?? string.Empty : string.Empty;
        if (e.EventName == "MethodJittingStarted_V1")
        {
            _started[e.OSThreadId == 0 ? Environment.CurrentManagedThreadId : (int)e.OSThreadId] = (e.TimeStamp, $"{Text("MethodNamespace")}.{Text("MethodName")}");
        }
        else if (e.EventName?.StartsWith("MethodLoadVerbose", StringComparison.Ordinal) == true
            && _started.TryRemove(e.OSThreadId == 0 ? Environment.CurrentManagedThreadId : (int)e.OSThreadId, out var start))
        {
            _milliseconds.AddOrUpdate(start.Name, (e.TimeStamp - start.Start).TotalMilliseconds, (_, v) => v + (e.TimeStamp - start.Start).TotalMilliseconds);
        }
    }
}
