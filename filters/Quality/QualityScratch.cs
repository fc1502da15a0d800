using System.Runtime.CompilerServices;

namespace Corpus.Filters.Quality;

/// <summary>
/// The reusable working memory of one thread's quality checks: slices, ids, hash sets and a char
/// buffer that grow to the largest document the thread has judged and are reused for the next, so
/// judging a document allocates only what the verdict keeps.
/// </summary>
internal sealed class QualityScratch
{
    [ThreadStatic]
    private static QualityScratch? _current;

    private static readonly ConditionalWeakTable<IReadOnlyList<string>, HashSet<string>> StopWordSets = [];

    private char[] _chars = new char[256];
    private char[] _kept = new char[4096];
    private int _keptLength;
    private int[] _ids = new int[256];
    private int[] _prefix = new int[257];

    /// <summary>This thread's scratch.</summary>
    public static QualityScratch Current => _current ??= new QualityScratch();

    public TextRanges Words { get; } = new();

    public TextRanges Pieces { get; } = new();

    public TextRanges LineWords { get; } = new();

    public SpanSet Set { get; } = new();

    public NGramTable NGrams { get; } = new();

    /// <summary>A buffer of at least <paramref name="length"/> characters.</summary>
    public Span<char> Chars(int length)
    {
        if (_chars.Length < length)
        {
            _chars = new char[Math.Max(length, _chars.Length * 2)];
        }

        return _chars.AsSpan(0, length);
    }

    /// <summary>Starts the text the C4 rules keep.</summary>
    public void ClearKept() => _keptLength = 0;

    /// <summary>Appends a kept line and its line feed.</summary>
    public void AppendKeptLine(ReadOnlySpan<char> line)
    {
        if (_kept.Length < _keptLength + line.Length + 1)
        {
            Array.Resize(ref _kept, Math.Max(_keptLength + line.Length + 1, _kept.Length * 2));
        }

        line.CopyTo(_kept.AsSpan(_keptLength));
        _keptLength += line.Length;
        _kept[_keptLength++] = '\n';
    }

    /// <summary>The kept text with white space trimmed from both ends, as a string.</summary>
    public string KeptText() => new(_kept.AsSpan(0, _keptLength).Trim());

    /// <summary>The word-id array and its prefix sums of word lengths, at least <paramref name="words"/> long.</summary>
    public (int[] Ids, int[] Prefix) IdArrays(int words)
    {
        if (_ids.Length < words)
        {
            _ids = new int[Math.Max(words, _ids.Length * 2)];
            _prefix = new int[_ids.Length + 1];
        }

        return (_ids, _prefix);
    }

    /// <summary>The stop words as an ordinal set, built once per list.</summary>
    public static HashSet<string> StopWordSet(IReadOnlyList<string> stopWords) =>
        StopWordSets.GetValue(stopWords, list => new HashSet<string>(list, StringComparer.Ordinal));
}
