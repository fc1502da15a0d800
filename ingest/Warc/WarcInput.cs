using System.Text;

namespace Corpus.Ingest.Warc;

/// <summary>
/// A read buffer over an <see cref="IWarcSource"/> with what the record parser needs: lines with a
/// length cap, exact reads, skips, a look ahead, pushing bytes back, and scanning for the next record.
/// A scan (for a record start, or over blank lines) reads at most <paramref name="scanLimit"/> bytes; past that, a gzip
/// source passes over the rest of its member without inflating it, so a gzip bomb cannot make a scan inflate it all.
/// </summary>
internal sealed class WarcInput(IWarcSource source, long scanLimit)
{
    private const int MaxBuffer = 1 << 20;

    private readonly IWarcSource _source = source;
    private readonly long _scanLimit = scanLimit;
    private byte[] _buffer = new byte[1 << 16];
    private int _pos;
    private int _end;
    private long _bufferOffset;

    internal enum LineStatus
    {
        Ok,
        TooLong,
        End,
    }

    /// <summary>Logical offset of the next byte.</summary>
    public long Position => _bufferOffset + _pos;

    /// <summary>True when no byte is left before the end (or a break).</summary>
    public bool AtEnd => !Ensure(1);

    /// <summary>Reads one line (without its CR LF or LF); a line over <paramref name="max"/> bytes is left unread.</summary>
    public LineStatus ReadLine(int max, out string line)
    {
        line = "";
        var searched = 0;
        while (true)
        {
            var found = _buffer.AsSpan(_pos + searched, _end - _pos - searched).IndexOf((byte)'\n');
            if (found >= 0)
            {
                var length = searched + found;
                if (length > max)
                {
                    return LineStatus.TooLong;
                }

                var text = _buffer.AsSpan(_pos, length);
                if (text.Length > 0 && text[^1] == '\r')
                {
                    text = text[..^1];
                }

                line = Encoding.UTF8.GetString(text);
                _pos += length + 1;
                return LineStatus.Ok;
            }

            searched = _end - _pos;
            if (searched > max)
            {
                return LineStatus.TooLong;
            }

            if (!Fill())
            {
                line = Encoding.UTF8.GetString(_buffer, _pos, _end - _pos);
                return LineStatus.End;
            }
        }
    }

    /// <summary>Copies the next bytes into <paramref name="destination"/>; returns how many there were.</summary>
    public int ReadInto(Span<byte> destination)
    {
        var done = 0;
        while (done < destination.Length)
        {
            if (_pos == _end)
            {
                if (destination.Length - done >= _buffer.Length)
                {
                    var direct = _source.Read(destination[done..]);
                    if (direct == 0)
                    {
                        break;
                    }

                    done += direct;
                    _bufferOffset += direct;
                    continue;
                }

                if (!Fill())
                {
                    break;
                }
            }

            var n = Math.Min(_end - _pos, destination.Length - done);
            _buffer.AsSpan(_pos, n).CopyTo(destination[done..]);
            _pos += n;
            done += n;
        }

        return done;
    }

    /// <summary>Skips up to <paramref name="count"/> bytes without keeping them; returns how many were skipped.</summary>
    public long Skip(long count)
    {
        long done = 0;
        while (done < count)
        {
            if (_pos == _end && !Fill())
            {
                break;
            }

            var n = (int)Math.Min(_end - _pos, count - done);
            _pos += n;
            done += n;
        }

        return done;
    }

    /// <summary>Up to <paramref name="count"/> next bytes, not consumed.</summary>
    public ReadOnlySpan<byte> Peek(int count)
    {
        Ensure(count);
        return _buffer.AsSpan(_pos, Math.Min(count, _end - _pos));
    }

    public void Advance(int count) => _pos += count;

    /// <summary>Drops what is buffered: the bytes before a break, or a partial line at the end.</summary>
    public void DiscardBuffered() => _pos = _end;

    /// <summary>Skips CR and LF bytes (at most the scan limit of them: a scan for a record start goes on from there).</summary>
    public void SkipNewlines()
    {
        var start = Position;
        while (Ensure(1) && _buffer[_pos] is (byte)'\r' or (byte)'\n' && Position - start < _scanLimit)
        {
            _pos++;
        }
    }

    /// <summary>
    /// Passes over the rest of the current gzip member, uninflated, to the next member that starts a record; returns
    /// the file bytes passed over, or -1 for a plain source (nothing moved).
    /// </summary>
    public long SkipToRecordMember()
    {
        var skipped = _source.SkipToRecordMember();
        if (skipped >= 0)
        {
            DiscardBuffered();
        }

        return skipped;
    }

    /// <summary>Puts bytes that were just read back in front of the buffer.</summary>
    public void PushBack(ReadOnlySpan<byte> data)
    {
        var rest = _end - _pos;
        var fresh = new byte[Math.Max(_buffer.Length, data.Length + rest)];
        data.CopyTo(fresh);
        _buffer.AsSpan(_pos, rest).CopyTo(fresh.AsSpan(data.Length));
        _bufferOffset = Position - data.Length;
        _buffer = fresh;
        _pos = 0;
        _end = data.Length + rest;
    }

    /// <summary>
    /// Moves to the next line that starts with <c>WARC/</c> (or to the end); returns the bytes skipped.
    /// <paramref name="atLineStart"/> says whether the current position may itself be such a line. Past the scan limit,
    /// a gzip source goes on at its next member that starts a record instead.
    /// </summary>
    public long ScanToRecordStart(bool atLineStart)
    {
        ReadOnlySpan<byte> marker = "WARC/"u8;
        ReadOnlySpan<byte> lineMarker = "\nWARC/"u8;
        var start = Position;
        if (atLineStart && Peek(marker.Length).SequenceEqual(marker))
        {
            return 0;
        }

        while (true)
        {
            var found = _buffer.AsSpan(_pos, _end - _pos).IndexOf(lineMarker);
            if (found >= 0)
            {
                _pos += found + 1;
                return Position - start;
            }

            _pos = Math.Max(_pos, _end - (lineMarker.Length - 1));
            if (Position - start > _scanLimit && SkipToRecordMember() >= 0)
            {
                return Position - start;
            }

            if (!Fill())
            {
                _pos = _end;
                return Position - start;
            }
        }
    }

    private bool Ensure(int count)
    {
        while (_end - _pos < count)
        {
            if (!Fill())
            {
                return false;
            }
        }

        return true;
    }

    private bool Fill()
    {
        if (_end == _buffer.Length)
        {
            if (_pos > 0)
            {
                Buffer.BlockCopy(_buffer, _pos, _buffer, 0, _end - _pos);
                _bufferOffset += _pos;
                _end -= _pos;
                _pos = 0;
            }
            else
            {
                Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, MaxBuffer));
            }
        }

        var n = _source.Read(_buffer.AsSpan(_end));
        if (n <= 0)
        {
            return false;
        }

        _end += n;
        return true;
    }
}
