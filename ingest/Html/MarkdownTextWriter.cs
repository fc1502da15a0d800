using System.Text;

namespace Corpus.Ingest.Html;

/// <summary>
/// Builds plain text with light Markdown: whitespace collapsed, at most one blank line between blocks,
/// line markers (<c># </c>, <c>- </c>) written before a block's first character only (an empty block
/// leaves nothing), and line prefixes (<c>&gt; </c>) on every line inside a quote.
/// </summary>
internal sealed class MarkdownTextWriter
{
    /// <summary>Capacity kept between pages; a builder grown past it by a huge page is let go.</summary>
    private const int KeptCapacity = 1 << 20;

    private StringBuilder _sb = new(4096);
    private readonly StringBuilder _prefix = new();
    private int _pendingNewlines;
    private bool _pendingSpace;
    private string? _pendingSeparator;
    private string? _marker;
    private bool _lineHasText;
    private int _blankPrefixLength;

    public int Length => _sb.Length;

    /// <summary>
    /// Empties the writer for a page whose text is expected to take about <paramref name="expectedChars"/>
    /// characters. A large page gets one buffer of that size at once: a builder that grows chunk by chunk
    /// hands the collector every chunk to copy twice on its way to the oldest generation.
    /// </summary>
    public void Clear(int expectedChars = 0)
    {
        if (expectedChars > KeptCapacity)
        {
            _sb = new StringBuilder(expectedChars);
        }
        else if (_sb.Capacity > KeptCapacity)
        {
            _sb = new StringBuilder(4096);
        }

        _sb.Clear();
        _prefix.Clear();
        _pendingNewlines = 0;
        _pendingSpace = false;
        _pendingSeparator = null;
        _marker = null;
        _lineHasText = false;
    }

    /// <summary>Running text: every whitespace run becomes one space; invisible format characters (soft hyphen, zero-width space, BOM) go.</summary>
    public void Text(string data)
    {
        var rest = data.AsSpan();
        while (!rest.IsEmpty)
        {
            var c = rest[0];
            if (c is '\u00AD' or '\u200B' or '\u2060' or '\uFEFF')
            {
                rest = rest[1..];
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                _pendingSpace = true;
                rest = rest[1..];
                continue;
            }

            // A run of visible characters goes in with one append: the first one settles the line's state.
            var run = 1;
            while (run < rest.Length && rest[run] is var next && !char.IsWhiteSpace(next) && next is not ('\u00AD' or '\u200B' or '\u2060' or '\uFEFF'))
            {
                run++;
            }

            Emit(c);
            _sb.Append(rest[1..run]);
            rest = rest[run..];
        }
    }

    /// <summary>Ends the current block; the next text starts after a blank line.</summary>
    public void BlockBreak() => Break(2);

    /// <summary>Ends the current line.</summary>
    public void LineBreak() => Break(1);

    /// <summary>Starts a line whose first text is preceded by <paramref name="marker"/> (a heading or list item).</summary>
    public void Marker(string marker, int newlines)
    {
        _marker = null;
        Break(newlines);
        _marker = marker;
    }

    /// <summary>Ends a heading or list item; a marker that got no text is dropped.</summary>
    public void EndMarked(int newlines)
    {
        _marker = null;
        Break(newlines);
    }

    /// <summary>Between table cells: <c> | </c> when the row already has text.</summary>
    public void CellSeparator()
    {
        if (_lineHasText && _pendingNewlines == 0)
        {
            _pendingSeparator = " | ";
            _pendingSpace = false;
        }
    }

    public void PushPrefix(string prefix) => _prefix.Append(prefix);

    public void PopPrefix(int length) => _prefix.Length -= length;

    /// <summary>A fenced code block, its lines kept as they are.</summary>
    public void Code(string code)
    {
        var body = code.AsSpan().Trim("\r\n");
        if (body.IsWhiteSpace())
        {
            return;
        }

        _marker = null;
        Break(2);
        StartLine();
        _sb.Append("```");
        _pendingNewlines = 1;
        StartLine();
        foreach (var c in body)
        {
            if (c == '\n')
            {
                TrimLineEnd();
                _sb.Append('\n');
                _sb.Append(_prefix);
            }
            else if (c != '\r')
            {
                _sb.Append(c);
            }
        }

        TrimLineEnd();
        _sb.Append('\n');
        _sb.Append(_prefix);
        _sb.Append("```");
        _lineHasText = true;
        Break(2);
    }

    /// <summary>The text less the headings left at its very end: titles of blocks that were dropped (related links, comments).</summary>
    public string ToStringWithoutTrailingHeadings()
    {
        // Read from the string: StringBuilder's indexer walks its chunks back from the end, so reading a long
        // last line through it costs the line's length times the chunks.
        var text = _sb.ToString();
        var end = text.Length;
        while (true)
        {
            end = text.AsSpan(0, end).TrimEnd(" \t").TrimEnd('\n').Length;
            var start = end == 0 ? 0 : text.LastIndexOf('\n', end - 1) + 1;
            if (start >= end || text[start] != '#')
            {
                break;
            }

            end = start;
        }

        return end == text.Length ? text : text[..end];
    }

    public override string ToString() => _sb.ToString();

    private void Break(int newlines)
    {
        if (_marker is not null)
        {
            return; // a block opening inside a list item or heading: stay on the marker's line
        }

        if (_sb.Length == 0)
        {
            return;
        }

        _blankPrefixLength = _pendingNewlines == 0 ? _prefix.Length : Math.Min(_blankPrefixLength, _prefix.Length);
        _pendingNewlines = Math.Max(_pendingNewlines, newlines);
        _pendingSpace = false;
        _pendingSeparator = null;
    }

    private void Emit(char c)
    {
        if (_pendingNewlines > 0 || _sb.Length == 0)
        {
            StartLine();
        }
        else if (_pendingSeparator is not null)
        {
            _sb.Append(_pendingSeparator);
        }
        else if (_pendingSpace && _lineHasText)
        {
            _sb.Append(' ');
        }

        if (_marker is not null)
        {
            _sb.Append(_marker);
            _marker = null;
        }

        _pendingSpace = false;
        _pendingSeparator = null;
        _sb.Append(c);
        _lineHasText = true;
    }

    private void StartLine()
    {
        if (_sb.Length > 0)
        {
            TrimLineEnd();
            for (var i = 0; i < _pendingNewlines; i++)
            {
                var blankPrefix = Math.Min(_blankPrefixLength, _prefix.Length);
                if (i > 0 && blankPrefix > 0)
                {
                    _sb.Append(_prefix.ToString(0, blankPrefix).TrimEnd());
                }

                _sb.Append('\n');
            }
        }

        _sb.Append(_prefix);
        _pendingNewlines = 0;
        _pendingSpace = false;
        _pendingSeparator = null;
        _lineHasText = false;
    }

    private void TrimLineEnd()
    {
        while (_sb.Length > 0 && _sb[^1] is ' ' or '\t')
        {
            _sb.Length--;
        }
    }
}
