using Corpus.Ingest.Files;
using Corpus.Ingest.Warc;

namespace Corpus.Pipeline.Phases;

/// <summary>
/// Turns the input listing into the ingest phase's items, in an order that depends on nothing but
/// the inputs: plain files in listing order, then the document records of every WARC/WET file
/// sorted by (target URI, file, offset). Sorting makes a crawl's output, whose record order depends
/// on fetch timing, give the same documents in the same order every time. <see cref="Build"/> keeps
/// them in memory (a single file, <c>corpus extract</c>); a build keeps them on disk
/// (<see cref="InputPartition"/>).
/// </summary>
internal static class InputIndex
{
    public static bool IsWarc(string path) =>
        path.EndsWith(".warc", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".warc.gz", StringComparison.OrdinalIgnoreCase) ||
        path.EndsWith(".wet", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".wet.gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>The order of WARC/WET records among themselves: target URI, then file, then offset.</summary>
    public static int CompareRecords(InputItem a, InputItem b)
    {
        var c = string.CompareOrdinal(a.Uri, b.Uri);
        if (c == 0)
        {
            c = string.CompareOrdinal(a.File.RelativePath, b.File.RelativePath);
        }

        return c != 0 ? c : a.RecordOffset.CompareTo(b.RecordOffset);
    }

    public static IReadOnlyList<InputItem> Build(IReadOnlyList<InputFile> files, CancellationToken ct)
    {
        var plain = new List<InputItem>();
        var records = new List<InputItem>();
        foreach (var file in files)
        {
            ct.ThrowIfCancellationRequested();
            Scan(file, plain.Add, records.Add);
        }

        records.Sort(CompareRecords);
        plain.AddRange(records);
        return plain;
    }

    /// <summary>
    /// Hands <paramref name="file"/> to <paramref name="plain"/> as one item, or, for a WARC/WET file,
    /// each of its document records (and each record the index could not read) to <paramref name="record"/>;
    /// a WARC file that cannot be opened is a plain item rejected <c>unreadable</c>.
    /// </summary>
    public static void Scan(InputFile file, Action<InputItem> plain, Action<InputItem> record)
    {
        if (!IsWarc(file.RelativePath))
        {
            plain(new InputItem(file));
            return;
        }

        try
        {
            using var stream = File.OpenRead(file.FullPath);
            foreach (var result in WarcReader.Open(stream, new WarcReaderOptions { VerifyDigests = false }))
            {
                switch (result)
                {
                    case WarcRecord r when r.Type is "response" or "resource" or "conversion":
                        record(new InputItem(file, r.Offset, r.TargetUri ?? r.RecordId ?? string.Empty));
                        break;
                    case WarcReject j:
                        record(new InputItem(file, j.Offset, $"{file.RelativePath}#{j.Offset}", j.Reason, j.Detail));
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            plain(new InputItem(file, -1, file.RelativePath, RejectReasons.Unreadable, $"{e.GetType().Name}: {e.Message}"));
        }
    }
}
