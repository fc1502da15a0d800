using System.Text;

namespace Corpus.Synth.Sandbox;

/// <summary>
/// Reads a program's stdout and stderr as they come, keeping at most a shared budget of bytes for the
/// two together and dropping (and flagging) the rest. Past four times the budget (plus 64 KiB) it calls
/// the flood action once, which kills the program. The last 4 KiB of each stream are kept apart so that
/// the last error line is known even when the kept part was cut.
/// </summary>
internal sealed class OutputCapture
{
    private const int TailBytes = 4096;
    private readonly object _gate = new();
    private readonly int _budget;
    private readonly long _floodAt;
    private readonly Action _onFlood;
    private long _kept;
    private long _seen;
    private bool _flooded;

    public OutputCapture(int budget, Action onFlood)
    {
        _budget = budget;
        _floodAt = (4L * budget) + (64 << 10);
        _onFlood = onFlood;
    }

    /// <summary>What was read from standard output.</summary>
    public Sink Stdout { get; } = new();

    /// <summary>What was read from standard error.</summary>
    public Sink Stderr { get; } = new();

    /// <summary>Copies <paramref name="source"/> into <paramref name="sink"/> until it ends or breaks.</summary>
    public async Task PumpAsync(Stream source, Sink sink)
    {
        var buffer = new byte[16 << 10];
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                Take(sink, buffer.AsSpan(0, read));
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The pipe went away with the process; what was read is kept.
        }
    }

    private void Take(Sink sink, ReadOnlySpan<byte> chunk)
    {
        var flood = false;
        lock (_gate)
        {
            var keep = (int)Math.Min(chunk.Length, Math.Max(0, _budget - _kept));
            sink.Kept.Write(chunk[..keep]);
            _kept += keep;
            if (keep < chunk.Length)
            {
                sink.Truncated = true;
            }

            sink.AppendTail(chunk);
            _seen += chunk.Length;
            if (_seen > _floodAt && !_flooded)
            {
                _flooded = true;
                flood = true;
            }
        }

        if (flood)
        {
            _onFlood();
        }
    }

    /// <summary>One stream's kept bytes, whether some were dropped, and its last bytes.</summary>
    internal sealed class Sink
    {
        private byte[] _tail = [];

        public MemoryStream Kept { get; } = new();

        public bool Truncated { get; set; }

        public string Text() => Encoding.UTF8.GetString(Kept.GetBuffer(), 0, (int)Kept.Length);

        /// <summary>The last non-empty line of the stream (of its last 4 KiB), trimmed and cut to 300 characters.</summary>
        public string LastLine() => LineFromEnd(0);

        /// <summary>The line before <see cref="LastLine"/> (for a bare <c>AssertionError</c>, the failing assert), or empty.</summary>
        public string LineBeforeLast() => LineFromEnd(1);

        /// <summary>A non-empty line counted from the end, skipping Python's <c>^^^</c>/<c>~~~</c> marker lines.</summary>
        private string LineFromEnd(int back)
        {
            var lines = Encoding.UTF8.GetString(_tail)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(line => !line.All(c => c is '^' or '~' or ' '))
                .ToArray();
            var line = lines.Length <= back ? string.Empty : lines[^(back + 1)];
            return line.Length <= 300 ? line : line[..300];
        }

        public void AppendTail(ReadOnlySpan<byte> chunk)
        {
            if (chunk.Length >= TailBytes)
            {
                _tail = chunk[^TailBytes..].ToArray();
                return;
            }

            var keepOld = Math.Min(_tail.Length, TailBytes - chunk.Length);
            var next = new byte[keepOld + chunk.Length];
            _tail.AsSpan(_tail.Length - keepOld).CopyTo(next);
            chunk.CopyTo(next.AsSpan(keepOld));
            _tail = next;
        }
    }
}
