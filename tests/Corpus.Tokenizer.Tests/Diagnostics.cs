namespace Corpus.Tokenizer.Tests;

/// <summary>Readable descriptions of where two id sequences part.</summary>
internal static class Diagnostics
{
    public static string FirstDifference(QwenTokenizer tokenizer, int[] ours, int[] reference)
    {
        int at = 0;
        while (at < ours.Length && at < reference.Length && ours[at] == reference[at])
        {
            at++;
        }

        return $"first difference at id {at} of {ours.Length} (ours) / {reference.Length} (HF); " +
            $"ours [{Describe(tokenizer, ours, at)}] HF [{Describe(tokenizer, reference, at)}]";
    }

    private static string Describe(QwenTokenizer tokenizer, int[] ids, int at) =>
        string.Join(", ", ids.Skip(Math.Max(0, at - 2)).Take(6).Select(id => $"{id}:{tokenizer.IdToToken(id)}"));
}
