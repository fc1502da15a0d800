using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Corpus.Filters.Languages.Training;

/// <summary>
/// Runs Apertium (rule-based machine translation) from a folder its Debian packages were unpacked into
/// (<c>dpkg-deb -x</c> of apertium, lttoolbox, cg3, their libraries and a language pair such as
/// apertium-ind-zlm), without installing it. A pair's mode file names its data under
/// <c>/usr/share/apertium</c>; that prefix is rewritten to the folder, and the pipeline is the one
/// <c>apertium -u -f line MODE</c> runs (the same output bytes), with the folder's programs and libraries first on
/// <c>PATH</c> and <c>LD_LIBRARY_PATH</c> and the C.UTF-8 locale. Apertium's line format drops a line's final
/// full stop or other closing mark; the translation gets it back, so the two languages' lines do not differ in that.
/// </summary>
public sealed partial class ApertiumTranslator : ILidTranslator
{
    private const string DataPrefix = "/usr/share/apertium/";

    // What `apertium -u -f line` runs: the text deformatter, its line-end fix, the pair's pipeline with word-bound
    // blanks, generation without unknown-word marks (-n), and the reformatter.
    private const string Pipeline =
        "set -o pipefail; apertium-destxt -n | sed 's/[[:space:]]*\\[$/[][/' | bash <(apertium-wblank-mode \"$CORPUS_APERTIUM_MODE\") -n '' | apertium-retxt";

    private static readonly string[] Programs = ["apertium-destxt", "apertium-retxt", "apertium-wblank-mode", "lt-proc"];

    private readonly string root;

    /// <summary>A translator over the packages unpacked into <paramref name="root"/>.</summary>
    public ApertiumTranslator(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        this.root = Path.GetFullPath(root);
    }

    /// <inheritdoc/>
    public string? Unavailable(string mode)
    {
        if (!ModeName().IsMatch(mode))
        {
            return $"'{mode}' is not an Apertium mode name";
        }

        if (!File.Exists(ModeFile(mode)))
        {
            return $"'{ModeFile(mode)}' is missing: unpack Apertium's package for the pair {mode} into '{root}'";
        }

        foreach (var program in Programs)
        {
            if (!File.Exists(Path.Combine(root, "usr/bin", program)))
            {
                return $"'{Path.Combine(root, "usr/bin", program)}' is missing: unpack the packages apertium, lttoolbox and cg3 into '{root}'";
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> Translate(string mode, IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (Unavailable(mode) is { } reason)
        {
            throw new InvalidOperationException($"Apertium cannot translate {mode}: {reason}");
        }

        if (lines.Count == 0)
        {
            return [];
        }

        var folder = Directory.CreateTempSubdirectory("corpus-apertium-");
        try
        {
            var modeFile = Path.Combine(folder.FullName, mode + ".mode");
            File.WriteAllText(modeFile, File.ReadAllText(ModeFile(mode)).Replace(DataPrefix, Path.Combine(root, "usr/share/apertium") + "/", StringComparison.Ordinal));
            var output = Run(mode, modeFile, lines);
            var result = output.Split('\n');
            var count = result.Length > 0 && result[^1].Length == 0 ? result.Length - 1 : result.Length;
            if (count != lines.Count)
            {
                throw new InvalidDataException($"Apertium {mode} gave {count} lines for {lines.Count}: its line format lost the alignment");
            }

            var translated = new string[lines.Count];
            for (var i = 0; i < translated.Length; i++)
            {
                translated[i] = KeepFinalMark(OneLine(lines[i]), result[i]);
            }

            return translated;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary><paramref name="translated"/> trimmed, ending in <paramref name="source"/>'s final closing mark when that has one.</summary>
    internal static string KeepFinalMark(string source, string translated)
    {
        var t = translated.Trim();
        var s = source.TrimEnd();
        if (s.Length > 0 && s[^1] is '.' or '!' or '?' or ':' or ';' or '…' && (t.Length == 0 || t[^1] != s[^1]))
        {
            return t + s[^1];
        }

        return t;
    }

    private string Run(string mode, string modeFile, IReadOnlyList<string> lines)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Pipeline);
        start.Environment["PATH"] = Path.Combine(root, "usr/bin") + ":" + (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin");
        start.Environment["LD_LIBRARY_PATH"] = string.Join(':', LibraryFolders().Append(Environment.GetEnvironmentVariable("LD_LIBRARY_PATH") ?? "").Where(p => p.Length > 0));
        start.Environment["LC_ALL"] = "C.UTF-8";
        start.Environment["CORPUS_APERTIUM_MODE"] = modeFile;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var input = Task.Run(() =>
        {
            var writer = process.StandardInput;
            try
            {
                foreach (var line in lines)
                {
                    writer.Write(OneLine(line));
                    writer.Write('\n');
                }
            }
            catch (IOException)
            {
                // the pipeline ended early; its exit status and error text say why
            }
            finally
            {
                writer.Close();
            }
        });
        process.WaitForExit();
        input.Wait();
        if (process.ExitCode != 0)
        {
            throw new InvalidDataException($"Apertium {mode} (from '{root}') exited with {process.ExitCode}: {error.Result.Trim()}");
        }

        return output.Result;
    }

    private IEnumerable<string> LibraryFolders()
    {
        var lib = Path.Combine(root, "usr/lib");
        if (!Directory.Exists(lib))
        {
            return [];
        }

        return Directory.GetDirectories(lib, "*-linux-gnu*").Order(StringComparer.Ordinal).Append(lib);
    }

    private string ModeFile(string mode) => Path.Combine(root, "usr/share/apertium/modes", mode + ".mode");

    private static string OneLine(string line) => line.Replace('\r', ' ').Replace('\n', ' ');

    [GeneratedRegex("^[a-z]{2,3}(_[A-Za-z]+)?-[a-z]{2,3}(_[A-Za-z]+)?(-[a-z_]+)?$")]
    private static partial Regex ModeName();
}
