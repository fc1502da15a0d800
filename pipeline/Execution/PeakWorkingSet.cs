using System.Diagnostics;
using System.Globalization;

namespace Corpus.Pipeline.Execution;

/// <summary>
/// The most resident memory this process has held since the last <see cref="Restart"/>: on Linux the
/// kernel's high-water mark (<c>VmHWM</c> of <c>/proc/self/status</c>), which <see cref="Restart"/>
/// sets back to the current resident size (writing <c>5</c> to <c>/proc/self/clear_refs</c>);
/// elsewhere, or where the kernel refuses, the process's peak since it started. Worker processes
/// (PDF parsing, quarantined items) have their own memory and are not counted.
/// </summary>
internal static class PeakWorkingSet
{
    private const string StatusPath = "/proc/self/status";
    private const string ClearRefsPath = "/proc/self/clear_refs";

    private static bool s_restartable = OperatingSystem.IsLinux();

    /// <summary>Starts a new measuring window; false when the peak can only be the process's whole-life peak.</summary>
    public static bool Restart()
    {
        if (!s_restartable)
        {
            return false;
        }

        try
        {
            File.WriteAllText(ClearRefsPath, "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            s_restartable = false;
            return false;
        }
    }

    /// <summary>The peak resident bytes of the window.</summary>
    public static long Bytes()
    {
        if (OperatingSystem.IsLinux() && ReadHighWaterMark() is { } bytes)
        {
            return bytes;
        }

        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    private static long? ReadHighWaterMark()
    {
        try
        {
            foreach (var line in File.ReadLines(StatusPath))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var value = line.AsSpan("VmHWM:".Length).Trim();
                    var space = value.IndexOf(' ');
                    return long.Parse(space < 0 ? value : value[..space], NumberStyles.None, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or OverflowException)
        {
        }

        return null;
    }
}
