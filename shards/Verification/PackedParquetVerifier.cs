using Corpus.Shards.Manifests;
using Corpus.Shards.Packing;

namespace Corpus.Shards.Verification;

/// <summary>
/// Checks one <c>.packed.parquet</c> file of packed sequences, one row group at a time: the context
/// length and pad id from its key-value metadata, every row exactly the context length, boundaries
/// from 0 strictly increasing to context − padding, one entry per segment in every per-segment
/// list, pad ids after the last boundary, every segment ending with the end-of-text id unless it is
/// a piece continued in another sequence (then it fills its row to the end), and the segment and
/// real-token counts against the manifest.
/// </summary>
internal static class PackedParquetVerifier
{
    /// <summary>The file name ending that marks a file of packed sequences.</summary>
    public const string Suffix = ".packed.parquet";

    private const int MaxRowFaults = 5;

    public static async ValueTask CheckAsync(string fullPath, ManifestFile file, int endOfTextId, List<ShardVerificationFault> faults, CancellationToken cancellationToken)
    {
        PackedParquetReader reader;
        try
        {
            reader = await PackedParquetReader.OpenAsync(fullPath, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            faults.Add(new(file.Path, e is InvalidDataException ? e.Message : $"cannot be read as Parquet: {e.Message}"));
            return;
        }

        await using (reader.ConfigureAwait(false))
        {
            long rows = 0;
            long segments = 0;
            long tokens = 0;
            var reported = 0;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                IReadOnlyList<PackedSequence> group;
                try
                {
                    group = await reader.ReadRowGroupAsync(g, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    faults.Add(new(file.Path, $"row group {g} {(e is InvalidDataException ? e.Message : $"cannot be read: {e.Message}")}"));
                    return;
                }

                foreach (var row in group)
                {
                    var fault = CheckRow(row, reader.ContextLength, reader.PadId, endOfTextId);
                    if (fault is not null && reported < MaxRowFaults)
                    {
                        faults.Add(new(file.Path, $"sequence {rows} {fault}"));
                        reported++;
                    }

                    rows++;
                    segments += row.SegmentCount;
                    tokens += Math.Clamp(row.Tokens.Length - row.Padding, 0, row.Tokens.Length);
                }
            }

            if (segments != file.Documents || tokens != file.Tokens)
            {
                faults.Add(new(file.Path, $"holds {segments} segments and {tokens} real tokens in {rows} sequences, the manifest says {file.Documents} documents (segments) and {file.Tokens} tokens"));
            }
        }
    }

    private static string? CheckRow(PackedSequence row, int context, int padId, int endOfTextId)
    {
        var tokens = row.Tokens;
        var cu = row.CuSeqlens;
        if (tokens.Length != context)
        {
            return $"has {tokens.Length} input_ids, not the context length {context}";
        }

        if (row.Padding < 0 || row.Padding >= context)
        {
            return $"has padding {row.Padding}, outside 0 … {context - 1}";
        }

        if (cu.Length < 2 || cu[0] != 0)
        {
            return $"has cu_seqlens [{Preview(cu)}], which do not start with 0 and hold at least one segment";
        }

        for (var i = 1; i < cu.Length; i++)
        {
            if (cu[i] <= cu[i - 1])
            {
                return $"has cu_seqlens [{Preview(cu)}], which do not strictly increase";
            }
        }

        if (cu[^1] != context - row.Padding)
        {
            return $"has its last boundary at {cu[^1]}, not at context − padding = {context - row.Padding}";
        }

        var segments = cu.Length - 1;
        if (row.DocumentIds.Length != segments || row.ChunkIndexes.Length != segments || row.Languages.Length != segments
            || row.Domains.Length != segments || row.Sources.Length != segments)
        {
            return $"has {segments} segments but per-segment lists of {row.DocumentIds.Length} document_ids, {row.ChunkIndexes.Length} chunk_indexes, "
                + $"{row.Languages.Length} languages, {row.Domains.Length} domains, {row.Sources.Length} sources";
        }

        for (var i = 0; i < segments; i++)
        {
            if (row.ChunkIndexes[i] < 0)
            {
                return $"segment {i} has chunk index {row.ChunkIndexes[i]}";
            }

            // A piece continued in another sequence fills its row to the end; any other segment is
            // the last piece of its document and ends with end-of-text.
            var continued = i == segments - 1 && cu[i + 1] == context;
            if (tokens[cu[i + 1] - 1] != endOfTextId && !continued)
            {
                return $"segment {i} (document {row.DocumentIds[i]}, chunk {row.ChunkIndexes[i]}) ends with token {tokens[cu[i + 1] - 1]}, not the end-of-text id {endOfTextId}";
            }
        }

        for (var t = context - row.Padding; t < context; t++)
        {
            if (tokens[t] != padId)
            {
                return $"has token {tokens[t]} at {t} in its padding, not the pad id {padId}";
            }
        }

        return null;
    }

    private static string Preview(int[] values) =>
        values.Length <= 8 ? string.Join(", ", values) : string.Join(", ", values.Take(8)) + ", …";
}
