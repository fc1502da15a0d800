using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Corpus.Pipeline.Isolation;

/// <summary>
/// One worker process, seen from the build: started with <see cref="WorkerCommand"/> under a heap limit
/// (<c>DOTNET_GCHeapHardLimit</c>), greeted, then called one request at a time. A call that outlives its limit kills
/// the process; a process that dies is described by its exit code or signal and the first lines it wrote to standard
/// error during the call (a stack overflow names itself there). Not thread-safe: a pool lends it to one caller at a time.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private const int StandardErrorKeep = 2048;
    private static readonly TimeSpan GreetingLimit = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly Stream _input;
    private readonly Stream _output;
    private readonly StringBuilder _errors = new();
    private readonly Lock _errorsGate = new();
    private bool _dead;

    private WorkerProcess(Process process)
    {
        _process = process;
        _input = process.StandardInput.BaseStream;
        _output = process.StandardOutput.BaseStream;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not { } line)
            {
                return;
            }

            lock (_errorsGate)
            {
                if (_errors.Length < StandardErrorKeep)
                {
                    _errors.Append(line.AsSpan(0, Math.Min(line.Length, StandardErrorKeep - _errors.Length))).Append('\n');
                }
            }
        };
        process.BeginErrorReadLine();
    }

    /// <summary>Whether the process is gone (it died, or a call killed it); a dead worker is never called again.</summary>
    public bool IsDead => _dead;

    /// <summary>Whether the process said with its last answer that it exits (a parse of it is still running); it is never called again.</summary>
    public bool IsRetiring { get; private set; }

    /// <summary>Starts a worker and waits for its greeting.</summary>
    /// <exception cref="InvalidOperationException">The process could not be started or did not greet.</exception>
    public static WorkerProcess Start(WorkerCommand command, long memoryBytes)
    {
        var info = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Remove("DOTNET_GCHeapHardLimitPercent");
        info.Environment.Remove("DOTNET_GCHeapHardLimit");
        if (memoryBytes > 0)
        {
            info.Environment["DOTNET_GCHeapHardLimit"] = "0x" + memoryBytes.ToString("x", CultureInfo.InvariantCulture);

            // Under a hard limit the GC keeps generation 0 small and collects far more often: PdfPig parses ran at
            // about 0.7x their in-process speed; a 64 MiB generation 0 brings them back (docs/benchmarks.md).
            info.Environment["DOTNET_GCgen0size"] = "0x4000000";
        }

        // CORPUS_WORKER_DOTNET_* passes a runtime setting to the workers alone (for measuring them).
        foreach (var name in new[] { "DOTNET_TieredCompilation", "DOTNET_TieredPGO", "DOTNET_GCgen0size" })
        {
            if (Environment.GetEnvironmentVariable("CORPUS_WORKER_" + name) is { } value)
            {
                info.Environment[name] = value;
            }
        }

        info.Environment["DOTNET_gcServer"] = "0";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException($"'{command.FileName}' did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"could not start a worker process ('{command.FileName} {string.Join(' ', command.Arguments)}'): {e.Message}", e);
        }

        var worker = new WorkerProcess(process);
        var greeting = WorkerFrames.ReadAnswerAsync(worker._output);
        if (!greeting.Wait(GreetingLimit) || greeting.Result is not { } frame || Encoding.UTF8.GetString(frame.Payload) != WorkerFrames.Greeting)
        {
            var why = worker.Kill();
            worker.Dispose();
            throw new InvalidOperationException($"the worker process ('{command.FileName} {string.Join(' ', command.Arguments)}') did not start: {why}");
        }

        return worker;
    }

    /// <summary>Sends one request and waits for its answer, at most <paramref name="limit"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled (the worker is killed).</exception>
    public WorkerOutcome Call(string kind, ReadOnlySpan<byte> body, TimeSpan limit, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_dead, this);
        lock (_errorsGate)
        {
            _errors.Clear();
        }

        try
        {
            WorkerFrames.WriteRequest(_input, kind, body);
        }
        catch (IOException)
        {
            return WorkerOutcome.Lost(WorkerStatus.Crashed, Died());
        }

        var answer = WorkerFrames.ReadAnswerAsync(_output);
        bool answered;
        try
        {
            answered = answer.Wait(limit, ct);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw;
        }

        if (!answered)
        {
            Kill();
            return WorkerOutcome.Lost(WorkerStatus.TimedOut, $"killed after {limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s");
        }

        return answer.Result switch
        {
            null => WorkerOutcome.Lost(WorkerStatus.Crashed, Died()),
            { Status: WorkerFrames.Answer } a => WorkerOutcome.Answered(a.Payload),
            { Status: WorkerFrames.AnswerThenExit } a => Retiring(a.Payload),
            { Status: WorkerFrames.OutOfMemory } m => WorkerOutcome.Lost(WorkerStatus.OutOfMemory, Encoding.UTF8.GetString(m.Payload) + "; " + Died()),
            var f => WorkerOutcome.Lost(WorkerStatus.Failed, Encoding.UTF8.GetString(f.Value.Payload)),
        };
    }

    private WorkerOutcome Retiring(byte[] answer)
    {
        IsRetiring = true;
        return WorkerOutcome.Answered(answer);
    }

    public void Dispose()
    {
        if (!_dead)
        {
            // Closing its input ends a worker's loop; one that does not end soon is killed.
            try
            {
                _input.Dispose();
            }
            catch (IOException)
            {
            }

            if (!_process.WaitForExit(2000))
            {
                Kill();
            }

            _dead = true;
        }

        _process.Dispose();
    }

    /// <summary>Kills the process (and anything it started) and describes how it ended.</summary>
    private string Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // it has exited already
        }

        return Died();
    }

    /// <summary>Waits for the process to be gone and says how it ended.</summary>
    private string Died()
    {
        _dead = true;
        _process.WaitForExit(5000);
        _process.WaitForExit(); // drains standard error
        var code = _process.HasExited ? _process.ExitCode : -1;
        string errors;
        lock (_errorsGate)
        {
            errors = _errors.ToString();
        }

        var first = string.Join(' ', errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(2));
        if (first.Length > 400)
        {
            first = first[..400];
        }

        var how = ExitDescription(code);
        return first.Length == 0 ? how : $"{how}: {first}";
    }

    /// <summary>"exit code 134 (SIGABRT)": .NET reports death by signal N as exit code 128 + N.</summary>
    internal static string ExitDescription(int code)
    {
        var signal = code > 128 && code < 160 ? code - 128 : 0;
        var name = signal switch
        {
            6 => "SIGABRT",
            9 => "SIGKILL",
            11 => "SIGSEGV",
            7 => "SIGBUS",
            4 => "SIGILL",
            8 => "SIGFPE",
            15 => "SIGTERM",
            _ => null,
        };
        return name is null
            ? string.Create(CultureInfo.InvariantCulture, $"exit code {code}")
            : string.Create(CultureInfo.InvariantCulture, $"exit code {code} ({name})");
    }
}
