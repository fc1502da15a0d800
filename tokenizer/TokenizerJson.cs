using System.Text.Json;

namespace Corpus.Tokenizer;

/// <summary>
/// Reads a Hugging Face tokenizer.json of the shape Qwen2/2.5/3 use: an NFC normalizer (or none), a
/// Split pre-tokenizer with a regex followed by a byte-level pre-tokenizer, a byte-level BPE model and
/// added tokens. Anything else is refused with an <see cref="InvalidDataException"/> naming the file
/// and the part it does not support.
/// </summary>
internal static class TokenizerJson
{
    public static TokenizerDefinition Read(ReadOnlySpan<byte> json, string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON ({e.Message})", e);
        }

        using (document)
        {
            var reader = new Reader(path);
            return reader.Read(document.RootElement);
        }
    }

    private sealed class Reader(string path)
    {
        public TokenizerDefinition Read(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Unsupported("the top level is not a JSON object");
            }

            bool nfc = ReadNormalizer(root);
            string pattern = ReadPreTokenizer(root);
            ReadDecoder(root);
            JsonElement model = Property(root, "model", JsonValueKind.Object);
            var vocab = ReadVocab(model);
            var added = ReadAddedTokens(root);

            int maxId = -1;
            foreach (int id in vocab.Values)
            {
                maxId = Math.Max(maxId, id);
            }

            foreach (var token in added)
            {
                maxId = Math.Max(maxId, token.Id);
            }

            var idToToken = new string?[maxId + 1];
            foreach (var (token, id) in vocab)
            {
                idToToken[id] = token;
            }

            foreach (var token in added)
            {
                idToToken[token.Id] = token.Content;
            }

            var byteToId = new int[256];
            var byteChars = ByteLevel.ByteToChar;
            for (int b = 0; b < 256; b++)
            {
                if (!vocab.TryGetValue(byteChars[b].ToString(), out byteToId[b]))
                {
                    throw Unsupported($"model.vocab lacks the byte-level token for byte 0x{b:X2}");
                }
            }

            var merges = ReadMerges(model, vocab);
            return new TokenizerDefinition(pattern, nfc, idToToken, byteToId, merges, added);
        }

        private bool ReadNormalizer(JsonElement root)
        {
            if (!root.TryGetProperty("normalizer", out var normalizer) || normalizer.ValueKind == JsonValueKind.Null)
            {
                return false;
            }

            string type = TypeOf(normalizer, "normalizer");
            return type == "NFC" ? true : throw Unsupported($"normalizer type '{type}' (only NFC or none)");
        }

        private string ReadPreTokenizer(JsonElement root)
        {
            JsonElement pre = Property(root, "pre_tokenizer", JsonValueKind.Object);
            if (TypeOf(pre, "pre_tokenizer") != "Sequence")
            {
                throw Unsupported($"pre_tokenizer type '{TypeOf(pre, "pre_tokenizer")}' (only Sequence[Split, ByteLevel])");
            }

            JsonElement steps = Property(pre, "pretokenizers", JsonValueKind.Array);
            if (steps.GetArrayLength() != 2)
            {
                throw Unsupported("pre_tokenizer.pretokenizers other than [Split, ByteLevel]");
            }

            JsonElement split = steps[0];
            JsonElement byteLevel = steps[1];
            if (TypeOf(split, "pre_tokenizer") != "Split" || TypeOf(byteLevel, "pre_tokenizer") != "ByteLevel")
            {
                throw Unsupported("pre_tokenizer.pretokenizers other than [Split, ByteLevel]");
            }

            if (!split.TryGetProperty("pattern", out var patternObject) || !patternObject.TryGetProperty("Regex", out var regex)
                || regex.ValueKind != JsonValueKind.String)
            {
                throw Unsupported("a Split pre-tokenizer whose pattern is not a Regex");
            }

            if (StringOf(split, "behavior") != "Isolated" || BoolOf(split, "invert", false))
            {
                throw Unsupported("a Split pre-tokenizer whose behavior is not Isolated or that is inverted");
            }

            if (BoolOf(byteLevel, "add_prefix_space", false) || BoolOf(byteLevel, "use_regex", true))
            {
                throw Unsupported("a ByteLevel pre-tokenizer with add_prefix_space or use_regex set");
            }

            return regex.GetString()!;
        }

        private void ReadDecoder(JsonElement root)
        {
            if (root.TryGetProperty("decoder", out var decoder) && decoder.ValueKind != JsonValueKind.Null
                && TypeOf(decoder, "decoder") != "ByteLevel")
            {
                throw Unsupported($"decoder type '{TypeOf(decoder, "decoder")}' (only ByteLevel)");
            }
        }

        private Dictionary<string, int> ReadVocab(JsonElement model)
        {
            string type = TypeOf(model, "model");
            if (type != "BPE")
            {
                throw Unsupported($"model type '{type}' (only BPE)");
            }

            if (model.TryGetProperty("dropout", out var dropout) && dropout.ValueKind == JsonValueKind.Number && dropout.GetDouble() > 0)
            {
                throw Unsupported("BPE dropout");
            }

            if (BoolOf(model, "byte_fallback", false) || BoolOf(model, "ignore_merges", false))
            {
                throw Unsupported("BPE byte_fallback or ignore_merges");
            }

            if (!string.IsNullOrEmpty(StringOf(model, "continuing_subword_prefix"))
                || !string.IsNullOrEmpty(StringOf(model, "end_of_word_suffix")))
            {
                throw Unsupported("BPE continuing_subword_prefix or end_of_word_suffix");
            }

            JsonElement vocabElement = Property(model, "vocab", JsonValueKind.Object);
            var vocab = new Dictionary<string, int>(200_000, StringComparer.Ordinal);
            foreach (var entry in vocabElement.EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.Number || !entry.Value.TryGetInt32(out int id) || id < 0)
                {
                    throw Unsupported($"model.vocab entry '{entry.Name}' without a non-negative integer id");
                }

                vocab[entry.Name] = id;
            }

            return vocab;
        }

        private MergeTable ReadMerges(JsonElement model, Dictionary<string, int> vocab)
        {
            JsonElement mergesElement = Property(model, "merges", JsonValueKind.Array);
            var merges = new Dictionary<long, Merge>(mergesElement.GetArrayLength(), PairKeyComparer.Instance);
            int rank = 0;
            foreach (var entry in mergesElement.EnumerateArray())
            {
                string left;
                string right;
                if (entry.ValueKind == JsonValueKind.Array && entry.GetArrayLength() == 2
                    && entry[0].ValueKind == JsonValueKind.String && entry[1].ValueKind == JsonValueKind.String)
                {
                    left = entry[0].GetString()!;
                    right = entry[1].GetString()!;
                }
                else if (entry.ValueKind == JsonValueKind.String && entry.GetString()!.Split(' ') is [var l, var r])
                {
                    left = l;
                    right = r;
                }
                else
                {
                    throw Unsupported($"model.merges entry {rank} is neither [\"a\",\"b\"] nor \"a b\"");
                }

                if (!vocab.TryGetValue(left, out int leftId) || !vocab.TryGetValue(right, out int rightId)
                    || !vocab.TryGetValue(left + right, out int mergedId))
                {
                    throw Unsupported($"model.merges entry {rank} ('{left}' '{right}') names a token not in model.vocab");
                }

                // A repeated pair keeps its first (lowest) rank.
                merges.TryAdd(MergeTable.Key(leftId, rightId), new Merge(rank, mergedId));
                rank++;
            }

            return new MergeTable(merges);
        }

        private List<AddedToken> ReadAddedTokens(JsonElement root)
        {
            var added = new List<AddedToken>();
            if (!root.TryGetProperty("added_tokens", out var array) || array.ValueKind == JsonValueKind.Null)
            {
                return added;
            }

            if (array.ValueKind != JsonValueKind.Array)
            {
                throw Unsupported("added_tokens that is not an array");
            }

            foreach (var token in array.EnumerateArray())
            {
                if (!token.TryGetProperty("id", out var idElement) || !idElement.TryGetInt32(out int id) || id < 0)
                {
                    throw Unsupported("an added token without a non-negative integer id");
                }

                string content = StringOf(token, "content") ?? throw Unsupported($"added token {id} without content");
                if (content.Length == 0)
                {
                    throw Unsupported($"added token {id} with empty content");
                }

                if (BoolOf(token, "lstrip", false) || BoolOf(token, "rstrip", false) || BoolOf(token, "single_word", false))
                {
                    throw Unsupported($"added token '{content}' with lstrip, rstrip or single_word set");
                }

                added.Add(new AddedToken(id, content, BoolOf(token, "special", false), BoolOf(token, "normalized", false)));
            }

            return added;
        }

        private JsonElement Property(JsonElement element, string name, JsonValueKind kind)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind != kind)
            {
                throw Unsupported($"'{name}' is missing or not a JSON {kind.ToString().ToLowerInvariant()}");
            }

            return value;
        }

        private string TypeOf(JsonElement element, string what) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
                ? type.GetString()!
                : throw Unsupported($"{what} without a 'type'");

        private static string? StringOf(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static bool BoolOf(JsonElement element, string name, bool fallback) =>
            element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? value.GetBoolean()
                : fallback;

        private InvalidDataException Unsupported(string what) => new($"{path}: unsupported tokenizer.json: {what}");
    }
}
