using System.Collections;
using Corpus.Ingest.Files;

namespace Corpus.Pipeline.Phases;

/// <summary>
/// The ingest phase's items, one list per task, kept in a file instead of memory, so a build's memory
/// does not grow with the number of input files or WARC records. <see cref="Write"/> streams the
/// listing once: plain files go straight to the file in listing order; WARC/WET records are sorted
/// in runs of <see cref="RunBytes"/> spilled to disk and merged after them (an external sort in
/// <see cref="InputIndex.CompareRecords"/> order). Memory holds one file offset per task. Reading a
/// task's items opens the file, so tasks on several threads read it at once. Disposing deletes the
/// folder.
/// </summary>
internal sealed class InputPartition : IReadOnlyList<IReadOnlyList<InputItem>>, IDisposable
{
    /// <summary>About the most bytes of WARC record items sorted in memory at once.</summary>
    public const long RunBytes = 16L * 1024 * 1024;

    private const string ItemsFile = "items.bin";
    private const int BufferBytes = 1 << 16;

    private readonly string _folder;
    private readonly long[] _taskOffsets;
    private readonly long _items;
    private readonly int _itemsPerTask;

    private InputPartition(string folder, long[] taskOffsets, long items, int itemsPerTask)
    {
        _folder = folder;
        _taskOffsets = taskOffsets;
        _items = items;
        _itemsPerTask = itemsPerTask;
    }

    /// <summary>The number of tasks.</summary>
    public int Count => _taskOffsets.Length;

    /// <summary>Every item, in order.</summary>
    public long Items => _items;

    /// <summary>Task <paramref name="index"/>'s items, read from the file.</summary>
    public IReadOnlyList<InputItem> this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var count = (int)Math.Min(_itemsPerTask, _items - ((long)index * _itemsPerTask));
            var items = new List<InputItem>(count);
            using var stream = new FileStream(Path.Combine(_folder, ItemsFile), FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes);
            stream.Position = _taskOffsets[index];
            using var reader = new BinaryReader(stream);
            for (var i = 0; i < count; i++)
            {
                items.Add(ReadItem(reader));
            }

            return items;
        }
    }

    /// <summary>
    /// Indexes <paramref name="files"/> into a new folder under <paramref name="parent"/>, <paramref name="itemsPerTask"/>
    /// items a task; <paramref name="listed"/> sees each file as it is listed. <paramref name="runBytes"/> is for tests.
    /// </summary>
    public static InputPartition Write(IEnumerable<InputFile> files, string parent, int itemsPerTask, Action<InputFile> listed, CancellationToken ct, long runBytes = RunBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(itemsPerTask, 1);
        var folder = Path.Combine(parent, "corpus-inputs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var offsets = new List<long>();
            long items = 0;
            var runs = new List<string>();
            using (var stream = new FileStream(Path.Combine(folder, ItemsFile), FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferBytes))
            using (var writer = new BinaryWriter(stream))
            {
                void Append(InputItem item)
                {
                    if (items % itemsPerTask == 0)
                    {
                        writer.Flush();
                        offsets.Add(stream.Position);
                    }

                    WriteItem(writer, item);
                    items++;
                }

                var run = new List<InputItem>();
                long held = 0;
                foreach (var file in files)
                {
                    ct.ThrowIfCancellationRequested();
                    listed(file);
                    InputIndex.Scan(file, Append, record =>
                    {
                        run.Add(record);
                        held += SizeOf(record);
                        if (held >= runBytes)
                        {
                            runs.Add(Spill(run, folder, runs.Count));
                            held = 0;
                        }
                    });
                }

                if (runs.Count == 0)
                {
                    run.Sort(InputIndex.CompareRecords);
                    run.ForEach(Append);
                }
                else
                {
                    if (run.Count > 0)
                    {
                        runs.Add(Spill(run, folder, runs.Count));
                    }

                    Merge(runs, Append, ct);
                }
            }

            foreach (var path in runs)
            {
                File.Delete(path);
            }

            return new InputPartition(folder, [.. offsets], items, itemsPerTask);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a temporary folder; the system's cleaning takes what is left
        }
    }

    public IEnumerator<IReadOnlyList<InputItem>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static long SizeOf(InputItem item) =>
        96 + (2L * (item.File.FullPath.Length + item.File.RelativePath.Length + (item.Uri?.Length ?? 0) + (item.RejectDetail?.Length ?? 0)));

    /// <summary>Sorts <paramref name="run"/>, writes it to a run file, empties it and returns the file's path.</summary>
    private static string Spill(List<InputItem> run, string folder, int number)
    {
        run.Sort(InputIndex.CompareRecords);
        var path = Path.Combine(folder, $"run-{number:D6}.bin");
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferBytes))
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(run.Count);
            foreach (var item in run)
            {
                WriteItem(writer, item);
            }
        }

        run.Clear();
        return path;
    }

    /// <summary>Merges the sorted run files into one order; a run's buffer is small, so many runs stay cheap.</summary>
    private static void Merge(List<string> runs, Action<InputItem> append, CancellationToken ct)
    {
        var readers = new List<(BinaryReader Reader, int Left)>();
        var heap = new PriorityQueue<(InputItem Item, int Run), InputItem>(Comparer<InputItem>.Create(InputIndex.CompareRecords));
        try
        {
            for (var r = 0; r < runs.Count; r++)
            {
                var reader = new BinaryReader(new FileStream(runs[r], FileMode.Open, FileAccess.Read, FileShare.Read, 4096));
                var left = reader.ReadInt32();
                readers.Add((reader, left));
                Next(r);
            }

            long merged = 0;
            while (heap.TryDequeue(out var top, out _))
            {
                if (++merged % 65_536 == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }

                append(top.Item);
                Next(top.Run);
            }
        }
        finally
        {
            foreach (var (reader, _) in readers)
            {
                reader.Dispose();
            }
        }

        void Next(int r)
        {
            var (reader, left) = readers[r];
            if (left > 0)
            {
                var item = ReadItem(reader);
                readers[r] = (reader, left - 1);
                heap.Enqueue((item, r), item);
            }
        }
    }

    private static void WriteItem(BinaryWriter writer, InputItem item)
    {
        writer.Write(item.File.FullPath);
        writer.Write(item.File.RelativePath);
        writer.Write(item.RecordOffset);
        var flags = (byte)((item.Uri is null ? 0 : 1) | (item.RejectReason is null ? 0 : 2) | (item.RejectDetail is null ? 0 : 4));
        writer.Write(flags);
        if (item.Uri is not null)
        {
            writer.Write(item.Uri);
        }

        if (item.RejectReason is not null)
        {
            writer.Write(item.RejectReason);
        }

        if (item.RejectDetail is not null)
        {
            writer.Write(item.RejectDetail);
        }
    }

    private static InputItem ReadItem(BinaryReader reader)
    {
        var file = new InputFile(reader.ReadString(), reader.ReadString());
        var offset = reader.ReadInt64();
        var flags = reader.ReadByte();
        var uri = (flags & 1) != 0 ? reader.ReadString() : null;
        var reason = (flags & 2) != 0 ? reader.ReadString() : null;
        var detail = (flags & 4) != 0 ? reader.ReadString() : null;
        return new InputItem(file, offset, uri, reason, detail);
    }
}
