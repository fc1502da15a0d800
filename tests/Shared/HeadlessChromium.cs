using System.Diagnostics;

namespace Corpus.Tests.Shared;

/// <summary>
/// Runs Debian's headless Chromium (installed by install-chromium.sh when missing) with a throwaway
/// profile, for the tests that check the report draws in a real browser.
/// </summary>
internal static class HeadlessChromium
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>Runs chromium with <paramref name="args"/> after the usual headless flags; <paramref name="profileDir"/> is its user-data folder.</summary>
    public static (int ExitCode, string Output, string Error) Run(string profileDir, params string[] args)
    {
        var install = RunProcess("bash", [Path.Combine(RepoData.Root, "tests", "Shared", "install-chromium.sh")]);
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException("install-chromium.sh failed: " + install.Error);
        }

        string[] common = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars", "--no-first-run", "--enable-logging=stderr", "--v=0", $"--user-data-dir={profileDir}"];
        return RunProcess("chromium", [.. common, .. args]);
    }

    /// <summary>Lines of Chromium's log that report a page console message or an uncaught error.</summary>
    public static string[] ConsoleErrors(string stderr) =>
        [.. stderr.Split('\n').Where(l => l.Contains("CONSOLE", StringComparison.Ordinal) || l.Contains("Uncaught", StringComparison.Ordinal))];

    /// <summary>Distinct colours and the share of non-white pixels of a PNG screenshot.</summary>
    public static (Dictionary<int, int> Colours, double NonWhiteShare, int Width, int Height) Inspect(string pngPath)
    {
        var image = PngImage.Decode(File.ReadAllBytes(pngPath));
        var colours = new Dictionary<int, int>();
        long nonWhite = 0;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var rgb = image.Rgb(x, y);
                colours[rgb] = colours.GetValueOrDefault(rgb) + 1;
                nonWhite += rgb == 0xFFFFFF ? 0 : 1;
            }
        }

        return (colours, (double)nonWhite / ((long)image.Width * image.Height), image.Width, image.Height);
    }

    private static (int ExitCode, string Output, string Error) RunProcess(string program, string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} ran past {Timeout.TotalSeconds} s");
        }

        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}
