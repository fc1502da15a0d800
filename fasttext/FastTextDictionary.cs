using System.Text;

namespace Corpus.FastText;

/// <summary>
/// fastText's dictionary: words then labels with their counts, the n-gram bucket count, the pruned
/// n-gram index of a <c>-cutoff</c> model, and the line tokenization that turns text into input rows
/// (<c>getLine</c>: words, their character n-grams, word n-grams; label tokens apart).
/// </summary>
internal sealed class FastTextDictionary
{
    public const byte WordType = 0;
    public const byte LabelType = 1;
    private const int MaxWordBytes = 1 << 20;
    private const int MaxVocabularySize = 30_000_000;

    private static readonly byte[] Eos = "</s>"u8.ToArray();
    private static readonly byte[] DefaultLabelPrefix = "__label__"u8.ToArray();

    private readonly Utf8WordTable _words;
    private readonly long[] _counts;
    private readonly byte[] _types;
    private readonly int[] _pruneKeys;
    private readonly int[] _pruneValues;
    private readonly int[]? _pruneDense;
    private readonly Dictionary<int, int>? _pruneSparse;
    private readonly int _minn;
    private readonly int _maxn;
    private readonly int _bucket;
    private readonly int _wordNgrams;
    private readonly byte[] _labelPrefix;
    private readonly FastModulo _bucketModulo;
    private int[] _subwordStart = [];
    private int[] _subwords = [];

    private FastTextDictionary(FastTextArgs args, Utf8WordTable words, long[] counts, byte[] types, int nwords, long ntokens, long pruneIdxSize, int[] pruneKeys, int[] pruneValues, byte[] labelPrefix)
    {
        _labelPrefix = labelPrefix;
        _words = words;
        _counts = counts;
        _types = types;
        NWords = nwords;
        NLabels = words.Count - nwords;
        NTokens = ntokens;
        PruneIdxSize = pruneIdxSize;
        _pruneKeys = pruneKeys;
        _pruneValues = pruneValues;
        _minn = args.MinN;
        _maxn = args.MaxN;
        _bucket = args.Bucket;
        _wordNgrams = args.WordNgrams;
        _bucketModulo = new FastModulo((uint)Math.Max(_bucket, 0));
        if (pruneIdxSize > 0)
        {
            if (_bucket <= 1 << 25)
            {
                _pruneDense = new int[_bucket];
                Array.Fill(_pruneDense, -1);
                for (var i = 0; i < pruneKeys.Length; i++)
                {
                    _pruneDense[pruneKeys[i]] = pruneValues[i];
                }
            }
            else
            {
                _pruneSparse = [];
                for (var i = 0; i < pruneKeys.Length; i++)
                {
                    _pruneSparse[pruneKeys[i]] = pruneValues[i];
                }
            }
        }

        Labels = [.. Enumerable.Range(nwords, NLabels).Select(i => Encoding.UTF8.GetString(words[i]))];
        InitSubwords();
    }

    public int Size => _words.Count;

    public int NWords { get; }

    public int NLabels { get; }

    public long NTokens { get; }

    /// <summary>-1: not pruned; otherwise how many n-gram buckets a <c>-cutoff</c> quantization kept.</summary>
    public long PruneIdxSize { get; }

    public bool IsPruned => PruneIdxSize >= 0;

    public IReadOnlyList<string> Labels { get; }

    public ReadOnlySpan<byte> Word(int id) => _words[id];

    public long Count(int id) => _counts[id];

    /// <summary>The counts of the labels in label order (the Huffman tree of hierarchical softmax is built from them).</summary>
    public long[] LabelCounts() => _counts[NWords..];

    /// <summary>The largest input row a line can reach, plus one.</summary>
    public long InputRowsNeeded => NWords + (IsPruned ? (_pruneValues.Length == 0 ? 0 : _pruneValues.Max() + 1L) : _bucket);

