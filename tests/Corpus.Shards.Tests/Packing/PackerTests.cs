using Corpus.Shards.Packing;
using Xunit.Abstractions;

namespace Corpus.Shards.Tests.Packing;

public sealed class PackerTests(ITestOutputHelper output)
{
    private const int Context = 4096;

    public static TheoryData<string> Kinds => new() { "best-fit", "concat-chop" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_sequence_is_exactly_the_context_length_with_consistent_boundaries(string kind)
    {
        var docs = PackingCorpus.LogNormal(seed: 1, count: 800, median: 900, sigma: 1.3);

        var sequences = PackingCorpus.PackAll(PackingCorpus.Create(kind, Context, windowTokens: 16 * Context), docs);

        sequences.Should().NotBeEmpty();
        foreach (var s in sequences)
        {
            s.Tokens.Should().HaveCount(Context);
            s.CuSeqlens[0].Should().Be(0);
            s.CuSeqlens.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
            s.CuSeqlens[^1].Should().Be(Context - s.Padding);
            s.DocumentIds.Should().HaveCount(s.CuSeqlens.Length - 1);
            s.ChunkIndexes.Should().HaveCount(s.CuSeqlens.Length - 1);
            s.Languages.Should().HaveCount(s.CuSeqlens.Length - 1);
            s.Domains.Should().HaveCount(s.CuSeqlens.Length - 1);
            s.Sources.Should().HaveCount(s.CuSeqlens.Length - 1);
            s.Tokens[(Context - s.Padding)..].All(t => t == PackingCorpus.PadId).Should().BeTrue("the tail is padding");
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Reassembling_segments_by_document_and_chunk_gives_back_every_document_exactly(string kind)
    {
        var docs = PackingCorpus.LogNormal(seed: 2, count: 600, median: 900, sigma: 1.4);

        var sequences = PackingCorpus.PackAll(PackingCorpus.Create(kind, Context, windowTokens: 8 * Context), docs);

        var segments = sequences
            .SelectMany(s => Enumerable.Range(0, s.SegmentCount).Select(i => (
                Id: s.DocumentIds[i],
                Chunk: s.ChunkIndexes[i],
                Tokens: s.Tokens[s.CuSeqlens[i]..s.CuSeqlens[i + 1]],
                Language: s.Languages[i],
                Domain: s.Domains[i],
                Source: s.Sources[i])))
            .GroupBy(x => x.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(x => x.Chunk).ToList(), StringComparer.Ordinal);
        segments.Should().HaveCount(docs.Count, "every document is in the sequences, none added");
        foreach (var doc in docs)
        {
            var pieces = segments[doc.Id];
            pieces.Select(p => p.Chunk).Should().Equal(Enumerable.Range(0, pieces.Count), $"document {doc.Id} has each chunk once");
            pieces.SelectMany(p => p.Tokens).Should().Equal(doc.Tokens.ToArray(), $"document {doc.Id} comes back whole");
            pieces.Should().OnlyContain(p => p.Language == doc.Language && p.Domain == doc.Domain && p.Source == doc.Source);
        }
    }

    [Fact]
    public void Best_fit_truncates_fewer_documents_than_concatenate_and_chop()
    {
        // A realistic mix at 4,096 context: median 700 tokens, a long tail past the context.
        var docs = PackingCorpus.LogNormal(seed: 3, count: 5000, median: 700, sigma: 1.2);
        var bestFit = PackingCorpus.Create("best-fit", Context);
        var concatChop = PackingCorpus.Create("concat-chop", Context);

        PackingCorpus.PackAll(bestFit, docs);
        PackingCorpus.PackAll(concatChop, docs);

        var longer = docs.Count(d => d.Tokens.Length > Context);
        output.WriteLine($"documents {docs.Count}, longer than the context {longer} ({(double)longer / docs.Count:P2})");
        output.WriteLine($"best-fit:    truncated {bestFit.Stats.DocumentsTruncated} ({bestFit.Stats.TruncatedShare:P2}), padding {bestFit.Stats.PaddingShare:P2}, sequences {bestFit.Stats.Sequences}");
        output.WriteLine($"concat-chop: truncated {concatChop.Stats.DocumentsTruncated} ({concatChop.Stats.TruncatedShare:P2}), padding {concatChop.Stats.PaddingShare:P2}, sequences {concatChop.Stats.Sequences}");
        bestFit.Stats.DocumentsTruncated.Should().Be(longer, "best-fit splits only documents longer than the context");
        longer.Should().BeGreaterThan(0, "the mix has documents past the context");
        concatChop.Stats.TruncatedShare.Should().BeGreaterThan(3 * bestFit.Stats.TruncatedShare);
        bestFit.Stats.PaddingShare.Should().BeLessThan(0.02, "best-fit fills its bins almost completely");
        bestFit.Stats.RealTokens.Should().Be(concatChop.Stats.RealTokens).And.Be(docs.Sum(d => (long)d.Tokens.Length));
    }

    [Fact]
    public void Best_fit_never_splits_a_document_no_longer_than_the_context()
    {
        var docs = PackingCorpus.LogNormal(seed: 4, count: 2000, median: 1500, sigma: 1.0);
        docs.Add(PackingCorpus.Of("exact", Context, new Random(1)));

        var sequences = PackingCorpus.PackAll(PackingCorpus.Create("best-fit", Context, windowTokens: 4 * Context), docs);

        var segmentsById = sequences.SelectMany(s => s.DocumentIds).GroupBy(id => id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var doc in docs)
        {
            segmentsById[doc.Id].Should().Be(doc.Tokens.Length <= Context ? 1 : (doc.Tokens.Length + Context - 1) / Context, $"document {doc.Id} has {doc.Tokens.Length} tokens");
        }
    }

    [Fact]
    public void A_document_longer_than_the_context_becomes_full_chunks_and_a_packed_remainder()
    {
        var docs = PackingCorpus.OfLengths(25, 3, 20);
        var packer = PackingCorpus.Create("best-fit", 10);

        var sequences = PackingCorpus.PackAll(packer, docs);

        // d00: chunks 0 and 1 whole; its remainder (5) packs with d01 (3); d02 is two whole chunks.
        sequences.Select(s => string.Join(' ', s.DocumentIds.Zip(s.ChunkIndexes, (id, c) => $"{id}#{c}"))).Should().Equal(
            "d00#0", "d00#1", "d02#0", "d02#1", "d00#2 d01#0");
        sequences[^1].Padding.Should().Be(2);
        packer.Stats.Should().Be(new PackingStats(Sequences: 5, RealTokens: 48, PaddingTokens: 2, Documents: 3, DocumentsTruncated: 2, Pieces: 6));
    }

    [Fact]
    public void Each_piece_goes_to_the_open_bin_with_the_least_room_that_fits()
    {
        var docs = PackingCorpus.OfLengths(3, 6, 2, 5, 4);

        var sequences = PackingCorpus.PackAll(PackingCorpus.Create("best-fit", 10), docs);

        // Decreasing: 6 opens bin 0 (room 4); 5 does not fit, opens bin 1 (room 5); 4 fills bin 0;
        // 3 goes to bin 1 (room 2); 2 fills bin 1.
        sequences.Select(s => string.Join(' ', s.DocumentIds)).Should().Equal("d01 d04", "d03 d00 d02");
        sequences.Should().OnlyContain(s => s.Padding == 0);
    }

    [Fact]
    public void Best_fit_through_the_room_index_matches_a_linear_scan_over_open_bins()
    {
        const int context = 64;
        var docs = PackingCorpus.LogNormal(seed: 5, count: 3000, median: 12, sigma: 0.9, maxTokens: context);

        var sequences = PackingCorpus.PackAll(PackingCorpus.Create("best-fit", context, windowTokens: 1_000_000), docs);

        // Reference: the same decreasing order; a linear scan picks the least room that fits, the
        // bin touched last among equals (what the room index's per-room lists give).
        var pieces = docs.Select((d, i) => (d.Id, d.Tokens.Length, Arrival: i))
            .OrderByDescending(p => p.Length).ThenBy(p => p.Id, StringComparer.Ordinal).ThenBy(p => p.Arrival).ToList();
        var bins = new List<(List<string> Ids, int Room, long Touched)>();
        long clock = 0;
        foreach (var piece in pieces)
        {
            var best = -1;
            for (var b = 0; b < bins.Count; b++)
            {
                if (bins[b].Room >= piece.Length && (best < 0 || bins[b].Room < bins[best].Room || (bins[b].Room == bins[best].Room && bins[b].Touched > bins[best].Touched)))
                {
                    best = b;
                }
            }

            if (best < 0)
            {
                bins.Add(([], context, 0));
                best = bins.Count - 1;
            }

            bins[best].Ids.Add(piece.Id);
            bins[best] = (bins[best].Ids, bins[best].Room - piece.Length, ++clock);
        }

        sequences.Select(s => string.Join(' ', s.DocumentIds)).Should().Equal(bins.Select(b => string.Join(' ', b.Ids)));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_same_documents_give_identical_sequences(string kind)
    {
        var docs = PackingCorpus.LogNormal(seed: 6, count: 700, median: 800, sigma: 1.3);

        var first = PackingCorpus.PackAll(PackingCorpus.Create(kind, Context, windowTokens: 10 * Context), docs).Select(PackingCorpus.Describe).ToList();
        var second = PackingCorpus.PackAll(PackingCorpus.Create(kind, Context, windowTokens: 10 * Context), PackingCorpus.LogNormal(seed: 6, count: 700, median: 800, sigma: 1.3)).Select(PackingCorpus.Describe).ToList();

        second.Should().Equal(first);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Buffered_tokens_never_exceed_the_window(string kind)
    {
        const long window = 3 * Context;
        var docs = PackingCorpus.LogNormal(seed: 7, count: 500, median: 1200, sigma: 1.5);
        var packer = PackingCorpus.Create(kind, Context, windowTokens: window);
        var emitted = 0;

        foreach (var doc in docs)
        {
            emitted += packer.Add(doc).Count;
            packer.BufferedTokens.Should().BeInRange(0, kind == "best-fit" ? window : Context - 1);
        }

        emitted.Should().BeGreaterThan(0, "sequences stream out before the end");
        emitted += packer.Complete().Count;
        packer.BufferedTokens.Should().Be(0);
        packer.Stats.Sequences.Should().Be(emitted);
        packer.Stats.Documents.Should().Be(docs.Count);
    }

    [Fact]
    public void A_document_after_complete_or_without_tokens_is_rejected()
    {
        var packer = PackingCorpus.Create("best-fit", 16);
        var empty = () => packer.Add(new PackingDocument("e", "eng_Latn", "unknown", "file", ReadOnlyMemory<int>.Empty));
        empty.Should().Throw<ArgumentException>().WithMessage("*'e'*");

        packer.Complete();

        var late = () => packer.Add(PackingCorpus.OfLengths(3)[0]);
        late.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void A_window_smaller_than_the_context_is_rejected()
    {
        var create = () => new BestFitPacker(new PackingOptions { ContextLength = 100, PadId = 0, WindowTokens = 99 });

        create.Should().Throw<ArgumentOutOfRangeException>();
    }
}
