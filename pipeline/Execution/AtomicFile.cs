namespace Corpus.Pipeline.Execution;

/// <summary>Writes files so that a reader sees the old content or the whole new content, never a part.</summary>
internal static class AtomicFile
{
    /// <summary>
    /// Names this process in temporary and staging names, so two processes never write the same
    /// temporary file: in a cluster a node taken for lost may still be finishing a task that has
    /// been handed to another.
    /// </summary>
    public static string ProcessTag { get; } = "p" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The temporary name a file is written under before its rename (the same for every call in a process).</summary>
    public static string TempPathOf(string path) => $"{path}.{ProcessTag}.tmp";

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var tmp = TempPathOf(path);
        using (var f = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            f.Write(bytes);
            f.Flush(flushToDisk: true);
        }

        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>Moves a finished temporary file to its final name, replacing any earlier attempt's.</summary>
    public static void Commit(string tmpPath, string path) => File.Move(tmpPath, path, overwrite: true);
}
