using Corpus.Core.Text;
using Corpus.Dedup;

namespace Corpus.Dedup.Tests;

public sealed class DeduplicatorTests
{
    private static readonly string[] Vocabulary = MakeVocabulary(2000, 7);

    private static string[] MakeVocabulary(int size, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, size).Select(_ => new string([.. Enumerable.Range(0, random.Next(3, 9)).Select(_ => (char)('a' + random.Next(26)))]))];
    }

    private static string[] RandomWords(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => Vocabulary[random.Next(Vocabulary.Length)])];

    private static string Edit(string[] words, int replacements, Random random)
    {
        var copy = (string[])words.Clone();
        for (int i = 0; i < replacements; i++)
        {
            copy[random.Next(copy.Length)] = Vocabulary[random.Next(Vocabulary.Length)];
        }

        return string.Join(' ', copy);
    }

    /// <summary>100 bases, each with a light edit (near duplicate), an exact copy with other case and spacing, and an unrelated document.</summary>
    private static List<DedupDocument> Corpus()
    {
        var random = new Random(42);
        var docs = new List<DedupDocument>();
        for (int i = 0; i < 100; i++)
        {
            var words = RandomWords(random, 300);
            var text = string.Join(' ', words);
            docs.Add(new DedupDocument($"base-{i:D3}", text, QualityScore: 0.5));
            docs.Add(new DedupDocument($"near-{i:D3}", Edit(words, 2, random), QualityScore: 0.5));
            docs.Add(new DedupDocument($"exact-{i:D3}", "  " + text.ToUpperInvariant().Replace(" ", "\n\t ", StringComparison.Ordinal), QualityScore: 0.5));
            docs.Add(new DedupDocument($"other-{i:D3}", string.Join(' ', RandomWords(random, 300)), QualityScore: 0.5));
        }

        return docs;
    }

    private static string TempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "corpus-dedup-tests");
        Directory.CreateDirectory(folder);
        return folder;
    }

    [Fact]
    public void Exact_duplicates_differing_in_case_and_spacing_are_grouped()
    {
        var docs = new[]
        {
            new DedupDocument("b", "The  quick brown\nfox"),
            new DedupDocument("a", "the quick brown fox "),
            new DedupDocument("c", "THE QUICK BROWN FOX"),
            new DedupDocument("d", "the quick brown fox!"),
        };
        var result = Deduplicator.Run(docs, new DedupOptions { Fuzzy = false, TempDirectory = TempFolder() });
        result.Decisions.Where(d => d.Kept).Select(d => d.Id).Should().BeEquivalentTo("a", "d");
        result.Decisions.Single(d => d.Id == "b").Should().Be(new DedupDecision("b", false, "a", DedupReason.ExactDuplicate));
        result.Clusters.Should().ContainSingle().Which.MemberIds.Should().Equal("a", "b", "c");
    }

    [Fact]
    public void Exact_keeper_is_the_highest_score_then_the_smallest_id()
    {
        var docs = new[]
        {
            new DedupDocument("a", "same text here", 0.1),
            new DedupDocument("z", "same text here", 0.9),
            new DedupDocument("m", "same text here", 0.9),
        };
        var result = Deduplicator.Run(docs, new DedupOptions { TempDirectory = TempFolder() });
        result.Decisions.Where(d => d.Kept).Select(d => d.Id).Should().Equal("m");
        result.Clusters.Single().KeeperId.Should().Be("m");
    }

    [Fact]
    public void Near_duplicates_are_removed_and_unrelated_documents_kept()
    {
        var result = Deduplicator.Run(Corpus(), new DedupOptions { TempDirectory = TempFolder() });
        var kept = result.Decisions.Where(d => d.Kept).Select(d => d.Id).ToHashSet();
        kept.Should().HaveCount(200);
        kept.Where(id => id.StartsWith("base-", StringComparison.Ordinal)).Should().HaveCount(100);
        kept.Where(id => id.StartsWith("other-", StringComparison.Ordinal)).Should().HaveCount(100);
        result.Decisions.Single(d => d.Id == "near-007").Should().Be(new DedupDecision("near-007", false, "base-007", DedupReason.NearDuplicate));
        result.Decisions.Single(d => d.Id == "exact-007").Reason.Should().Be(DedupReason.ExactDuplicate);
        result.Clusters.Should().HaveCount(100);
    }

    [Fact]
    public void Chinese_and_thai_near_duplicates_use_character_shingles()
    {
        var random = new Random(5);
        const string Han = "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现";
        string MakeText(string alphabet, int length) => new([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);
        string Tweak(string text) => string.Concat(text.AsSpan(0, 200), "好", text.AsSpan(201));
        var zh = MakeText(Han, 600);
        var th = MakeText("กขคงจฉชซญดตถทนบปผพฟมยรลวสหอฮะาิีึืุูเแโใไ", 600);
        var docs = new[]
        {
            new DedupDocument("zh-1", zh), new DedupDocument("zh-2", Tweak(zh)), new DedupDocument("zh-3", MakeText(Han, 600)),
            new DedupDocument("th-1", th), new DedupDocument("th-2", Tweak(th)), new DedupDocument("th-3", MakeText("กขคงจฉชซญดตถทนบปผพฟมยรลวสหอฮ", 600)),
        };
        var result = Deduplicator.Run(docs, new DedupOptions { TempDirectory = TempFolder() });
        result.Decisions.Where(d => d.Kept).Select(d => d.Id).Should().BeEquivalentTo("zh-1", "zh-3", "th-1", "th-3");
    }

    [Fact]
    public void Kept_set_does_not_depend_on_input_order_run_size_or_parallelism()
    {
        var docs = Corpus();
        var reference = Deduplicator.Run(docs, new DedupOptions { TempDirectory = TempFolder() });
        var shuffled = docs.OrderBy(_ => Random.Shared.Next()).ToList();
        var other = Deduplicator.Run(shuffled, new DedupOptions { TempDirectory = TempFolder(), RunRecords = 1000, MaxDegreeOfParallelism = 1 });
        Summary(other).Should().Equal(Summary(reference));
        other.Clusters.Should().BeEquivalentTo(reference.Clusters, o => o.WithStrictOrdering());
    }

    /// <summary>Signs <paramref name="docs"/> in <paramref name="parts"/> parts (round robin) under a fresh folder; returns the part folders in order.</summary>
    private static List<string> SignParts(IReadOnlyList<DedupDocument> docs, int parts, string folder, DedupOptions options)
    {
        var signed = new List<string>();
        for (int p = 0; p < parts; p++)
        {
            var part = Path.Combine(folder, $"sign-{p}");
            DedupSteps.SignPart(docs.Where((_, i) => i % parts == p), part, options);
            signed.Add(part);
        }

        return signed;
    }

    [Fact]
    public void Edges_of_a_band_range_are_the_per_band_edges_so_the_task_split_does_not_matter()
    {
        var folder = Path.Combine(TempFolder(), Guid.NewGuid().ToString("N"));
        var options = new DedupOptions { TempDirectory = folder, RunRecords = 1000 };
        var signed = SignParts(Corpus(), 3, folder, options);

        var all = Path.Combine(folder, "edges-all.bin");
        DedupSteps.FindEdges(signed, 0, options.Bands, all, options).Should().BeGreaterThan(0);
        var perBand = new List<string>();
        for (int b = options.Bands - 1; b >= 0; b--) // the band tasks run in reverse order
        {
            var path = Path.Combine(folder, $"edges-{b:D2}.bin");
            DedupSteps.FindEdges(signed, b, 1, path, options);
            perBand.Add(path);
        }

        perBand.Reverse();
        File.ReadAllBytes(all).Should().Equal(perBand.SelectMany(File.ReadAllBytes));
        var whole = DedupSteps.Resolve(signed, [all]);
        var split = DedupSteps.Resolve(signed, Enumerable.Reverse(perBand).ToList());
        Summary(split).Should().Equal(Summary(whole));
        split.Clusters.Should().BeEquivalentTo(whole.Clusters, o => o.WithStrictOrdering());
        Directory.Delete(folder, true);
    }

    [Fact]
    public void Steps_over_several_parts_give_the_result_of_one_run()
    {
        var docs = Corpus();
        var folder = Path.Combine(TempFolder(), Guid.NewGuid().ToString("N"));
        var options = new DedupOptions { TempDirectory = folder };
        var signed = SignParts(docs, 4, folder, options);
        var edges = new List<string>();
        for (int k = 0; k < 3; k++)
        {
            int first = k * options.Bands / 3;
            var path = Path.Combine(folder, $"edges-{k}.bin");
            DedupSteps.FindEdges(signed, first, ((k + 1) * options.Bands / 3) - first, path, options);
            edges.Add(path);
        }

        var steps = DedupSteps.Resolve(signed, edges);
        var run = Deduplicator.Run(docs, options);
        Summary(steps).Should().Equal(Summary(run));
        steps.Clusters.Should().BeEquivalentTo(run.Clusters, o => o.WithStrictOrdering());
        run.NearDuplicates.Should().Be(100);
        run.ExactDuplicates.Should().Be(100);
        Directory.Delete(folder, true);
    }

    [Fact]
    public void A_repeated_id_is_a_copy_of_its_first_document_with_no_decision_of_its_own()
    {
        var random = new Random(5);
        var text = string.Join(' ', RandomWords(random, 200));
        var other = string.Join(' ', RandomWords(random, 200));
        var folder = Path.Combine(TempFolder(), Guid.NewGuid().ToString("N"));
        var options = new DedupOptions { TempDirectory = folder };
        var signed = new List<string> { Path.Combine(folder, "a"), Path.Combine(folder, "b") };
        DedupSteps.SignPart([new DedupDocument("x", text, 0.1), new DedupDocument("y", other, 0.9)], signed[0], options);
        DedupSteps.SignPart([new DedupDocument("y", other, 0.9), new DedupDocument("z", text, 0.5)], signed[1], options);
        var edges = Path.Combine(folder, "edges.bin");
        DedupSteps.FindEdges(signed, 0, options.Bands, edges, options);
        var result = DedupSteps.Resolve(signed, [edges]);
        Summary(result).Should().Equal("x False z ExactDuplicate", "y True y None", "z True z None");
        result.Clusters.Should().ContainSingle().Which.MemberIds.Should().Equal("x", "z");
        Directory.Delete(folder, true);
    }

    private static List<string> Summary(DedupResult result) =>
        [.. result.Decisions.Select(d => $"{d.Id} {d.Kept} {d.ClusterId} {d.Reason}").Order(StringComparer.Ordinal)];

    [Fact]
    public void Signature_is_the_same_on_the_vector_and_scalar_paths()
    {
        var hasher = new MinHasher(new DedupOptions { Seed = 99 });
        var shingles = Enumerable.Range(0, 333).Select(i => (ulong)i * 0x9E3779B97F4A7C15UL).ToArray();
        var vector = new uint[hasher.Hashes];
        var scalar = new uint[hasher.Hashes];
        hasher.ComputeMins(shingles, vector, allowSimd: true);
        hasher.ComputeMinsScalar(shingles, scalar);
        vector.Should().Equal(scalar);
    }

    [Fact]
    public void Signature_agreement_tracks_jaccard_similarity()
    {
        var hasher = new MinHasher(new DedupOptions());
        var x = Enumerable.Range(0, 1000).Select(i => TextHashingMix(i)).ToArray();
        var y = Enumerable.Range(500, 1000).Select(i => TextHashingMix(i)).ToArray(); // J = 500/1500
        var sx = new uint[hasher.Hashes];
        var sy = new uint[hasher.Hashes];
        hasher.ComputeMins(x, sx, allowSimd: true);
        hasher.ComputeMins(y, sy, allowSimd: true);
        double agreement = sx.Zip(sy).Count(p => p.First == p.Second) / (double)hasher.Hashes;
        agreement.Should().BeApproximately(1.0 / 3, 0.15);
    }

    private static ulong TextHashingMix(int i) => TextHashing.Mix64((ulong)i);

    [Fact]
    public void Script_detection_splits_spaced_and_unspaced_writing()
    {
        TextHashing.IsUnsegmented("这是一个中文句子").Should().BeTrue();
        TextHashing.IsUnsegmented("ภาษาไทยไม่มีช่องว่าง").Should().BeTrue();
        TextHashing.IsUnsegmented("日本語のテキストです").Should().BeTrue();
        TextHashing.IsUnsegmented("English words with spaces").Should().BeFalse();
        TextHashing.IsUnsegmented("한국어는 띄어쓰기를 합니다").Should().BeFalse();
    }

    [Fact]
    public void Sorted_runs_merge_in_band_bucket_doc_order()
    {
        var folder = Path.Combine(TempFolder(), Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var random = new Random(3);
        var records = Enumerable.Range(0, 5000).Select(i => new BucketRecord((ulong)random.Next(50), random.Next(3), i)).ToList();
        using (var runs = new BucketRuns(folder, 1024))
        {
            records.ForEach(runs.Add);
            var merged = runs.Merge().ToList();
            runs.RunCount.Should().BeGreaterThan(1);
            merged.Should().Equal(records.Order());
        }

        Directory.Delete(folder, true);
    }
}
