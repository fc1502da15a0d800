using Corpus.Shards.Packing;

namespace Corpus.Shards.Tests.Packing;

/// <summary>Seeded documents for the packing tests.</summary>
internal static class PackingCorpus
{
    public const int PadId = 151643 + 1;

    private static readonly string[] Languages = ["cmn_Hans", "eng_Latn", "fra_Latn"];
    private static readonly string[] Domains = ["code", "math", "unknown"];
    private static readonly string[] Sources = ["file", "web"];

    /// <summary>
    /// <paramref name="count"/> documents with log-normal lengths (median <paramref name="median"/>
    /// tokens, spread <paramref name="sigma"/>), at least 1 and at most <paramref name="maxTokens"/>
    /// tokens, each ending with the end-of-text id.
    /// </summary>
    public static List<PackingDocument> LogNormal(int seed, int count, double median, double sigma, int maxTokens = 200_000)
    {
        var random = new Random(seed);
        var docs = new List<PackingDocument>(count);
        for (var i = 0; i < count; i++)
        {
            // Box-Muller: a standard normal from two uniforms.
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var length = (int)Math.Clamp(Math.Round(median * Math.Exp(sigma * normal)), 1, maxTokens);
            docs.Add(Of($"{seed:x4}{i:x8}", length, random));
        }

        return docs;
    }

    /// <summary>Documents of the given lengths, ids <c>d00</c>, <c>d01</c>, ….</summary>
    public static List<PackingDocument> OfLengths(params int[] lengths)
    {
        var random = new Random(lengths.Length);
        return lengths.Select((length, i) => Of($"d{i:d2}", length, random)).ToList();
    }

    public static PackingDocument Of(string id, int length, Random random)
    {
        var tokens = new int[length];
        for (var t = 0; t < length - 1; t++)
        {
            tokens[t] = random.Next(0, Docs.EndOfText);
        }

        tokens[^1] = Docs.EndOfText;
        return new PackingDocument(id, Languages[random.Next(Languages.Length)], Domains[random.Next(Domains.Length)], Sources[random.Next(Sources.Length)], tokens);
    }

    public static List<PackedSequence> PackAll(ISequencePacker packer, IEnumerable<PackingDocument> docs)
    {
        var sequences = new List<PackedSequence>();
        foreach (var doc in docs)
        {
            sequences.AddRange(packer.Add(doc));
        }

        sequences.AddRange(packer.Complete());
        return sequences;
    }

    public static ISequencePacker Create(string kind, int context, long windowTokens = 0) =>
        kind switch
        {
            "best-fit" => new BestFitPacker(new PackingOptions { ContextLength = context, PadId = PadId, WindowTokens = windowTokens }),
            "concat-chop" => new ConcatChopPacker(new PackingOptions { ContextLength = context, PadId = PadId, WindowTokens = windowTokens }),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

    /// <summary>A sequence's content as one comparable string.</summary>
    public static string Describe(PackedSequence s) =>
        $"{string.Join(',', s.Tokens)}|{string.Join(',', s.CuSeqlens)}|{string.Join(',', s.DocumentIds)}|{string.Join(',', s.ChunkIndexes)}|"
        + $"{string.Join(',', s.Languages)}|{string.Join(',', s.Domains)}|{string.Join(',', s.Sources)}|{s.Padding}";
}
