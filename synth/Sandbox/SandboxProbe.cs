using System.Collections.Concurrent;
using System.Diagnostics;

namespace Corpus.Synth.Sandbox;

/// <summary>
/// Finds, once per (interpreter, sandbox user), how this machine can run sandboxed programs: it runs a
/// tiny program through the full chain (namespaces with their own <c>/proc</c>, privilege drop, limits)
/// with each candidate interpreter, then without the <c>/proc</c> mount, then, when namespaces fail,
/// without them, and remembers the first that prints its word.
/// </summary>
internal static class SandboxProbe
{
    private const string Word = "corpus-sandbox-ok";
    private static readonly ConcurrentDictionary<(string Python, int UserId), Lazy<Task<SandboxSetup>>> Cache = new();

    private static readonly SandboxOptions ProbeLimits = new()
    {
        WallTime = TimeSpan.FromSeconds(20),
        CpuSeconds = 10,
        MemoryBytes = 256L << 20,
        MaxOutputBytes = 64 << 10,
        MaxProcesses = 16,
    };

    public static Task<SandboxSetup> SetupAsync(SandboxOptions options) =>
        Cache.GetOrAdd((options.Python, options.SandboxUserId), key => new Lazy<Task<SandboxSetup>>(() => ProbeAsync(key.Python, key.UserId))).Value;

    private static async Task<SandboxSetup> ProbeAsync(string python, int userId)
    {
        int? drop = Environment.IsPrivilegedProcess ? userId : null;
        var setpriv = drop is null ? null : SandboxSetup.FindTool("setpriv");
        if (drop is not null && setpriv is null)
        {
            return new SandboxSetup(null, false, null, null, drop, "running as root, but setpriv (util-linux) is missing to drop to an unprivileged user");
        }

        var candidates = await CandidatesAsync(python).ConfigureAwait(false);
        if (candidates.Count == 0)
        {
            return new SandboxSetup(null, false, null, setpriv, drop, $"no Python interpreter found for '{python}'");
        }

        var unshare = SandboxSetup.FindTool("unshare");
        string? namespaceProblem = unshare is null ? "unshare (util-linux) is missing" : null;
        if (unshare is not null)
        {
            foreach (var ownProc in new[] { true, false })
            {
                foreach (var interpreter in candidates)
                {
                    var setup = new SandboxSetup(interpreter, true, unshare, setpriv, drop, null, ownProc);
                    var problem = await TryAsync(setup).ConfigureAwait(false);
                    if (problem is null)
                    {
                        return setup;
                    }

                    namespaceProblem ??= problem;
                }
            }
        }

        string? plainProblem = null;
        foreach (var interpreter in candidates)
        {
            var setup = new SandboxSetup(interpreter, false, null, setpriv, drop, $"no namespaces: {namespaceProblem}");
            var problem = await TryAsync(setup).ConfigureAwait(false);
            if (problem is null)
            {
                return setup;
            }

            plainProblem ??= problem;
        }

        return new SandboxSetup(null, false, null, setpriv, drop, $"no Python interpreter runs in the sandbox (tried {string.Join(", ", candidates)}): {plainProblem}");
    }

    private static async Task<string?> TryAsync(SandboxSetup setup)
    {
        try
        {
            var result = await SandboxProcess.RunAsync(setup, ProbeLimits, $"print('{Word}')", CancellationToken.None).ConfigureAwait(false);
            return result.Succeeded && result.Stdout.Trim() == Word ? null : $"{setup.Interpreter}: {result.Describe()}";
        }
        catch (Exception e) when (e is IOException or System.ComponentModel.Win32Exception or UnauthorizedAccessException)
        {
            return $"{setup.Interpreter}: {e.Message}";
        }
    }

    /// <summary>The configured interpreter's real executable (a pyenv shim is a script), the interpreter as found, then the system's python3.</summary>
    private static async Task<List<string>> CandidatesAsync(string python)
    {
        var found = new List<string>();
        if (SandboxSetup.FindTool(python) is { } located)
        {
            if (await RealExecutableAsync(located).ConfigureAwait(false) is { } real)
            {
                found.Add(real);
            }

            found.Add(located);
        }

        found.AddRange(new[] { "/usr/local/bin/python3", "/usr/bin/python3" }.Where(File.Exists));
        return found.Distinct(StringComparer.Ordinal).ToList();
    }

    private static async Task<string?> RealExecutableAsync(string python)
    {
        try
        {
            var start = new ProcessStartInfo(python, ["-c", "import sys; print(sys.executable)"])
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var output = await process.StandardOutput.ReadToEndAsync(timeout.Token).ConfigureAwait(false);
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            var path = output.Trim();
            return process.ExitCode == 0 && path.Length > 0 && File.Exists(path) ? path : null;
        }
        catch (Exception e) when (e is IOException or System.ComponentModel.Win32Exception or OperationCanceledException)
        {
            return null;
        }
    }
}
