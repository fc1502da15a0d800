namespace Corpus.Pipeline.Phases;

/// <summary>
/// What one task wrote into one stage split: document copies and tokens, upsampling and
/// downsampling, a document-length histogram (bucket <c>k</c> holds lengths from 2^k to 2^(k+1) − 1
/// tokens) and packing figures. Tasks' stats add up.
/// </summary>
internal sealed record StageSplitStats
{
    public const int LengthBuckets = 32;

    public long Documents { get; set; }

    public long Tokens { get; set; }

    public long UpsampledDocuments { get; set; }

    public long UpsampledTokens { get; set; }

    public long DownsampledDocuments { get; set; }

    public long DownsampledTokens { get; set; }

    public long[] LengthDocuments { get; set; } = new long[LengthBuckets];

    public long[] LengthTokens { get; set; } = new long[LengthBuckets];

    public long Sequences { get; set; }

    public long PaddingTokens { get; set; }

    public long TruncatedDocuments { get; set; }

    public static int LengthBucketOf(long tokens) => Math.Min(LengthBuckets - 1, 63 - System.Numerics.BitOperations.LeadingZeroCount((ulong)Math.Max(1, tokens)));

    public void AddCopy(long tokens)
    {
        Documents++;
        Tokens += tokens;
        var b = LengthBucketOf(tokens);
        LengthDocuments[b]++;
        LengthTokens[b] += tokens;
    }

    public void Add(StageSplitStats other)
    {
        Documents += other.Documents;
        Tokens += other.Tokens;
        UpsampledDocuments += other.UpsampledDocuments;
        UpsampledTokens += other.UpsampledTokens;
        DownsampledDocuments += other.DownsampledDocuments;
        DownsampledTokens += other.DownsampledTokens;
        for (var i = 0; i < LengthBuckets; i++)
        {
            LengthDocuments[i] += other.LengthDocuments[i];
            LengthTokens[i] += other.LengthTokens[i];
        }

        Sequences += other.Sequences;
        PaddingTokens += other.PaddingTokens;
        TruncatedDocuments += other.TruncatedDocuments;
    }
}
