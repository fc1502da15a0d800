namespace Corpus.Cli.Commands;

/// <summary>
/// Splits a byte stream into lines on LF only: a CR stays part of its line. A final line without
/// LF counts; a final LF does not start another line.
/// </summary>
internal sealed class LfLineReader(Stream stream)
{
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;

    /// <summary>The next line without its LF, or false at the end of the stream. The memory is valid until the next call.</summary>
    public bool TryReadLine(out ReadOnlyMemory<byte> line)
    {
        var scanFrom = _start;
        while (true)
        {
            var idx = Array.IndexOf(_buffer, (byte)'\n', scanFrom, _end - scanFrom);
            if (idx >= 0)
            {
                line = _buffer.AsMemory(_start, idx - _start);
                _start = idx + 1;
                return true;
            }

            if (_eof)
            {
                if (_end > _start)
                {
                    line = _buffer.AsMemory(_start, _end - _start);
                    _start = _end;
                    return true;
                }

                line = default;
                return false;
            }

            scanFrom = _end;
            Fill(ref scanFrom);
        }
    }

    private void Fill(ref int scanFrom)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            scanFrom -= _start;
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var n = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (n == 0)
        {
            _eof = true;
        }

        _end += n;
    }
}
