using System.Globalization;

namespace Corpus.Filters.Languages;

/// <summary>
/// The words a character n-gram model reads (<see cref="CharacterNgramModel"/>): each run of letters (with
/// the marks that follow them), lower-cased and padded with a space on both sides (<c>" ukuthi "</c>), so that
/// n-grams at a word's edges say so. Digits, punctuation and symbols end a word; a word longer than
/// <see cref="MaxWordLength"/> letters keeps its first ones. The trainer and the model read text the same way.
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

    private static bool IsWordChar(char c) =>
        char.IsLetter(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
