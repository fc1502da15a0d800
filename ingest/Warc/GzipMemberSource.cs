using System.Buffers.Binary;
using System.IO.Compression;

namespace Corpus.Ingest.Warc;

/// <summary>
/// The uncompressed bytes of a gzip file read member by member, so that a record's offset is the
/// offset of its member and a corrupt member is skipped: the source reports a break there and goes on
/// at the next gzip header. A member's end is found from its trailer (CRC-32 and size of what it
/// decompressed to), which also checks the member. <see cref="SkipToRecordMember"/> passes over members without
/// inflating them, so a member that inflates to gigabytes (a gzip bomb) costs its compressed size to skip.
/// </summary>
internal sealed class GzipMemberSource : IWarcSource, IDisposable
{
    private const int FeedChunk = 4096;
    private const int Keep = 2 * FeedChunk + 16;

    private readonly Stream _raw;
    private readonly List<(long Logical, long Raw)> _members = [];
    private byte[] _window = new byte[1 << 16];
    private int _pos;
    private int _end;
    private long _windowOffset;
    private bool _rawEof;
    private DeflateStream? _inflater;
    private long _memberStart;
    private long _memberDataStart;
    private uint _crc;
    private long _size;
    private long _logical;
    private int _membersHead;
    private WarcBreak? _break;

    public GzipMemberSource(Stream raw)
    {
        _raw = raw;
    }

    private long RawPosition => _windowOffset + _pos;

    public WarcBreak? TakeBreak()
    {
        var taken = _break;
        _break = null;
        return taken;
    }

    public long RawOffsetOf(long logical)
    {
        var found = -1;
        for (var i = _membersHead; i < _members.Count && _members[i].Logical <= logical; i++)
        {
            found = i;
        }

        if (found < 0)
        {
            return _members.Count > 0 ? _members[_membersHead].Raw : 0;
        }

        _membersHead = found;
        if (_membersHead > 4096)
        {
            _members.RemoveRange(0, _membersHead);
            _membersHead = 0;
            found = 0;
        }

        return _members[found].Raw;
    }

    public int Read(Span<byte> buffer)
    {
        while (true)
        {
            if (_break is not null || buffer.IsEmpty)
            {
                return 0;
            }

            if (_inflater is null && !StartMember())
            {
                return 0;
            }

            int n;
            try
            {
                n = _inflater!.Read(buffer);
            }
            catch (InvalidDataException ex)
            {
                Corrupt(WarcRejectReasons.CorruptGzip, "gzip member does not inflate: " + ex.Message);
                continue;
            }

            if (n > 0)
            {
                _crc = Crc32.Update(_crc, buffer[..n]);
                _size += n;
                _logical += n;
                return n;
            }

            FinishMember();
        }
    }

    public long SkipToRecordMember()
    {
        _inflater?.Dispose();
        _inflater = null;
        var start = RawPosition;
        ReadOnlySpan<byte> magic = [0x1F, 0x8B, 0x08];
        var from = _pos;
        while (true)
        {
            var found = _window.AsSpan(from, _end - from).IndexOf(magic);
            if (found >= 0)
            {
                _pos = from + found;
                if (MemberStartsRecord())
                {
                    return RawPosition - start;
                }

                from = _pos + 1;
                continue;
            }

            _pos = Math.Max(from, _end - 2);
            if (!FillOnce())
            {
                _pos = _end;
                return RawPosition - start;
            }

            from = _pos;
        }
    }

    public void Dispose() => _inflater?.Dispose();

    /// <summary>Whether the gzip header at the read position begins a member whose first inflated bytes are <c>WARC/</c>; reads nothing.</summary>
    private bool MemberStartsRecord()
    {
        // A record's first deflate block, code tables and all, starts well within this many bytes of the header's end.
        const int Probe = 1024;
        if (!Ensure(10) || HeaderLength(out var at) != Header.Whole)
        {
            return false;
        }

        Ensure(at + Probe);
        return _end - _pos > at && InflatesToRecordStart(_window.AsSpan(_pos + at, Math.Min(at + Probe, _end - _pos) - at));
    }

    /// <summary>The length of the gzip header at the read position (its first 10 bytes in the window): FEXTRA, FNAME, FCOMMENT and FHCRC as its flags say.</summary>
    private Header HeaderLength(out int at)
    {
        var flags = _window[_pos + 3];
        at = 10;
        if ((flags & 4) != 0)
        {
            if (!Ensure(at + 2))
            {
                return Header.CutShort;
            }

            at += 2 + BinaryPrimitives.ReadUInt16LittleEndian(_window.AsSpan(_pos + at));
        }

        for (var flag = 8; flag <= 16; flag <<= 1)
        {
            while ((flags & flag) != 0)
            {
                if (!Ensure(at + 1) || at > 60000)
                {
                    return Header.NoEnd;
                }

                if (_window[_pos + at++] == 0)
                {
                    break;
                }
            }
        }

        if ((flags & 2) != 0)
        {
            at += 2;
        }

        return Ensure(at) ? Header.Whole : Header.CutShort;
    }

