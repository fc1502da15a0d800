using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Corpus.Pipeline.Crawl;

/// <summary>A URL waiting in the frontier and how many links away from a seed it was found.</summary>
internal readonly record struct FrontierEntry(string Url, int Depth);

/// <summary>
/// The crawl frontier: URLs to fetch, lowest depth first and first-found first within a depth,
/// each URL at most once (by a 64-bit hash of its normalized form). At most
/// <c>maxInMemory</c> URLs are held in memory; past that a depth's URLs go to an append-only spill
/// file in <c>spillDir</c> and are read back in batches, in order, when memory drains.
/// </summary>
internal sealed class CrawlFrontier : IDisposable
{
    private readonly SortedDictionary<int, DepthQueue> _depths = [];
    private readonly HashSet<ulong> _seen = [];
    private readonly string _spillDir;
    private readonly int _maxInMemory;
    private int _inMemory;

    public CrawlFrontier(string spillDir, int maxInMemory)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInMemory, 2);
        _spillDir = spillDir;
        _maxInMemory = maxInMemory;
        Directory.CreateDirectory(spillDir);
    }

    /// <summary>URLs waiting, in memory and spilled.</summary>
    public long Pending { get; private set; }

    /// <summary>Distinct URLs ever added.</summary>
    public int Seen => _seen.Count;

    /// <summary>URLs held in memory now (never more than the bound).</summary>
    public int InMemory => _inMemory;

    /// <summary>Adds <paramref name="url"/> unless it was seen before; returns whether it was new.</summary>
    public bool TryAdd(string url, int depth)
    {
        if (!_seen.Add(Key(url)))
        {
            return false;
        }

        if (!_depths.TryGetValue(depth, out var queue))
        {
            queue = new DepthQueue(Path.Combine(_spillDir, $"depth-{depth:D4}.spill"));
            _depths.Add(depth, queue);
        }

        if (_inMemory < _maxInMemory && !queue.HasSpill)
        {
            queue.Memory.Enqueue(url);
            _inMemory++;
        }
        else
        {
            queue.Spill(url);
        }

        Pending++;
        return true;
    }

    /// <summary>Marks <paramref name="url"/> as seen without queueing it (a URL already fetched by an earlier run).</summary>
    public void MarkSeen(string url) => _seen.Add(Key(url));

    /// <summary>Takes the next URL: the lowest depth first, first-added first within it.</summary>
    public bool TryTake(out FrontierEntry entry)
    {
        foreach (var (depth, queue) in _depths)
        {
            if (queue.Memory.Count == 0 && queue.HasSpill)
            {
                _inMemory += queue.Refill(Math.Max(1, (_maxInMemory - _inMemory) / 2));
            }

            if (queue.Memory.TryDequeue(out var url))
            {
                _inMemory--;
                Pending--;
                entry = new FrontierEntry(url, depth);
                return true;
            }
        }

        entry = default;
        return false;
    }

    public void Dispose()
    {
        foreach (var q in _depths.Values)
        {
            q.Dispose();
        }
    }

    private static ulong Key(string url)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(url), hash);
        return BinaryPrimitives.ReadUInt64LittleEndian(hash);
    }

    /// <summary>One depth's URLs: a memory queue, and behind it a spill file read back in order.</summary>
    private sealed class DepthQueue(string spillPath) : IDisposable
    {
        private StreamWriter? _writer;
        private StreamReader? _reader;
        private long _spilled;
        private long _readBack;

        public Queue<string> Memory { get; } = new();

        public bool HasSpill => _readBack < _spilled;

        public void Spill(string url)
        {
            _writer ??= new StreamWriter(new FileStream(spillPath, FileMode.Create, FileAccess.Write, FileShare.Read), new UTF8Encoding(false));
            _writer.Write(url);
            _writer.Write('\n');
            _spilled++;
        }

        public int Refill(int count)
        {
            _writer?.Flush();
            _reader ??= new StreamReader(new FileStream(spillPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite), new UTF8Encoding(false));
            var n = 0;
            while (n < count && _readBack < _spilled && _reader.ReadLine() is { } line)
            {
                Memory.Enqueue(line);
                _readBack++;
                n++;
            }

            return n;
        }

        public void Dispose()
        {
            _writer?.Dispose();
            _reader?.Dispose();
        }
    }
}
