using System.Globalization;

namespace Corpus.Filters.Languages;

/// <summary>
/// The words a character n-gram model reads (<see cref="CharacterNgramModel"/>): each run of letters (with
/// the marks that follow them), lower-cased and padded with a space on both sides (<c>" ukuthi "</c>), so that
/// n-grams at a word's edges say so. Digits, punctuation and symbols end a word; a word longer than
/// <see cref="MaxWordLength"/> letters keeps its first ones. The trainer and the model read text the same way, through
/// <see cref="Of"/>.
/// </summary>
internal static class CharacterNgrams
{
    /// <summary>The most letters of one word that are read.</summary>
    public const int MaxWordLength = 64;

    /// <summary>The buffer <see cref="NextWord"/> needs: a word and its two spaces.</summary>
    public const int BufferLength = MaxWordLength + 2;

    /// <summary>
    /// The next word of <paramref name="text"/> from <paramref name="position"/> on, padded, into
    /// <paramref name="buffer"/> (<see cref="BufferLength"/> long); <paramref name="position"/> moves past it.
    /// </summary>
    /// <returns>The padded word's length, or 0 when no letter is left.</returns>
    public static int NextWord(ReadOnlySpan<char> text, ref int position, Span<char> buffer)
    {
        var i = position;
        while (i < text.Length && !char.IsLetter(text[i]))
        {
            i++;
        }

        if (i == text.Length)
        {
            position = i;
            return 0;
        }

        buffer[0] = ' ';
        var length = 1;
        while (i < text.Length && IsWordChar(text[i]))
        {
            if (length <= MaxWordLength)
            {
                buffer[length++] = char.ToLowerInvariant(text[i]);
            }

            i++;
        }

        buffer[length++] = ' ';
        position = i;
        return length;
    }

    /// <summary>
    /// The n-grams of <paramref name="minN"/> to <paramref name="maxN"/> characters of each padded word of
    /// <paramref name="text"/>, word by word, shortest first; a lone padding space is no n-gram. Each is a slice of
    /// <paramref name="buffer"/> (<see cref="BufferLength"/> long), valid until the next one.
    /// </summary>
    public static Enumerator Of(ReadOnlySpan<char> text, int minN, int maxN, Span<char> buffer) => new(text, minN, maxN, buffer);

    /// <summary>Walks the n-grams of a text (<see cref="Of"/>); allocates nothing.</summary>
    public ref struct Enumerator
    {
        private readonly ReadOnlySpan<char> _text;
        private readonly Span<char> _word;
        private readonly int _minN;
        private readonly int _maxN;
        private int _position;
        private int _length;
        private int _n;
        private int _i;

        internal Enumerator(ReadOnlySpan<char> text, int minN, int maxN, Span<char> buffer)
        {
            _text = text;
            _word = buffer;
            _minN = minN;
            _maxN = maxN;
            _n = maxN; // no word yet: the first MoveNext reads one
        }

        /// <summary>The current n-gram.</summary>
        public readonly ReadOnlySpan<char> Current => _word.Slice(_i, _n);

        /// <summary>For <c>foreach</c>.</summary>
        public readonly Enumerator GetEnumerator() => this;

        /// <summary>Moves to the next n-gram.</summary>
        public bool MoveNext()
        {
            while (true)
            {
                _i++;
                if (_i + _n > _length)
                {
                    // This length is done: the next one, or the next word's shortest (a word shorter than that is skipped).
                    _i = 0;
                    _n++;
                    if (_n > _maxN || _n > _length)
                    {
                        _n = _minN;
                        do
                        {
                            _length = NextWord(_text, ref _position, _word);
                            if (_length == 0)
                            {
                                return false;
                            }
                        }
                        while (_n > _length);
                    }
                }

                if (_n != 1 || _word[_i] != ' ')
                {
                    return true;
                }
            }
        }
    }

    private static bool IsWordChar(char c) =>
        char.IsLetter(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
