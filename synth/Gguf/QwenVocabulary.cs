using System.Text.Json;

namespace Corpus.Synth.Gguf;

/// <summary>
/// A Hugging Face byte-level BPE tokenizer.json as llama.cpp's GGUF keys want it: every token by id
/// (vocabulary plus added tokens), its type, and the merges as <c>"left right"</c> strings.
/// </summary>
internal sealed record QwenVocabulary(IReadOnlyList<string> Tokens, IReadOnlyList<int> TokenTypes, IReadOnlyList<string> Merges, IReadOnlyDictionary<string, int> AddedTokenIds)
{
    /// <summary>llama.cpp's token types (<c>llama_token_type</c>).</summary>
    public const int Normal = 1;
    public const int Unused = 5;
    public const int Control = 3;
    public const int UserDefined = 4;

    /// <summary>
    /// Reads the vocabulary; ids the tokenizer leaves free below <paramref name="paddedCount"/> become unused
    /// <c>[PAD{id}]</c> tokens, as llama.cpp's convert_hf_to_gguf.py pads Qwen3's 151,669 tokens to the model's 151,936.
    /// </summary>
    public static QwenVocabulary Read(string tokenizerJsonPath, int paddedCount = 0)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(tokenizerJsonPath));
        var root = document.RootElement;
        var model = root.GetProperty("model");
        if (model.GetProperty("type").GetString() != "BPE")
        {
            throw new InvalidDataException($"{tokenizerJsonPath}: model.type is not BPE");
        }

        var byId = new SortedDictionary<int, (string Token, int Type)>();
        foreach (var entry in model.GetProperty("vocab").EnumerateObject())
        {
            byId[entry.Value.GetInt32()] = (entry.Name, Normal);
        }

        var added = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in root.GetProperty("added_tokens").EnumerateArray())
        {
            int id = token.GetProperty("id").GetInt32();
            string content = token.GetProperty("content").GetString() ?? throw new InvalidDataException($"{tokenizerJsonPath}: added token {id} has no content");
            bool special = token.TryGetProperty("special", out var s) && s.GetBoolean();
            // As llama.cpp's convert_hf_to_gguf.py: special tokens, and those that look special (<|...|>), are control tokens.
            bool looksSpecial = content.StartsWith("<|", StringComparison.Ordinal) && content.EndsWith("|>", StringComparison.Ordinal);
            byId[id] = (content, special || looksSpecial ? Control : UserDefined);
            added[content] = id;
        }

        int count = Math.Max(byId.Count == 0 ? 0 : byId.Keys.Max() + 1, paddedCount);
        var tokens = new string[count];
        var types = new int[count];
        for (int id = 0; id < count; id++)
        {
            (tokens[id], types[id]) = byId.TryGetValue(id, out var t) ? t : ($"[PAD{id}]", Unused);
        }

        var merges = new List<string>();
        foreach (var merge in model.GetProperty("merges").EnumerateArray())
        {
            merges.Add(merge.ValueKind == JsonValueKind.Array
                ? $"{merge[0].GetString()} {merge[1].GetString()}"
                : merge.GetString() ?? throw new InvalidDataException($"{tokenizerJsonPath}: a merge is null"));
        }

        return new QwenVocabulary(tokens, types, merges, added);
    }
}
