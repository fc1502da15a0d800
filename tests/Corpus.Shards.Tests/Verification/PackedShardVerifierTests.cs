using System.Globalization;
using System.Security.Cryptography;
using Corpus.Shards.Manifests;
using Corpus.Shards.Packing;
using Corpus.Shards.Verification;
using Parquet;

namespace Corpus.Shards.Tests.Verification;

public sealed class PackedShardVerifierTests
{
    private const int Context = 256;
    private const int PadId = 0;
    private const string PackedPath = "shards/s1/part-00000.packed.parquet";

    [Fact]
    public async Task Clean_output_with_packed_sequences_passes()
    {
        using var dir = new TempDirectory();
        var docs = Docs.Random(7, 40, maxTokens: 600);
        var sequences = Pack(docs);
        sequences.Should().Contain(s => s.ChunkIndexes.Any(c => c > 0), "some documents are longer than the context");

        await WriteOutputAsync(dir, docs, sequences, checkedWriter: true);

        ShardVerifier.Verify(dir.Path).Faults.Should().BeEmpty();
    }

    [Fact]
    public async Task A_packed_sequence_of_the_wrong_length_is_reported()
    {
        using var dir = new TempDirectory();
        var docs = Docs.Random(7, 40, maxTokens: 600);
        var sequences = Pack(docs);
        var at = sequences.FindIndex(s => s.Padding > 0);
        var bad = sequences[at];
        sequences[at] = bad with { Tokens = bad.Tokens[..^1], Padding = bad.Padding - 1 };

        await WriteOutputAsync(dir, docs, sequences, checkedWriter: false);

        var faults = ShardVerifier.Verify(dir.Path).Faults;
        faults.Should().ContainSingle().Which.Should().Be(new ShardVerificationFault(PackedPath, $"sequence {at} has {Context - 1} input_ids, not the context length {Context}"));
    }

    [Fact]
    public async Task Boundaries_that_do_not_increase_are_reported()
    {
        using var dir = new TempDirectory();
        var docs = Docs.Random(8, 60, maxTokens: 200);
        var sequences = Pack(docs);
        var at = sequences.FindIndex(s => s.SegmentCount >= 3);
        var cu = (int[])sequences[at].CuSeqlens.Clone();
        (cu[1], cu[2]) = (cu[2], cu[1]);
        sequences[at] = sequences[at] with { CuSeqlens = cu };

        await WriteOutputAsync(dir, docs, sequences, checkedWriter: false);

        var faults = ShardVerifier.Verify(dir.Path).Faults;
        faults.Should().ContainSingle().Which.Path.Should().Be(PackedPath);
        faults[0].Message.Should().StartWith($"sequence {at} has cu_seqlens").And.EndWith("which do not strictly increase");
    }

    [Fact]
    public async Task A_boundary_that_cuts_a_document_short_of_its_end_of_text_is_reported()
    {
        using var dir = new TempDirectory();
        var docs = Docs.Random(9, 60, maxTokens: 200);
        var sequences = Pack(docs);
        var at = sequences.FindIndex(s => s.SegmentCount >= 2 && s.CuSeqlens[1] > 1);
        var cu = (int[])sequences[at].CuSeqlens.Clone();
        cu[1]--;
        sequences[at] = sequences[at] with { CuSeqlens = cu };

        await WriteOutputAsync(dir, docs, sequences, checkedWriter: false);

        var faults = ShardVerifier.Verify(dir.Path).Faults;
        faults.Should().ContainSingle().Which.Path.Should().Be(PackedPath);
        faults[0].Message.Should().StartWith($"sequence {at} segment 0 (document {sequences[at].DocumentIds[0]}, chunk 0) ends with token").And.EndWith($"not the end-of-text id {Docs.EndOfText}");
    }

    [Fact]
    public async Task Segment_lists_of_the_wrong_length_and_bad_padding_are_reported()
    {
        using var dir = new TempDirectory();
        var docs = Docs.Random(10, 60, maxTokens: 200);
        var sequences = Pack(docs);
        var padded = sequences.FindIndex(1, s => s.Padding > 0);
        var tokens = (int[])sequences[padded].Tokens.Clone();
        tokens[^1] = 5;
        sequences[padded] = sequences[padded] with { Tokens = tokens };
        sequences[0] = sequences[0] with { Sources = [.. sequences[0].Sources, "extra"] };

        await WriteOutputAsync(dir, docs, sequences, checkedWriter: false);

        var faults = ShardVerifier.Verify(dir.Path).Faults;
        faults.Select(f => f.Path).Should().OnlyContain(p => p == PackedPath);
        faults.Select(f => f.Message).Should().Contain(m => m.StartsWith("sequence 0 has", StringComparison.Ordinal) && m.Contains("sources", StringComparison.Ordinal))
            .And.Contain($"sequence {padded} has token 5 at {Context - 1} in its padding, not the pad id {PadId}");
    }

    [Fact]
    public async Task A_packed_file_without_its_context_length_is_reported()
    {
        using var dir = new TempDirectory();

        var docs = Docs.Random(11, 20);
        await WriteOutputAsync(dir, docs, Pack(docs), checkedWriter: false, metadata: false);

        var faults = ShardVerifier.Verify(dir.Path).Faults;
        faults.Should().ContainSingle().Which.Should().Be(new ShardVerificationFault(PackedPath, "has no 'corpus.context_length' in its key-value metadata"));
    }

