using System.Diagnostics;
using System.Text;

namespace Corpus.Ingest.Pdf.Evaluation;

/// <summary>Runs poppler's <c>pdftotext FILE -</c> (default reading mode) with a time limit; the anchor of <c>corpus pdf eval</c>.</summary>
public static class Pdftotext
{
    public static bool IsAvailable()
    {
        try
        {
            var (_, ok, _) = Run("-v", null, TimeSpan.FromSeconds(10));
            return ok;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>The text (null on failure or timeout), whether it exited 0, and the seconds it took.</summary>
    public static (string? Text, bool Ok, double Seconds) Extract(string pdf, TimeSpan limit) => Run(pdf, "-", limit);

    private static (string? Text, bool Ok, double Seconds) Run(string first, string? second, TimeSpan limit)
    {
        var start = new ProcessStartInfo("pdftotext")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(first);
        if (second is not null)
        {
            start.ArgumentList.Add(second);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (null, false, watch.Elapsed.TotalSeconds);
        }

        var text = output.GetAwaiter().GetResult();
        _ = error.GetAwaiter().GetResult();
        var seconds = watch.Elapsed.TotalSeconds;
        return process.ExitCode == 0 ? (text, true, seconds) : (null, false, seconds);
    }
}
