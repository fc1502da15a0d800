using System.Buffers;

namespace Corpus.Tokenizer;

/// <summary>
/// Finds added tokens in raw text the way Hugging Face's added vocabulary does for tokens that are
/// not normalized and have no lstrip/rstrip/single_word: leftmost match first, the longest token
/// among those starting there.
/// </summary>
internal sealed class AddedTokenMatcher
{
    private readonly AddedToken[] _byLengthDescending;
    private readonly SearchValues<char> _firstChars;

    public AddedTokenMatcher(IEnumerable<AddedToken> tokens)
    {
        _byLengthDescending = [.. tokens.OrderByDescending(t => t.Content.Length).ThenBy(t => t.Id)];
        _firstChars = SearchValues.Create([.. _byLengthDescending.Select(t => t.Content[0]).Distinct()]);
    }

    public bool IsEmpty => _byLengthDescending.Length == 0;

    /// <summary>Finds the first added token in <paramref name="text"/> at or after the start.</summary>
    public bool TryFindNext(ReadOnlySpan<char> text, out int index, out AddedToken token)
    {
        int offset = 0;
        while (offset < text.Length)
        {
            int found = text[offset..].IndexOfAny(_firstChars);
            if (found < 0)
            {
                break;
            }

            int at = offset + found;
            var rest = text[at..];
            foreach (var candidate in _byLengthDescending)
            {
                if (rest.StartsWith(candidate.Content, StringComparison.Ordinal))
                {
                    index = at;
                    token = candidate;
                    return true;
                }
            }

            offset = at + 1;
        }

        index = -1;
        token = null!;
        return false;
    }
}
