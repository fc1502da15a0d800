using System.Globalization;

namespace Corpus.Ingest.Warc;

/// <summary>
/// The record-by-record state machine behind <see cref="WarcReader"/>. Every call of
/// <see cref="Next"/> consumes input or ends, so a bad file cannot make it loop.
/// </summary>
internal sealed class WarcRecordParser
{
    private const int MaxVersionLine = 64;
    private const int MaxHeaderBytes = 256 * 1024;

    private readonly IWarcSource _source;
    private readonly WarcInput _input;
    private readonly WarcReaderOptions _options;

    private WarcRecordParser(IWarcSource source, WarcReaderOptions options)
    {
        _source = source;
        _input = new WarcInput(source, options.MaxRecordBytes);
        _options = options;
    }

    public static IEnumerable<WarcReadResult> Parse(Stream stream, WarcReaderOptions options)
    {
        var head = new byte[2];
        var got = ReadHead(stream, head);
        var prefixed = new PrefixedStream(head.AsMemory(0, got), stream);
        IWarcSource source = got == 2 && head[0] == 0x1F && head[1] == 0x8B ? new GzipMemberSource(prefixed) : new PlainWarcSource(prefixed);
        try
        {
            var parser = new WarcRecordParser(source, options);
            while (true)
            {
                var before = parser._input.Position;
                WarcReadResult? result;
                var stop = false;
                try
                {
                    result = parser.Next();
                }
                catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException or InvalidOperationException or NotSupportedException or OverflowException)
                {
                    result = new WarcReject(source.RawOffsetOf(before), WarcRejectReasons.Truncated, "reading stopped: " + ex.Message);
                    stop = true;
                }

                if (result is null)
                {
                    yield break;
                }

                yield return result;
                if (stop)
                {
                    yield break;
                }
            }
        }
        finally
        {
            (source as IDisposable)?.Dispose();
        }
    }

    private static int ReadHead(Stream stream, byte[] head)
    {
        try
        {
            return stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>The next record or reject; null at the end of the file.</summary>
    private WarcReadResult? Next()
    {
        _input.SkipNewlines();
        if (_input.AtEnd)
        {
            return _source.TakeBreak() is { } lost ? new WarcReject(lost.RawOffset, lost.Reason, lost.Detail) : null;
        }

        var start = _input.Position;
        var offset = _source.RawOffsetOf(start);
        var status = _input.ReadLine(MaxVersionLine, out var version);
        if (status != WarcInput.LineStatus.Ok || !IsVersionLine(version))
        {
            if (status == WarcInput.LineStatus.Ok)
            {
                _input.ScanToRecordStart(atLineStart: true);
            }
            else
            {
                _input.ScanToRecordStart(atLineStart: false);
            }

            var skipped = _input.Position - start;
            return new WarcReject(offset, WarcRejectReasons.Garbage, $"{skipped} bytes that are not a WARC record, starting \"{Printable(version)}\"");
        }

        var headers = new HeaderLines();
        var total = 0;
        while (true)
        {
            status = _input.ReadLine(MaxHeaderBytes - total, out var line);
            if (status == WarcInput.LineStatus.End)
            {
                return Lost(offset, "the file ends inside the WARC headers");
            }

            if (status == WarcInput.LineStatus.TooLong)
            {
                _input.ScanToRecordStart(atLineStart: false);
                return new WarcReject(offset, WarcRejectReasons.BadHeader, $"WARC headers over {MaxHeaderBytes} bytes");
            }

            total += line.Length + 2;
            if (line.Length == 0)
            {
                break;
            }

            if (headers.TryContinue(line))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                _input.ScanToRecordStart(atLineStart: true);
                return new WarcReject(offset, WarcRejectReasons.BadHeader, $"header line without a name: \"{Printable(line)}\"");
            }

            headers.Add(line[..colon].Trim(), line[(colon + 1)..].Trim());
        }

        var fields = headers.ToList();
        var lengthText = Find(fields, "Content-Length");
        if (!long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            _input.ScanToRecordStart(atLineStart: true);
            return new WarcReject(offset, WarcRejectReasons.BadContentLength, lengthText is null ? "no Content-Length" : $"Content-Length \"{Printable(lengthText)}\" is not a number");
        }

        if (length > _options.MaxRecordBytes)
        {
            // In a gzip file the block is not inflated to be skipped: its member is passed over as it is on disk.
            var passed = _input.SkipToRecordMember();
            if (passed >= 0)
            {
                return new WarcReject(offset, WarcRejectReasons.TooLarge, $"record block of {length} bytes is over the {_options.MaxRecordBytes}-byte limit; skipped {passed} compressed bytes to the next gzip member that starts a record");
            }

            var skipped = _input.Skip(length);
            if (skipped < length)
            {
                return Lost(offset, $"record block has {skipped} of {length} bytes");
            }

            return new WarcReject(offset, WarcRejectReasons.TooLarge, $"record block of {length} bytes is over the {_options.MaxRecordBytes}-byte limit; skipped");
        }

        var block = new byte[length];
        var read = _input.ReadInto(block);
        if (read < length)
        {
            return Lost(offset, $"record block has {read} of {length} bytes");
        }

        if (!TrailerFollows())
        {
            _input.PushBack(block);
            _input.ScanToRecordStart(atLineStart: false);
            return new WarcReject(offset, WarcRejectReasons.BadContentLength, $"no record end after the {length}-byte block that Content-Length gives");
        }

        return WarcRecordBuilder.Build(offset, version, fields, block, _options);
    }

    /// <summary>A record cut short: by a gzip break when there is one, else by the end of the file.</summary>
    private WarcReject Lost(long offset, string detail)
    {
        _input.DiscardBuffered();
        if (_source.TakeBreak() is { } lost)
        {
            return new WarcReject(offset, lost.Reason, $"{detail}: {lost.Detail} at offset {lost.RawOffset}");
        }

        return new WarcReject(offset, WarcRejectReasons.Truncated, detail);
    }

    /// <summary>
    /// Consumes the CR LF CR LF after a block. Lenient like warcio: up to four CR/LF bytes, and then
    /// the end or the next <c>WARC/</c> line, are enough.
    /// </summary>
    private bool TrailerFollows()
    {
        var next = _input.Peek(9);
        var newlines = 0;
        while (newlines < next.Length && newlines < 4 && next[newlines] is (byte)'\r' or (byte)'\n')
        {
            newlines++;
        }

        var rest = next[newlines..];
        if (newlines == 4 || rest.IsEmpty || "WARC/"u8.StartsWith(rest) || rest.StartsWith("WARC/"u8))
        {
            _input.Advance(newlines);
            return true;
        }

        return false;
    }

    private static bool IsVersionLine(string line) =>
        line.Length > 5 && line.StartsWith("WARC/", StringComparison.Ordinal) && char.IsAsciiDigit(line[5]);

    private static string? Find(List<KeyValuePair<string, string>> headers, string name)
    {
        foreach (var (key, value) in headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    private static string Printable(string text)
    {
        var cut = text.Length > 40 ? text[..40] + "…" : text;
        return string.Concat(cut.Select(c => char.IsControl(c) ? '?' : c));
    }

    /// <summary>The bytes read to sniff the format, then the rest of the stream.</summary>
    private sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : Corpus.Ingest.IO.ForwardReadStream
    {
        private readonly Stream _rest = rest;
        private ReadOnlyMemory<byte> _prefix = prefix;

        public override int Read(Span<byte> buffer)
        {
            if (!_prefix.IsEmpty)
            {
                var n = Math.Min(buffer.Length, _prefix.Length);
                _prefix.Span[..n].CopyTo(buffer);
                _prefix = _prefix[n..];
                return n;
            }

            return _rest.Read(buffer);
        }
    }
}
