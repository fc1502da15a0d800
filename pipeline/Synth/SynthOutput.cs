using System.Globalization;
using System.Text;
using System.Text.Json;
using Corpus.Pipeline.Storage;
using Corpus.Synth.Generation;

namespace Corpus.Pipeline.Synth;

/// <summary>
/// Writes a run's samples: accepted ones to Parquet parts, rejected ones to JSONL beside them, each
/// file through a temporary name renamed when complete. For a folder: <c>synth/part-NNNNN.parquet</c>
/// and <c>rejects/synth-NNNNN.jsonl</c> under it; for a <c>.parquet</c> file: that file (one part) and
/// <c>NAME.rejects.jsonl</c> beside it.
/// </summary>
internal static class SynthOutput
{
    public static async Task<(IReadOnlyList<string> Parts, IReadOnlyList<string> Rejects)> WriteAsync(string output, IReadOnlyList<SynthSample> samples, int rowsPerPart, CancellationToken ct)
    {
        var accepted = samples.Where(s => s.Accepted).Select(SynthRow.From).ToList();
        var rejected = samples.Where(s => !s.Accepted).Select(SynthRow.From).ToList();
        var parts = new List<string>();
        var rejects = new List<string>();
        if (output.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(output))!;
            Directory.CreateDirectory(folder);
            await WriteParquetAsync(output, accepted, ct).ConfigureAwait(false);
            parts.Add(output);
            var rejectPath = output[..^".parquet".Length] + ".rejects.jsonl";
            await WriteJsonlAsync(rejectPath, rejected, ct).ConfigureAwait(false);
            rejects.Add(rejectPath);
            return (parts, rejects);
        }

        var synth = Path.Combine(output, "synth");
        var rejectFolder = Path.Combine(output, "rejects");
        Directory.CreateDirectory(synth);
        Directory.CreateDirectory(rejectFolder);
        for (int part = 0; part == 0 || part * rowsPerPart < accepted.Count; part++)
        {
            var path = Path.Combine(synth, string.Create(CultureInfo.InvariantCulture, $"part-{part:D5}.parquet"));
            await WriteParquetAsync(path, accepted.Skip(part * rowsPerPart).Take(rowsPerPart).ToList(), ct).ConfigureAwait(false);
            parts.Add(path);
        }

        for (int part = 0; part == 0 || part * rowsPerPart < rejected.Count; part++)
        {
            var path = Path.Combine(rejectFolder, string.Create(CultureInfo.InvariantCulture, $"synth-{part:D5}.jsonl"));
            await WriteJsonlAsync(path, rejected.Skip(part * rowsPerPart).Take(rowsPerPart).ToList(), ct).ConfigureAwait(false);
            rejects.Add(path);
        }

        return (parts, rejects);
    }

    private static async Task WriteParquetAsync(string path, IReadOnlyList<SynthRow> rows, CancellationToken ct)
    {
        var temporary = path + ".tmp";
        var writer = new ParquetPartWriter<SynthRow>(temporary, SynthRow.SizeOf);
        await using (writer.ConfigureAwait(false))
        {
            foreach (var row in rows)
            {
                await writer.AddAsync(row, ct).ConfigureAwait(false);
            }

            await writer.CompleteAsync(ct).ConfigureAwait(false);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static async Task WriteJsonlAsync(string path, IReadOnlyList<SynthRow> rows, CancellationToken ct)
    {
        var temporary = path + ".tmp";
        var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None);
        await using (stream.ConfigureAwait(false))
        {
            foreach (var row in rows)
            {
                await JsonSerializer.SerializeAsync(stream, row, SynthRowJson.Lines.SynthRow, ct).ConfigureAwait(false);
                stream.WriteByte((byte)'\n');
            }
        }

        File.Move(temporary, path, overwrite: true);
    }
}
