using System.Diagnostics;
using System.Text;

namespace Corpus.Bench;

/// <summary>The child processes the benchmarks run beside corpus: setup scripts, and long-lived tools fed on stdin.</summary>
internal static class ChildProcesses
{
    /// <summary>Runs <paramref name="file"/> to its end; throws with its standard error if it fails.</summary>
    public static void Run(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', start.ArgumentList)} failed: {error}");
        }
    }

    /// <summary>
    /// Starts a long-lived Node.js script of the benchmarks (UTF-8 lines in on standard input, out on standard
    /// output) and reads its first output line, the header it writes when it is ready.
    /// </summary>
    public static (Process Node, string Header) StartNode(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var header = node.StandardOutput.ReadLine() ?? throw new InvalidOperationException($"{Path.GetFileName(script)} exited before answering");
        return (node, header);
    }

    /// <summary>Closes a long-lived tool's standard input, waits up to 10 s for it to end, kills it otherwise.</summary>
    public static void Stop(Process process)
    {
        try
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(10_000))
            {
                process.Kill();
            }
        }
        finally
        {
            process.Dispose();
        }
    }
}
