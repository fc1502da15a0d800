using System.Globalization;

namespace Corpus.Bench.Cluster;

/// <summary>
/// The whole machine's CPU from <c>/proc/stat</c>, sampled every 100 ms while a build runs: busy
/// core-seconds (everything but idle and iowait) and stolen core-seconds (the hypervisor running
/// someone else). Busy time beyond what the build's own processes used is load from elsewhere.
/// </summary>
internal sealed class MachineCpu : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;

    private MachineCpu()
    {
        _sampler = SampleAsync(_stop.Token);
    }

    /// <summary>False where <c>/proc/stat</c> is not there (not Linux): every window reads 0.</summary>
    public static bool Available => File.Exists("/proc/stat");

    public CumulativeSeries Busy { get; } = new();

    public CumulativeSeries Steal { get; } = new();

    /// <summary>The CPU of this benchmark process itself (it is part of the machine's busy time).</summary>
    public CumulativeSeries Self { get; } = new();

    public static MachineCpu Start() => new();

    /// <summary>
    /// Waits until the machine is quiet: busy under <paramref name="maxCores"/> cores over a 2-second window,
    /// or <paramref name="limit"/> has passed. Returns the seconds waited and the busy cores of the last window.
    /// </summary>
    public static async Task<(double Waited, double BusyCores)> WaitQuietAsync(double maxCores, TimeSpan limit)
    {
        var window = TimeSpan.FromSeconds(2);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await using var sampler = Start();
            await Task.Delay(window).ConfigureAwait(false);
            var now = DateTime.UtcNow;
            var busy = sampler.Busy.Between(now - window, now) / window.TotalSeconds;
            if (!Available || busy < maxCores || clock.Elapsed >= limit)
            {
                return (clock.Elapsed.TotalSeconds, busy);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _sampler.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task SampleAsync(CancellationToken ct)
    {
        if (!Available)
        {
            return;
        }

        // /proc/stat counts in USER_HZ ticks, 100 per second on Linux (the kernel ABI).
        const double TicksPerSecond = 100;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        do
        {
            var line = File.ReadLines("/proc/stat").First();
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            var now = DateTime.UtcNow;

            // user nice system idle iowait irq softirq steal guest guest_nice; guest time is already in user.
            var total = fields.Take(8).Sum();
            var idle = fields[3] + fields[4];
            Busy.Add(now, (total - idle - fields[7]) / TicksPerSecond);
            Steal.Add(now, fields[7] / TicksPerSecond);
            Self.Add(now, Environment.CpuUsage.TotalTime.TotalSeconds);
        }
        while (await Tick(timer, ct).ConfigureAwait(false));
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