    public static FastTextDictionary Read(FastTextReader reader, FastTextArgs args)
    {
        var size = reader.Int32();
        var nwords = reader.Int32();
        var nlabels = reader.Int32();
        var ntokens = reader.Int64();
        var pruneIdxSize = reader.Int64();
        if (size < 0 || nwords < 0 || nlabels < 0 || (long)nwords + nlabels != size)
        {
            throw reader.Invalid($"dictionary sizes do not add up (size {size}, words {nwords}, labels {nlabels})");
        }

        if (size > MaxVocabularySize)
        {
            throw reader.Invalid($"the dictionary claims {size} entries, more than fastText's limit of {MaxVocabularySize}");
        }

        if (nlabels == 0)
        {
            throw reader.Invalid("the dictionary has no labels");
        }

        if (pruneIdxSize < -1 || pruneIdxSize > int.MaxValue)
        {
            throw reader.Invalid($"pruned index size {pruneIdxSize} is out of range");
        }

        reader.Require(size * 10L);
        var words = new Utf8WordTable(size);
        var counts = new long[size];
        var types = new byte[size];
        var word = new List<byte>();
        for (var i = 0; i < size; i++)
        {
            word.Clear();
            reader.ZeroTerminated(word, MaxWordBytes);
            var bytes = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(word);
            var hash = FastTextHash.Fnv1a(bytes);
            if (words.Find(bytes, hash) >= 0)
            {
                throw reader.Invalid($"vocabulary entry {i} repeats an earlier one");
            }

            words.Add(bytes, hash);
            counts[i] = reader.Int64();
            types[i] = reader.Byte();
            var expected = i < nwords ? WordType : LabelType;
            if (types[i] != expected)
            {
                throw reader.Invalid($"vocabulary entry {i} has type {types[i]}, expected {expected} (words first, then labels)");
            }
        }

        var pairs = (int)Math.Max(pruneIdxSize, 0);
        reader.Require(pairs * 8L);
        var keys = new int[pairs];
        var values = new int[pairs];
        for (var i = 0; i < pairs; i++)
        {
            keys[i] = reader.Int32();
            values[i] = reader.Int32();
            if (keys[i] < 0 || keys[i] >= args.Bucket || values[i] < 0)
            {
                throw reader.Invalid($"pruned index entry {i} ({keys[i]} -> {values[i]}) is out of range");
            }
        }

        return new FastTextDictionary(args, words, counts, types, nwords, ntokens, pruneIdxSize, keys, values, DefaultLabelPrefix);
    }

    /// <summary>A dictionary from training: entries already sorted words first, then labels.</summary>
    public static FastTextDictionary Create(FastTextArgs args, Utf8WordTable words, long[] counts, byte[] types, int nwords, long ntokens, byte[] labelPrefix) =>
        new(args, words, counts, types, nwords, ntokens, -1, [], [], labelPrefix);

    public void Write(BinaryWriter writer)
    {
        writer.Write(Size);
        writer.Write(NWords);
        writer.Write(NLabels);
        writer.Write(NTokens);
        writer.Write(PruneIdxSize);
        for (var i = 0; i < Size; i++)
        {
            writer.Write(_words[i]);
            writer.Write((byte)0);
            writer.Write(_counts[i]);
            writer.Write(_types[i]);
        }

        for (var i = 0; i < _pruneKeys.Length; i++)
        {
            writer.Write(_pruneKeys[i]);
            writer.Write(_pruneValues[i]);
        }
    }

    /// <summary>
    /// One line as fastText's <c>getLine</c> reads it: whitespace-separated tokens, then the
    /// end-of-sentence token <c>&lt;/s&gt;</c> when the line ended with a newline. Words add their
    /// input rows (id and character n-grams, or only the n-grams when out of vocabulary), word
    /// n-grams follow all words; known labels go to <paramref name="labels"/>. Like fastText, a
    /// literal <c>&lt;/s&gt;</c> token ends the line early: <paramref name="rest"/> is then the
    /// offset of what follows it (fastText reads that as the next line), else -1.
    /// </summary>
    /// <returns>The number of tokens read, labels and end-of-sentence included.</returns>
    public int ReadLine(ReadOnlySpan<byte> line, bool endsWithNewline, IntBuffer words, IntBuffer? labels, IntBuffer hashes, out int rest)
    {
        words.Clear();
        labels?.Clear();
        hashes.Clear();
        rest = -1;
        var tokens = 0;
        var i = 0;
        while (NextToken(line, ref i, out var range))
        {
            var token = line[range];
            AddToken(token, words, labels, hashes);
            tokens++;
            if (token.SequenceEqual(Eos))
            {
                rest = i;
                break;
            }
        }

        if (endsWithNewline && rest < 0)
        {
            AddToken(Eos, words, labels, hashes);
            tokens++;
        }

        AddWordNgrams(words, hashes.Span);
        return tokens;
    }

    /// <summary>fastText's <c>readWord</c> within one line: the next run of non-delimiter bytes from <paramref name="i"/>, which moves past it; false at the end.</summary>
    internal static bool NextToken(ReadOnlySpan<byte> line, ref int i, out Range token)
    {
        while (i < line.Length && IsDelimiter(line[i]))
        {
            i++;
        }

        var start = i;
        while (i < line.Length && !IsDelimiter(line[i]))
        {
            i++;
        }

        token = start..i;
        return i > start;
    }

    private static bool IsDelimiter(byte b) => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\v' or (byte)'\f' or 0;

    private static bool IsContinuation(byte b) => (b & 0xC0) == 0x80;