    [Fact]
    public async Task Packed_counts_that_differ_from_the_manifest_are_reported()
    {
        using var dir = new TempDirectory();
        var docs = Docs.Random(12, 30);
        var sequences = Pack(docs);

        await WriteOutputAsync(dir, docs, sequences, checkedWriter: true, listedSegments: sequences.Sum(s => s.SegmentCount) + 1);

        var faults = ShardVerifier.Verify(dir.Path).Faults;
        faults.Should().ContainSingle().Which.Path.Should().Be(PackedPath);
        faults[0].Message.Should().Contain("segments").And.Contain("the manifest says");
    }

    private static List<PackedSequence> Pack(IEnumerable<ShardDocument> docs)
    {
        var packer = new BestFitPacker(new PackingOptions { ContextLength = Context, PadId = PadId, WindowTokens = 4 * Context });
        var sequences = new List<PackedSequence>();
        foreach (var doc in docs)
        {
            sequences.AddRange(packer.Add(new PackingDocument(doc.Id, doc.Language, doc.Domain, doc.Source, doc.Tokens)));
        }

        sequences.AddRange(packer.Complete());
        return sequences;
    }

    /// <summary>
    /// <c>shards/s1</c> with the per-document shards of the packed documents, the packed file beside
    /// them (through the writer, or written by hand without its checks) and the manifest.
    /// </summary>
    private static async Task WriteOutputAsync(TempDirectory dir, List<ShardDocument> docs, List<PackedSequence> sequences, bool checkedWriter, bool metadata = true, long? listedSegments = null)
    {
        var files = await Shards.WriteAsync(dir["shards/s1"], docs, baseName: "part-00000");
        var path = dir[PackedPath];
        if (checkedWriter)
        {
            await using var writer = await PackedParquetWriter.CreateAsync(path, new PackedParquetOptions { ContextLength = Context, PadId = PadId, RowGroupSequences = 7 });
            foreach (var sequence in sequences)
            {
                await writer.AddAsync(sequence);
            }

            await writer.CompleteAsync();
        }
        else
        {
            await WriteByHandAsync(path, sequences, metadata);
        }

        var bytes = await File.ReadAllBytesAsync(path);
        var packed = new ShardFile(
            "part-00000.packed.parquet",
            "part-00000-packed",
            Convert.ToHexStringLower(SHA256.HashData(bytes)),
            bytes.Length,
            listedSegments ?? sequences.Sum(s => s.SegmentCount),
            docs.Sum(d => (long)d.Tokens.Length),
            []);
        var manifest = new ManifestBuilder(new string('a', 64), new string('b', 64), 7, Docs.EndOfText)
            .AddShards("s1", "shards/s1", files)
            .AddShards("s1", "shards/s1", [packed])
            .Build();
        await ManifestWriter.WriteAsync(manifest, dir["manifest.json"]);
    }

    /// <summary>The packed layout written straight through Parquet.Net, none of the writer's checks.</summary>
    private static async Task WriteByHandAsync(string path, List<PackedSequence> rows, bool metadata)
    {
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(PackedParquetSchema.Schema, stream, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy });
        if (metadata)
        {
            writer.CustomMetadata = new Dictionary<string, string>
            {
                ["corpus.context_length"] = Context.ToString(CultureInfo.InvariantCulture),
                ["corpus.pad_id"] = PadId.ToString(CultureInfo.InvariantCulture),
            };
        }

        using var group = writer.CreateRowGroup();
        await WriteIntsAsync(group, PackedParquetSchema.InputIds, rows.Select(r => r.Tokens));
        await WriteIntsAsync(group, PackedParquetSchema.CuSeqlens, rows.Select(r => r.CuSeqlens));
        await WriteStringsAsync(group, PackedParquetSchema.DocumentIds, rows.Select(r => r.DocumentIds));
        await WriteIntsAsync(group, PackedParquetSchema.ChunkIndexes, rows.Select(r => r.ChunkIndexes));
        await WriteStringsAsync(group, PackedParquetSchema.Languages, rows.Select(r => r.Languages));
        await WriteStringsAsync(group, PackedParquetSchema.Domains, rows.Select(r => r.Domains));
        await WriteStringsAsync(group, PackedParquetSchema.Sources, rows.Select(r => r.Sources));
        await group.WriteAsync<int>(PackedParquetSchema.Padding, rows.Select(r => r.Padding).ToArray(), null, null);
        group.CompleteValidate();
    }

    private static async Task WriteIntsAsync(ParquetRowGroupWriter group, Parquet.Schema.DataField field, IEnumerable<int[]> lists)
    {
        var all = lists.ToList();
        var values = all.SelectMany(l => l).ToArray();
        var repetitions = all.SelectMany(l => l.Select((_, i) => i == 0 ? 0 : 1)).ToArray();
        await group.WriteAllPartsAsync<int>(field, values, Enumerable.Repeat(2, values.Length).ToArray(), repetitions, default);
    }

    private static async Task WriteStringsAsync(ParquetRowGroupWriter group, Parquet.Schema.DataField field, IEnumerable<string[]> lists)
    {
        var all = lists.ToList();
        await group.WriteAsync(field, all.SelectMany(l => l).ToArray(), all.SelectMany(l => l.Select((_, i) => i == 0 ? 0 : 1)).ToArray());
    }
}
