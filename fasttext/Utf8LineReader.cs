namespace Corpus.FastText;

/// <summary>
/// Lines of a file as raw bytes from one growing buffer (no string per line): each line without its
/// newline, and whether a newline ended it (fastText adds the end-of-sentence token only then).
/// </summary>
internal sealed class Utf8LineReader(Stream stream) : IDisposable
{
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;

    public static Utf8LineReader Open(string path) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan));

    public bool TryReadLine(out ReadOnlySpan<byte> line, out bool endsWithNewline)
    {
        var searched = 0;
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            var newline = pending[searched..].IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = pending[..(searched + newline)];
                _start += searched + newline + 1;
                endsWithNewline = true;
                return true;
            }

            searched = pending.Length;
            if (_eof)
            {
                line = pending;
                _start = _end;
                endsWithNewline = false;
                return !line.IsEmpty;
            }

            Fill();
        }
    }

    /// <summary>Back to the first line (training reads the file once per epoch).</summary>
    public void Rewind()
    {
        stream.Seek(0, SeekOrigin.Begin);
        _start = 0;
        _end = 0;
        _eof = false;
    }

    public void Dispose() => stream.Dispose();

    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }
}
