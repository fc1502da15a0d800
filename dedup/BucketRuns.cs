using System.Runtime.InteropServices;

namespace Corpus.Dedup;

/// <summary>One LSH bucket entry: band, bucket hash, document index (16 bytes on disk).</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct BucketRecord(ulong Bucket, int Band, int Doc) : IComparable<BucketRecord>
{
    public int CompareTo(BucketRecord other)
    {
        int c = Band.CompareTo(other.Band);
        if (c != 0)
        {
            return c;
        }

        c = Bucket.CompareTo(other.Bucket);
        return c != 0 ? c : Doc.CompareTo(other.Doc);
    }

    public bool SameBucket(BucketRecord other) => Band == other.Band && Bucket == other.Bucket;
}

/// <summary>
/// External sort of bucket records: a bounded buffer is sorted and written as a run whenever it
/// fills; <see cref="Merge"/> reads the runs back k-way merged in (band, bucket, doc) order. The
/// buffer starts small and doubles up to its bound, so a small input does not pay for the bound.
/// </summary>
internal sealed class BucketRuns : IDisposable
{
    private const int ReadBlock = 8192;
    private readonly string _folder;
    private readonly int _runRecords;
    private readonly List<string> _runs = [];
    private BucketRecord[] _buffer;
    private int _count;

    public BucketRuns(string folder, int runRecords)
    {
        _folder = folder;
        _runRecords = Math.Max(1024, runRecords);
        _buffer = new BucketRecord[Math.Min(_runRecords, 64 * 1024)];
    }

    public int RunCount => _runs.Count;

    public void Add(BucketRecord record)
    {
        if (_count == _buffer.Length)
        {
            if (_buffer.Length < _runRecords)
            {
                Array.Resize(ref _buffer, (int)Math.Min(_runRecords, _buffer.Length * 2L));
            }
            else
            {
                Flush();
            }
        }

        _buffer[_count++] = record;
    }

    public void Flush()
    {
        if (_count == 0)
        {
            return;
        }

        var span = _buffer.AsSpan(0, _count);
        span.Sort();
        var path = Path.Combine(_folder, $"run-{_runs.Count:D5}.bin");
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        {
            file.Write(MemoryMarshal.AsBytes(span));
        }

        _runs.Add(path);
        _count = 0;
    }

    /// <summary>All records in sorted order.</summary>
    public IEnumerable<BucketRecord> Merge()
    {
        Flush();
        var readers = new List<RunReader>(_runs.Count);
        try
        {
            var queue = new PriorityQueue<int, BucketRecord>(_runs.Count);
            foreach (var run in _runs)
            {
                var reader = new RunReader(run);
                readers.Add(reader);
                if (reader.TryPeek(out var first))
                {
                    queue.Enqueue(readers.Count - 1, first);
                }
            }

            while (queue.TryDequeue(out int index, out var record))
            {
                yield return record;
                var reader = readers[index];
                reader.Advance();
                if (reader.TryPeek(out var next))
                {
                    queue.Enqueue(index, next);
                }
            }
        }
        finally
        {
            foreach (var reader in readers)
            {
                reader.Dispose();
            }
        }
    }

    public void Dispose()
    {
        foreach (var run in _runs)
        {
            File.Delete(run);
        }

        _runs.Clear();
    }

    private sealed class RunReader : IDisposable
    {
        private readonly FileStream _file;
        private readonly BucketRecord[] _block = new BucketRecord[ReadBlock];
        private int _count;
        private int _position;

        public RunReader(string path)
        {
            _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            Fill();
        }

        public bool TryPeek(out BucketRecord record)
        {
            if (_position == _count)
            {
                Fill();
            }

            if (_position < _count)
            {
                record = _block[_position];
                return true;
            }

            record = default;
            return false;
        }

        public void Advance() => _position++;

        public void Dispose() => _file.Dispose();

        private void Fill()
        {
            var bytes = MemoryMarshal.AsBytes(_block.AsSpan());
            int read = 0;
            while (read < bytes.Length)
            {
                int n = _file.Read(bytes[read..]);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            _count = read / 16;
            _position = 0;
        }
    }
}
