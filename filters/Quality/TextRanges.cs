namespace Corpus.Filters.Quality;

/// <summary>
/// Slices of one text as (start, length) pairs in reusable arrays: the words, lines or paragraphs a
/// rule looks at, without a string for each. Cleared and refilled for every document.
/// </summary>
internal sealed class TextRanges
{
    private int[] _starts = new int[256];
    private int[] _lengths = new int[256];

    public int Count { get; private set; }

    public int Start(int i) => _starts[i];

    public int Length(int i) => _lengths[i];

    public ReadOnlySpan<char> Slice(ReadOnlySpan<char> text, int i) => text.Slice(_starts[i], _lengths[i]);

    public void Clear() => Count = 0;

    public void Add(int start, int length)
    {
        if (Count == _starts.Length)
        {
            Array.Resize(ref _starts, Count * 2);
            Array.Resize(ref _lengths, Count * 2);
        }

        _starts[Count] = start;
        _lengths[Count] = length;
        Count++;
    }

    /// <summary>The pieces of <paramref name="text"/> between the separators <c>string.Split(separator)</c> would give, empty pieces included.</summary>
    public void SplitOn(ReadOnlySpan<char> text, char separator)
    {
        Clear();
        var start = 0;
        while (text[start..].IndexOf(separator) is var next and >= 0)
        {
            Add(start, next);
            start += next + 1;
        }

        Add(start, text.Length - start);
    }

    /// <summary>
    /// The pieces <c>Regex.Split(text, "\n{minRun,}")</c> gives: a run of at least <paramref name="minRun"/>
    /// line feeds separates two pieces; empty pieces at either end are kept.
    /// </summary>
    public void SplitOnNewlineRuns(ReadOnlySpan<char> text, int offset, int minRun)
    {
        Clear();
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] != '\n')
            {
                i++;
                continue;
            }

            var end = i;
            while (end < text.Length && text[end] == '\n')
            {
                end++;
            }

            if (end - i >= minRun)
            {
                Add(offset + start, i - start);
                start = end;
            }

            i = end;
        }

        Add(offset + start, text.Length - start);
    }
}
