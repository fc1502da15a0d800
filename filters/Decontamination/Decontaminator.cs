using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;
using Corpus.Core.Text;

namespace Corpus.Filters.Decontamination;

/// <summary>Settings of decontamination.</summary>
public sealed record DecontaminationOptions
{
    /// <summary>Words per n-gram (normalized: NFC, lower case, runs of letters and digits).</summary>
    public int NGram { get; init; } = 13;
}

/// <summary>An evaluation set: a name for the counts and a JSONL file (GSM8K, MATH, HumanEval or MBPP form).</summary>
public sealed record EvalSet(string Name, string Path);

/// <summary>Documents checked, removed, and removed per evaluation set (a document may count for several sets).</summary>
public sealed record DecontaminationResult(int Checked, ImmutableArray<string> RemovedIds, ImmutableSortedDictionary<string, int> RemovedPerEvalSet);

/// <summary>
/// Removes documents that share an n-gram of words (13 by default) with any evaluation set. The
/// n-grams of every text field of the sets (GSM8K question/answer, MATH problem/solution,
/// HumanEval prompt/canonical_solution/test, MBPP text/code/test_list) are hashed to 64 bits and
/// held in memory; a field shorter than n words contributes nothing. Thread-safe once built.
/// </summary>
public sealed class Decontaminator
{
    private static readonly string[] Fields = ["question", "answer", "problem", "solution", "prompt", "canonical_solution", "test", "text", "code", "test_list"];

    private readonly Dictionary<ulong, ulong> _ngrams;
    private readonly ImmutableArray<string> _names;
    private readonly int _n;

    private Decontaminator(Dictionary<ulong, ulong> ngrams, ImmutableArray<string> names, int n)
    {
        _ngrams = ngrams;
        _names = names;
        _n = n;
    }

    /// <summary>Distinct n-grams loaded from all sets.</summary>
    public int NGramCount => _ngrams.Count;

    /// <summary>Loads the evaluation sets (at most 64).</summary>
    public static Decontaminator Create(IEnumerable<EvalSet> evalSets, DecontaminationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(evalSets);
        options ??= new DecontaminationOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.NGram, 1);
        var sets = evalSets.ToList();
        if (sets.Count > 64)
        {
            throw new ArgumentException("At most 64 evaluation sets.", nameof(evalSets));
        }

        var ngrams = new Dictionary<ulong, ulong>();
        var tokens = ArrayPool<ulong>.Shared.Rent(1024);
        try
        {
            for (int s = 0; s < sets.Count; s++)
            {
                ulong bit = 1UL << s;
                foreach (var line in File.ReadLines(sets[s].Path))
                {
                    if (string.IsNullOrWhiteSpace(line))
                    {
                        continue;
                    }

                    using var json = JsonDocument.Parse(line);
                    foreach (var text in FieldTexts(json.RootElement))
                    {
                        int count = TextHashing.HashTokens(text, characters: false, ref tokens);
                        ForEachNGram(tokens.AsSpan(0, count), options.NGram, h =>
                        {
                            ngrams[h] = ngrams.GetValueOrDefault(h) | bit;
                            return false;
                        });
                    }
                }
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(tokens);
        }

        return new Decontaminator(ngrams, [.. sets.Select(s => s.Name)], options.NGram);
    }

    /// <summary>The names of the evaluation sets <paramref name="text"/> shares an n-gram with; empty when clean.</summary>
    public ImmutableArray<string> Check(ReadOnlySpan<char> text)
    {
        ulong mask = Mask(text);
        if (mask == 0)
        {
            return [];
        }

        var names = ImmutableArray.CreateBuilder<string>();
        for (int s = 0; s < _names.Length; s++)
        {
            if ((mask & (1UL << s)) != 0)
            {
                names.Add(_names[s]);
            }
        }

        return names.ToImmutable();
    }

    /// <summary>Checks every document (id, text); returns the removed ids in input order and the counts per set.</summary>
    public DecontaminationResult Run(IEnumerable<(string Id, string Text)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var removed = ImmutableArray.CreateBuilder<string>();
        var counts = new int[_names.Length];
        int checkedCount = 0;
        foreach (var (id, text) in documents)
        {
            checkedCount++;
            ulong mask = Mask(text);
            if (mask == 0)
            {
                continue;
            }

            removed.Add(id);
            for (int s = 0; s < _names.Length; s++)
            {
                if ((mask & (1UL << s)) != 0)
                {
                    counts[s]++;
                }
            }
        }

        var perSet = ImmutableSortedDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        for (int s = 0; s < _names.Length; s++)
        {
            perSet[_names[s]] = perSet.GetValueOrDefault(_names[s]) + counts[s];
        }

        return new DecontaminationResult(checkedCount, removed.ToImmutable(), perSet.ToImmutable());
    }

    private ulong Mask(ReadOnlySpan<char> text)
    {
        var tokens = ArrayPool<ulong>.Shared.Rent(1024);
        try
        {
            int count = TextHashing.HashTokens(text, characters: false, ref tokens);
            ulong mask = 0;
            var ngrams = _ngrams;
            ForEachNGram(tokens.AsSpan(0, count), _n, h =>
            {
                if (ngrams.TryGetValue(h, out ulong bits))
                {
                    mask |= bits;
                }

                return false;
            });
            return mask;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(tokens);
        }
    }

    private static IEnumerable<string> FieldTexts(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var field in Fields)
        {
            if (!root.TryGetProperty(field, out var value))
            {
                continue;
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                yield return value.GetString() ?? string.Empty;
            }
            else if (value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String)
                    {
                        yield return item.GetString() ?? string.Empty;
                    }
                }
            }
        }
    }

    /// <summary>Rolling polynomial hash over n consecutive word hashes; stops early when <paramref name="visit"/> returns true.</summary>
    private static void ForEachNGram(ReadOnlySpan<ulong> words, int n, Func<ulong, bool> visit)
    {
        if (words.Length < n)
        {
            return;
        }

        const ulong Base = 0x9E3779B97F4A7C15UL;
        ulong top = 1;
        for (int i = 1; i < n; i++)
        {
            top *= Base;
        }

        ulong h = 0;
        for (int i = 0; i < words.Length; i++)
        {
            if (i >= n)
            {
                h -= words[i - n] * top;
            }

            h = (h * Base) + words[i];
            if (i >= n - 1 && visit(TextHashing.Mix64(h)))
            {
                return;
            }
        }
    }
}
