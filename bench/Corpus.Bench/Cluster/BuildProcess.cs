using System.Diagnostics;

namespace Corpus.Bench.Cluster;

/// <summary>
/// One <c>corpus build</c> process started from the CLI dll: keeps the last lines of its standard
/// error and output for a failure report, and samples its CPU time every 100 ms while it runs so
/// that the CPU seconds it spent in any window of the run (a phase) can be read back afterwards.
/// </summary>
internal sealed class BuildProcess : IAsyncDisposable
{
    private const int TailLines = 30;

    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private readonly Lock _gate = new();
    private readonly Task _sampler;
    private readonly CancellationTokenSource _stop = new();

    private BuildProcess(string label, Process process, DateTime launched)
    {
        Label = label;
        _process = process;
        Launched = launched;
        Threads = new ThreadCpu(launched);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        _sampler = SampleAsync(_stop.Token);
    }

    public string Label { get; }

    /// <summary>UTC time the process was started (the same clock as run.jsonl on this machine).</summary>
    public DateTime Launched { get; }

    public int ExitCode => _process.ExitCode;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>dotnet exec CORPUS_DLL ARGS</c>.</summary>
    public static BuildProcess Start(string label, string corpusDll, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("exec");
        psi.ArgumentList.Add(corpusDll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        var launched = DateTime.UtcNow;
        return new BuildProcess(label, Process.Start(psi) ?? throw new InvalidOperationException("dotnet did not start"), launched);
    }

    /// <summary>Waits for the exit; false if <paramref name="timeout"/> passed first.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        return true;
    }

    /// <summary>Kills this process and its children (only ever one this benchmark started).</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>The last lines the process wrote.</summary>
    public string Tail()
    {
        lock (_gate)
        {
            return string.Join('\n', _tail);
        }
    }

    /// <summary>The process's CPU seconds, sampled every 100 ms while it ran.</summary>
    public CumulativeSeries Cpu { get; } = new();

    /// <summary>The process's CPU seconds by thread name, sampled with <see cref="Cpu"/>.</summary>
    public ThreadCpu Threads { get; }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await _stop.CancelAsync().ConfigureAwait(false);
        await _sampler.ConfigureAwait(false);
        _stop.Dispose();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _tail.Enqueue(line);
            while (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }
        }
    }

    private async Task SampleAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        do
        {
            try
            {
                _process.Refresh();
                Cpu.Add(DateTime.UtcNow, _process.TotalProcessorTime.TotalSeconds);
                Threads.Sample(_process.Id);
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                return; // exited between the check and the read
            }
        }
        while (await WaitTickAsync(timer, ct).ConfigureAwait(false));
    }

    private static async Task<bool> WaitTickAsync(PeriodicTimer timer, CancellationToken ct)
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
