namespace Corpus.Ingest.Files;

/// <summary>
/// Lists the files under an input folder in a fixed order: depth first, entries of each folder
/// sorted by ordinal name, so the same tree gives the same list on every machine. Entries whose
/// names start with '.' (such as <c>.git</c>) are skipped, as are links to folders, which could
/// loop.
/// </summary>
public static class InputFileLister
{
    /// <summary>Every file under <paramref name="inputDir"/>, in the fixed order.</summary>
    public static IEnumerable<InputFile> List(string inputDir)
    {
        ArgumentNullException.ThrowIfNull(inputDir);
        var root = Path.GetFullPath(inputDir);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"input folder '{inputDir}' does not exist");
        }

        return Walk(root, string.Empty);
    }

    private static IEnumerable<InputFile> Walk(string dir, string relative)
    {
        var entries = new DirectoryInfo(dir).EnumerateFileSystemInfos("*", new EnumerationOptions
        {
            IgnoreInaccessible = false,
            RecurseSubdirectories = false,
            AttributesToSkip = 0,
            ReturnSpecialDirectories = false,
        }).ToList();
        entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var entry in entries)
        {
            if (entry.Name.StartsWith('.'))
            {
                continue;
            }

            var rel = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
            if (entry is DirectoryInfo d)
            {
                if (d.LinkTarget is not null)
                {
                    continue;
                }

                foreach (var f in Walk(d.FullName, rel))
                {
                    yield return f;
                }
            }
            else
            {
                yield return new InputFile(entry.FullName, rel);
            }
        }
    }
}
