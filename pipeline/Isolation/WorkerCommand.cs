using System.Reflection;

namespace Corpus.Pipeline.Isolation;

/// <summary>
/// How to start a worker process: the <c>corpus</c> CLI itself with the hidden command <c>worker</c>. Found as the
/// running program when that is <c>corpus</c>, else as <c>corpus.dll</c> beside this assembly (a host that references
/// the CLI, such as its tests), else at <c>CORPUS_CLI_DLL</c>.
/// </summary>
/// <param name="FileName">The program to run (the <c>dotnet</c> host, or the CLI's own executable).</param>
/// <param name="Arguments">Its arguments, ending with <c>worker</c>.</param>
internal sealed record WorkerCommand(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>The CLI command a worker process runs.</summary>
    public const string Verb = "worker";

    /// <summary>The command for this process's CLI; null when none can be found.</summary>
    public static WorkerCommand? Find()
    {
        var entry = Assembly.GetEntryAssembly();
        string? dll = null;
        if (entry is not null && string.Equals(entry.GetName().Name, "corpus", StringComparison.Ordinal) && File.Exists(entry.Location))
        {
            dll = entry.Location;
        }
        else if (File.Exists(Path.Combine(AppContext.BaseDirectory, "corpus.dll")))
        {
            dll = Path.Combine(AppContext.BaseDirectory, "corpus.dll");
        }
        else if (Environment.GetEnvironmentVariable("CORPUS_CLI_DLL") is { Length: > 0 } fromEnvironment && File.Exists(fromEnvironment))
        {
            dll = fromEnvironment;
        }

        if (dll is null)
        {
            return null;
        }

        var host = Environment.ProcessPath;
        if (host is null || !Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.Ordinal))
        {
            host = DotnetHost();
        }

        return new WorkerCommand(host, [dll, Verb]);
    }

    private static string DotnetHost()
    {
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, "dotnet")))
        {
            return Path.Combine(root, "dotnet");
        }

        // The runtime's own folder is <root>/shared/Microsoft.NETCore.App/<version>/.
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var candidate = runtime is null ? null : Path.GetFullPath(Path.Combine(runtime, "..", "..", "..", "dotnet"));
        return candidate is not null && File.Exists(candidate) ? candidate : "dotnet";
    }
}
