using System.Diagnostics;
using System.Globalization;

namespace Corpus.Synth.Sandbox;

/// <summary>
/// How programs are started on this machine: the interpreter, whether they run inside fresh user, pid
/// and network namespaces (<c>unshare</c>), and the user id they drop to first when this process is
/// root (<c>setpriv</c>), and whether it mounts its own <c>/proc</c> there (a mount namespace; the
/// program then sees only its own processes). Found once by <see cref="SandboxProbe"/>.
/// </summary>
internal sealed record SandboxSetup(string? Interpreter, bool Isolated, string? Unshare, string? Setpriv, int? DropToUserId, string? Problem, bool OwnProc = false)
{
    private static readonly string[] ToolFolders = ["/usr/bin", "/bin", "/usr/sbin", "/sbin", "/usr/local/bin"];

    /// <summary>Seconds past the wall-clock limit after which the launcher ends itself (a backstop should this process die).</summary>
    public const int BackstopSeconds = 5;

    /// <summary>A fixed PATH for programs: nothing of the parent's environment reaches them.</summary>
    public const string ProgramPath = "/usr/local/bin:/usr/bin:/bin";

    /// <summary>
    /// The command line for <paramref name="script"/> in <paramref name="workDirectory"/>:
    /// <c>[setpriv --reuid=U --regid=U --clear-groups --no-new-privs --] [unshare --user --map-root-user --net --pid --fork --kill-child [--mount-proc] --]
    /// python -I -S -c LAUNCHER backstop cpu mem nproc fsize python -u -E -s -B main.py</c>, with a scrubbed environment.
    /// </summary>
    public ProcessStartInfo StartInfo(SandboxOptions options, string workDirectory, string script)
    {
        var interpreter = Interpreter ?? throw new InvalidOperationException("no interpreter");
        var argv = new List<string>();
        if (DropToUserId is { } uid)
        {
            var id = uid.ToString(CultureInfo.InvariantCulture);
            argv.AddRange([Setpriv!, $"--reuid={id}", $"--regid={id}", "--clear-groups", "--no-new-privs", "--"]);
        }

        if (Isolated)
        {
            argv.AddRange([Unshare!, "--user", "--map-root-user", "--net", "--pid", "--fork", "--kill-child"]);
            argv.AddRange(OwnProc ? ["--mount-proc", "--"] : ["--"]);
        }

        argv.AddRange([interpreter, "-I", "-S", "-c", SandboxLauncher.Script]);
        argv.AddRange(
        [
            ((int)Math.Ceiling(options.WallTime.TotalSeconds) + BackstopSeconds).ToString(CultureInfo.InvariantCulture),
            Math.Max(1, options.CpuSeconds).ToString(CultureInfo.InvariantCulture),
            options.MemoryBytes.ToString(CultureInfo.InvariantCulture),
            Math.Max(1, options.MaxProcesses).ToString(CultureInfo.InvariantCulture),
            options.MaxFileBytes.ToString(CultureInfo.InvariantCulture),
        ]);
        argv.AddRange([interpreter, "-u", "-E", "-s", "-B", script]);

        var start = new ProcessStartInfo(argv[0])
        {
            WorkingDirectory = workDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in argv.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Clear();
        start.Environment["PATH"] = ProgramPath;
        start.Environment["HOME"] = workDirectory;
        start.Environment["TMPDIR"] = workDirectory;
        start.Environment["LANG"] = "C.UTF-8";
        start.Environment["LC_ALL"] = "C.UTF-8";
        return start;
    }

    /// <summary>A program on this process's PATH, then in the usual system folders; null when none.</summary>
    public static string? FindTool(string name)
    {
        if (name.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(name) ? Path.GetFullPath(name) : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(ToolFolders)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
    }
}
