using System.Diagnostics;
using System.Text;
using Corpus.Tests.Shared;

namespace Corpus.Cli.Tests;

/// <summary>Paths and helpers shared by the end-to-end tests.</summary>
internal static class TestEnvironment
{
    public static string RepoRoot => RepoData.Root;

    public static string CorpusDll { get; } = Path.Combine(AppContext.BaseDirectory, "corpus.dll");

    /// <summary><paramref name="n"/> distinct free TCP ports on 127.0.0.1 (free when asked; a process then binds them).</summary>
    public static int[] FreePorts(int n)
    {
        var listeners = Enumerable.Range(0, n).Select(_ => new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((System.Net.IPEndPoint)l.LocalEndpoint).Port).ToArray();
        listeners.ForEach(l => l.Stop());
        return ports;
    }

    public static string NewTempDir(string prefix)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"corpus-{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Every UDHR translation: file name and text, in ordinal order of file name.</summary>
    public static IReadOnlyList<(string Name, string Text)> Udhr => RepoData.UdhrTranslations;

    /// <summary>Runs the CLI in a child process.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(string? stdin, params string[] args) => RunProcess("dotnet", [CorpusDll, .. args], stdin);

    /// <summary>Runs the CLI with <paramref name="environment"/> added to this process's environment.</summary>
    public static (int ExitCode, string Stdout, string Stderr) RunWith(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunProcess("dotnet", [CorpusDll, .. args], null, environment: environment);

    public static (int ExitCode, string Stdout, string Stderr) RunProcess(string file, IEnumerable<string> args, string? stdin, TimeSpan? timeout = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[name] = value;
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            var bytes = new UTF8Encoding(false).GetBytes(stdin);
            p.StandardInput.BaseStream.Write(bytes);
        }

        p.StandardInput.Close();
        if (!p.WaitForExit(timeout ?? TimeSpan.FromMinutes(5)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish");
        }

        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Every file under <paramref name="dir"/> (relative path to bytes), leaving out the given top folders.</summary>
    public static SortedDictionary<string, byte[]> Snapshot(string dir, params string[] exclude)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var f in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(dir, f).Replace('\\', '/');
            if (exclude.Any(e => rel.StartsWith(e + "/", StringComparison.Ordinal)))
            {
                continue;
            }

            files[rel] = File.ReadAllBytes(f);
        }

        return files;
    }
}
