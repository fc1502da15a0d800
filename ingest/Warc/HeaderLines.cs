using System.Text;

namespace Corpus.Ingest.Warc;

/// <summary>
/// Collects <c>name: value</c> header lines in order, joining a continuation line (one that starts
/// with a space or tab) to the value before it with one space. Joining appends, so a header folded
/// over many lines costs time linear in its length, not quadratic.
/// </summary>
internal sealed class HeaderLines
{
    private readonly List<KeyValuePair<string, string>> _headers = [];
    private StringBuilder? _folded;

    /// <summary>Adds <paramref name="line"/> to the last header when it is a continuation line; false when it is not one.</summary>
    public bool TryContinue(string line)
    {
        if (_headers.Count == 0 || line.Length == 0 || line[0] is not (' ' or '\t'))
        {
            return false;
        }

        _folded ??= new StringBuilder(_headers[^1].Value);
        _folded.Append(' ').Append(line.AsSpan().Trim());
        return true;
    }

    public void Add(string name, string value)
    {
        Flush();
        _headers.Add(new(name, value));
    }

    /// <summary>The headers so far, continuation lines joined.</summary>
    public List<KeyValuePair<string, string>> ToList()
    {
        Flush();
        return _headers;
    }

    private void Flush()
    {
        if (_folded is not null)
        {
            _headers[^1] = new(_headers[^1].Key, _folded.ToString());
            _folded = null;
        }
    }
}