    private static bool InflatesToRecordStart(ReadOnlySpan<byte> deflate)
    {
        Span<byte> head = stackalloc byte[5];
        try
        {
            using var inflater = new DeflateStream(new MemoryStream(deflate.ToArray(), writable: false), CompressionMode.Decompress);
            var got = inflater.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            return got == head.Length && head.SequenceEqual("WARC/"u8);
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private bool StartMember()
    {
        if (!Ensure(1))
        {
            return false;
        }

        _memberStart = RawPosition;
        if (!Ensure(10) || _window[_pos] != 0x1F || _window[_pos + 1] != 0x8B || _window[_pos + 2] != 8)
        {
            var detail = Ensure(10) ? "bytes that are not a gzip member" : "a few bytes after the last gzip member";
            Corrupt(WarcRejectReasons.CorruptGzip, detail);
            return false;
        }

        switch (HeaderLength(out var at))
        {
            case Header.CutShort:
                Corrupt(WarcRejectReasons.Truncated, "gzip header cut short");
                return false;
            case Header.NoEnd:
                Corrupt(WarcRejectReasons.CorruptGzip, "gzip header name or comment without an end");
                return false;
        }

        _pos += at;
        _memberDataStart = RawPosition;
        _crc = 0;
        _size = 0;
        _members.Add((_logical, _memberStart));
        _inflater = new DeflateStream(new FeedStream(this), CompressionMode.Decompress, leaveOpen: false);
        return true;
    }

    private void FinishMember()
    {
        _inflater!.Dispose();
        _inflater = null;
        Ensure(8);
        Span<byte> trailer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, _crc);
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], (uint)_size);
        var from = (int)Math.Max(_memberDataStart - _windowOffset, Math.Max(0, _pos - Keep));
        var found = _window.AsSpan(from, _end - from).IndexOf(trailer);
        if (found >= 0)
        {
            _pos = from + found + 8;
            return;
        }

        var ended = _end - _pos < 8 && _rawEof;
        Corrupt(
            ended ? WarcRejectReasons.Truncated : WarcRejectReasons.CorruptGzip,
            ended ? "gzip member cut short (no trailer)" : "gzip trailer does not match the inflated data (CRC-32 or size)");
    }

    /// <summary>Records a break at the current member and moves to the next gzip header after it.</summary>
    private void Corrupt(string reason, string detail)
    {
        _inflater?.Dispose();
        _inflater = null;
        _break = new WarcBreak(_memberStart, reason, detail);
        var from = (int)Math.Max(_memberStart + 1 - _windowOffset, 0);
        from = Math.Min(from, _end);
        ReadOnlySpan<byte> magic = [0x1F, 0x8B, 0x08];
        while (true)
        {
            var found = _window.AsSpan(from, _end - from).IndexOf(magic);
            if (found >= 0)
            {
                _pos = from + found;
                return;
            }

            _pos = Math.Max(from, _end - 2);
            if (!FillOnce())
            {
                _pos = _end;
                return;
            }

            from = _pos;
        }
    }

    /// <summary>Makes sure <paramref name="count"/> bytes from the read position are in the window.</summary>
    private bool Ensure(int count)
    {
        while (_end - _pos < count)
        {
            if (!FillOnce())
            {
                return false;
            }
        }

        return true;
    }

    private bool FillOnce()
    {
        if (_rawEof)
        {
            return false;
        }

        var keepFrom = Math.Max(0, _pos - Keep);
        if (_end == _window.Length)
        {
            if (keepFrom > 0)
            {
                Buffer.BlockCopy(_window, keepFrom, _window, 0, _end - keepFrom);
                _windowOffset += keepFrom;
                _pos -= keepFrom;
                _end -= keepFrom;
            }
            else
            {
                Array.Resize(ref _window, _window.Length * 2);
            }
        }

        int n;
        try
        {
            n = _raw.Read(_window, _end, _window.Length - _end);
        }
        catch (IOException)
        {
            n = 0;
        }

        if (n <= 0)
        {
            _rawEof = true;
            return false;
        }

        _end += n;
        return true;
    }

    /// <summary>Hands the inflater raw bytes in small pieces, so that its unused read-ahead stays small.</summary>
    private sealed class FeedStream(GzipMemberSource owner) : Corpus.Ingest.IO.ForwardReadStream
    {
        private readonly GzipMemberSource _owner = owner;

        public override int Read(Span<byte> buffer)
        {
            if (!_owner.Ensure(1))
            {
                return 0;
            }

            var n = Math.Min(Math.Min(buffer.Length, FeedChunk), _owner._end - _owner._pos);
            _owner._window.AsSpan(_owner._pos, n).CopyTo(buffer);
            _owner._pos += n;
            return n;
        }
    }

    private enum Header
    {
        Whole,
        CutShort,
        NoEnd,
    }
}
