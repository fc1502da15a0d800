using System.Diagnostics;
using System.Text;

namespace Corpus.Synth.Sandbox;

/// <summary>
/// Runs one program: a fresh temporary folder (given to the sandbox user when dropping from root, deleted
/// afterwards), the command from <see cref="SandboxSetup.StartInfo"/>, stdout and stderr read as they come
/// (<see cref="OutputCapture"/>), and a kill at the wall-clock limit, on an output flood or on
/// cancellation. Isolated, killing the <c>unshare</c> process is enough: <c>--kill-child</c> kills pid 1 of
/// the namespace and the kernel every process left in it. Without namespaces the launcher's process
/// group is killed too, after a kill and after every normal exit (so no orphan outlives the run).
/// </summary>
internal static class SandboxProcess
{
    private static readonly TimeSpan DrainWait = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(10);

    public static async Task<SandboxResult> RunAsync(SandboxSetup setup, SandboxOptions options, string program, CancellationToken ct)
    {
        var work = Directory.CreateTempSubdirectory("corpus-sandbox-");
        try
        {
            var script = Path.Combine(work.FullName, "main.py");
            await File.WriteAllTextAsync(script, program, new UTF8Encoding(false), ct).ConfigureAwait(false);
            if (setup.DropToUserId is { } uid)
            {
                NativeMethods.Chown(work.FullName, uid);
                NativeMethods.Chown(script, uid);
            }

            return await RunInAsync(setup, options, work.FullName, script, ct).ConfigureAwait(false);
        }
        finally
        {
            Delete(work);
        }
    }

    private static async Task<SandboxResult> RunInAsync(SandboxSetup setup, SandboxOptions options, string work, string script, CancellationToken ct)
    {
        using var process = new Process { StartInfo = setup.StartInfo(options, work, script) };
        var reason = (int)SandboxKillReason.None;
        var clock = Stopwatch.StartNew();
        process.Start();
        var pid = process.Id;

        void Stop(SandboxKillReason why)
        {
            Interlocked.CompareExchange(ref reason, (int)why, (int)SandboxKillReason.None);
            KillAll(process, pid, setup.Isolated);
        }

        var capture = new OutputCapture(options.MaxOutputBytes, () => Stop(SandboxKillReason.Output));
        var pumps = Task.WhenAll(
            capture.PumpAsync(process.StandardOutput.BaseStream, capture.Stdout),
            capture.PumpAsync(process.StandardError.BaseStream, capture.Stderr));
        try
        {
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The program is already gone.
        }

        using (var wall = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            wall.CancelAfter(options.WallTime);
            try
            {
                await process.WaitForExitAsync(wall.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Stop(ct.IsCancellationRequested ? SandboxKillReason.None : SandboxKillReason.Timeout);
                using var grace = new CancellationTokenSource(KillWait);
                try
                {
                    await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Not gone 10 s after SIGKILL (stuck in the kernel): reported below, never waited for.
                }
            }
        }

        clock.Stop();
        if (!setup.Isolated)
        {
            NativeMethods.KillProcessGroup(pid);
        }

        try
        {
            await pumps.WaitAsync(DrainWait, CancellationToken.None).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Something escaped the kill and holds the pipes; what was read is kept.
        }

        ct.ThrowIfCancellationRequested();
        var exitCode = process.HasExited ? process.ExitCode : 128 + 9;
        var why = (SandboxKillReason)Volatile.Read(ref reason);
        var lastLine = capture.Stderr.LastLine();
        if (why == SandboxKillReason.None)
        {
            if (exitCode == SandboxLauncher.CpuExceeded)
            {
                why = SandboxKillReason.Cpu;
            }
            else if (exitCode != 0 && lastLine.StartsWith("MemoryError", StringComparison.Ordinal))
            {
                why = SandboxKillReason.Memory;
            }
        }

        if (lastLine.Length > 0 && !lastLine.Contains(':', StringComparison.Ordinal) && capture.Stderr.LineBeforeLast() is { Length: > 0 } before)
        {
            lastLine = $"{lastLine} ({before})";
        }

        return new SandboxResult
        {
            ExitCode = exitCode,
            Stdout = capture.Stdout.Text(),
            Stderr = capture.Stderr.Text(),
            StdoutTruncated = capture.Stdout.Truncated,
            StderrTruncated = capture.Stderr.Truncated,
            KillReason = why,
            WallSeconds = clock.Elapsed.TotalSeconds,
            LastErrorLine = lastLine,
            Limits = options,
        };
    }

    private static void KillAll(Process process, int pid, bool isolated)
    {
        if (!isolated)
        {
            NativeMethods.KillProcessGroup(pid);
        }

        try
        {
            process.Kill(entireProcessTree: !isolated);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Exited while being killed.
        }
    }

    private static void Delete(DirectoryInfo folder)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                folder.Delete(recursive: true);
                return;
            }
            catch (DirectoryNotFoundException)
            {
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(50);
            }
        }
    }
}