    private void AddToken(ReadOnlySpan<byte> token, IntBuffer words, IntBuffer? labels, IntBuffer hashes)
    {
        var hash = FastTextHash.Fnv1a(token);
        var id = _words.Find(token, hash);
        var type = id < 0 ? (token.StartsWith(_labelPrefix) ? LabelType : WordType) : _types[id];
        if (type == WordType)
        {
            if (id < 0)
            {
                if (_maxn > 0 && !token.SequenceEqual(Eos))
                {
                    ComputeBracketedSubwords(token, words);
                }
            }
            else if (_maxn <= 0)
            {
                words.Add(id);
            }
            else
            {
                words.AddRange(_subwords.AsSpan(_subwordStart[id], _subwordStart[id + 1] - _subwordStart[id]));
            }

            hashes.Add((int)hash);
        }
        else if (id >= 0)
        {
            labels?.Add(id - NWords);
        }
    }

    /// <summary>The character n-grams of <c>"&lt;" + token + "&gt;"</c>, built on the stack (a pooled array for long tokens).</summary>
    private void ComputeBracketedSubwords(ReadOnlySpan<byte> token, IntBuffer into)
    {
        var length = token.Length + 2;
        byte[]? pooled = null;
        Span<byte> bracketed = length <= 256 ? stackalloc byte[256] : (pooled = System.Buffers.ArrayPool<byte>.Shared.Rent(length));
        try
        {
            bracketed = bracketed[..length];
            bracketed[0] = (byte)'<';
            token.CopyTo(bracketed[1..]);
            bracketed[^1] = (byte)'>';
            ComputeSubwords(bracketed, into);
        }
        finally
        {
            if (pooled is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(pooled);
            }
        }
    }

    /// <summary>
    /// fastText's <c>computeSubwords</c>: every n-gram of minn..maxn characters (a character being a
    /// UTF-8 lead byte and its continuation bytes), except single characters at either edge; each
    /// hashed (FNV-1a, grown byte by byte from its start) into a bucket.
    /// </summary>
    private void ComputeSubwords(ReadOnlySpan<byte> word, IntBuffer into)
    {
        for (var i = 0; i < word.Length; i++)
        {
            if (IsContinuation(word[i]))
            {
                continue;
            }

            var h = FastTextHash.Offset;
            var j = i;
            for (var n = 1; j < word.Length && n <= _maxn; n++)
            {
                h = FastTextHash.Step(h, word[j++]);
                while (j < word.Length && IsContinuation(word[j]))
                {
                    h = FastTextHash.Step(h, word[j++]);
                }

                if (n >= _minn && !(n == 1 && (i == 0 || j == word.Length)))
                {
                    PushHash(into, (int)_bucketModulo.Mod(h));
                }
            }
        }
    }

    private void AddWordNgrams(IntBuffer words, ReadOnlySpan<int> hashes)
    {
        if (_wordNgrams <= 1 || _bucket <= 0)
        {
            return;
        }

        var bucket = (ulong)_bucket;
        for (var i = 0; i < hashes.Length; i++)
        {
            var h = (ulong)(long)hashes[i];
            for (var j = i + 1; j < hashes.Length && j < i + _wordNgrams; j++)
            {
                h = (h * FastTextHash.WordNgramMultiplier) + (ulong)(long)hashes[j];
                PushHash(words, (int)(h % bucket));
            }
        }
    }

    private void PushHash(IntBuffer into, int id)
    {
        if (PruneIdxSize == 0 || id < 0)
        {
            return;
        }

        if (PruneIdxSize > 0)
        {
            if (_pruneDense is not null)
            {
                id = _pruneDense[id];
            }
            else if (!_pruneSparse!.TryGetValue(id, out id))
            {
                return;
            }

            if (id < 0)
            {
                return;
            }
        }

        into.Add(NWords + id);
    }

    private void InitSubwords()
    {
        if (_maxn <= 0 || _bucket <= 0)
        {
            return;
        }

        var starts = new int[Size + 1];
        var all = new IntBuffer(Size * 4);
        Span<byte> buffer = stackalloc byte[512];
        for (var i = 0; i < Size; i++)
        {
            starts[i] = all.Count;
            all.Add(i);
            var word = _words[i];
            if (!word.SequenceEqual(Eos))
            {
                var bracketed = word.Length + 2 <= buffer.Length ? buffer[..(word.Length + 2)] : new byte[word.Length + 2];
                bracketed[0] = (byte)'<';
                word.CopyTo(bracketed[1..]);
                bracketed[^1] = (byte)'>';
                ComputeSubwords(bracketed, all);
            }
        }

        starts[Size] = all.Count;
        _subwordStart = starts;
        _subwords = all.Items;
    }
}
