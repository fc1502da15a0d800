using System.Globalization;
using Corpus.Ingest.Warc;

namespace Corpus.Bench.Warc;

/// <summary>
/// <c>eval-warc FOLDER</c>: reads every file under the folder with <see cref="WarcReader"/> and prints, per
/// file, the records read, the rejects by reason, and the digest checks; then a summary. Never throws
/// for a file: a failure to open one is printed and counted.
/// </summary>
public static class WarcEvaluation
{
    public static int Run(string folder)
    {
        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine($"eval-warc: no folder {folder}");
            return 2;
        }

        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith("LICENSE", StringComparison.Ordinal) && Path.GetFileName(f) is not ("NOTICE" or "NOTES.md"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var converter = new WarcDocumentConverter();
        long totalRecords = 0, totalRejects = 0, verified = 0, documents = 0;
        var reasons = new SortedDictionary<string, int>(StringComparer.Ordinal);
        Console.WriteLine("file | records | types | rejects | digests verified (block/payload) | unsupported | documents");
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(folder, file);
            try
            {
                using var stream = File.OpenRead(file);
                var records = 0;
                var types = new SortedDictionary<string, int>(StringComparer.Ordinal);
                var rejects = new List<string>();
                int blockOk = 0, payloadOk = 0, unsupported = 0, docs = 0;
                foreach (var result in WarcReader.Open(stream))
                {
                    switch (result)
                    {
                        case WarcRecord record:
                            records++;
                            types[record.Type] = types.GetValueOrDefault(record.Type) + 1;
                            blockOk += record.BlockDigest == WarcDigestCheck.Verified ? 1 : 0;
                            payloadOk += record.PayloadDigest == WarcDigestCheck.Verified ? 1 : 0;
                            unsupported += (record.BlockDigest == WarcDigestCheck.Unsupported ? 1 : 0) + (record.PayloadDigest == WarcDigestCheck.Unsupported ? 1 : 0);
                            if (converter.Convert(record, relative) is Corpus.Ingest.Files.FileReadOutcome.Accepted)
                            {
                                docs++;
                            }

                            break;
                        case WarcReject reject:
                            rejects.Add($"{reject.Reason}@{reject.Offset}");
                            reasons[reject.Reason] = reasons.GetValueOrDefault(reject.Reason) + 1;
                            Console.WriteLine($"    reject {reject.Reason} at {reject.Offset}: {reject.Detail}");
                            break;
                    }
                }

                totalRecords += records;
                totalRejects += rejects.Count;
                verified += blockOk + payloadOk;
                documents += docs;
                var typeText = string.Join(",", types.Select(t => $"{t.Key}:{t.Value}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{relative} | {records} | {typeText} | {rejects.Count} {string.Join(" ", rejects)} | {blockOk}/{payloadOk} | {unsupported} | {docs}"));
            }
            catch (IOException ex)
            {
                Console.WriteLine($"{relative} | cannot read: {ex.Message}");
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"summary: {files.Count} files, {totalRecords} records, {totalRejects} rejects ({string.Join(", ", reasons.Select(r => $"{r.Key} {r.Value}"))}), {verified} digests verified, {documents} documents"));
        return 0;
    }
}
