using System.Globalization;

namespace Corpus.Bench.Cluster;

/// <summary>
/// Per-thread CPU of a running process from <c>/proc/PID/task/TID/stat</c>, grouped by thread name
/// (the runtime names its threads: <c>.NET TP Worker</c>, <c>.NET Tiered Com</c> for background
/// JIT, <c>.NET BGC</c> for background GC; unnamed threads carry the process name). A thread that
/// has ended keeps the CPU it had when last seen, so every group only grows.
/// </summary>
internal sealed class ThreadCpu
{
    // /proc counts in USER_HZ ticks, 100 per second on Linux (the kernel ABI).
    private const double TicksPerSecond = 100;

    private readonly Dictionary<int, (string Group, double Seconds)> _threads = [];
    private readonly Dictionary<string, CumulativeSeries> _groups = new(StringComparer.Ordinal);
    private readonly DateTime _origin;
    private readonly Lock _gate = new();

    /// <param name="origin">When the process started: every group counts from 0 there.</param>
    public ThreadCpu(DateTime origin)
    {
        _origin = origin;
    }

    /// <summary>The groups seen so far and their CPU-seconds series.</summary>
    public IReadOnlyDictionary<string, CumulativeSeries> Groups
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, CumulativeSeries>(_groups, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Reads every thread of <paramref name="pid"/> once; quietly nothing where /proc is not there or the process is gone.</summary>
    public void Sample(int pid)
    {
        var dir = string.Create(CultureInfo.InvariantCulture, $"/proc/{pid}/task");
        string[] tasks;
        try
        {
            tasks = Directory.GetDirectories(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        var now = DateTime.UtcNow;
        lock (_gate)
        {
            foreach (var task in tasks)
            {
                string stat;
                try
                {
                    stat = File.ReadAllText(Path.Combine(task, "stat"));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    continue; // the thread ended
                }

                // "tid (comm) state ppid ..." where comm may hold spaces; utime and stime are fields 14 and 15.
                var open = stat.IndexOf('(', StringComparison.Ordinal);
                var close = stat.LastIndexOf(')');
                if (open < 0 || close < open || !int.TryParse(Path.GetFileName(task), NumberStyles.None, CultureInfo.InvariantCulture, out var tid))
                {
                    continue;
                }

                var fields = stat[(close + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 13)
                {
                    continue;
                }

                var seconds = (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
                _threads[tid] = (stat[(open + 1)..close].TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ' ', '-', '_'), seconds);
            }

            foreach (var group in _threads.Values.GroupBy(t => t.Group))
            {
                if (!_groups.TryGetValue(group.Key, out var series))
                {
                    series = new CumulativeSeries();
                    series.Add(_origin, 0);
                    _groups[group.Key] = series;
                }

                series.Add(now, group.Sum(t => t.Seconds));
            }
        }
    }
}
