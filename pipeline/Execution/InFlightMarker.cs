using System.Globalization;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Corpus.Pipeline.Execution;

/// <summary>
/// The item a task attempt is working on, in a 16-byte file <c>_build/inflight/&lt;phase&gt;/part-NNNNN</c>:
/// <c>in NNNNNNNNNNNN\n</c> while item N is read, <c>ok NNNNNNNNNNNN\n</c> between items. Each change is one
/// positioned write: it reaches the kernel at once, so it survives the process's death (not the machine's), and costs
/// about a microsecond. The file is deleted when the attempt ends; one left behind with <c>in</c> names the item that
/// was being read when its process died (<see cref="Quarantine.CollectDeaths"/>).
/// </summary>
internal sealed class InFlightMarker : IDisposable
{
    private const int RecordBytes = 16;
    private readonly SafeFileHandle _file;
    private readonly string _path;
    private readonly byte[] _record = new byte[RecordBytes];

    private InFlightMarker(string path)
    {
        _path = path;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _file = File.OpenHandle(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
    }

    public static string DirectoryOf(string outputDir) => Path.Combine(outputDir, BuildLayout.StateDir, "inflight");

    public static string PathOf(string outputDir, string phase, int task) => Path.Combine(DirectoryOf(outputDir), phase, PhaseTask.NameOf(task));

    public static InFlightMarker Open(string outputDir, string phase, int task) => new(PathOf(outputDir, phase, task));

    /// <summary>Item <paramref name="item"/> (its position in the task) is being read.</summary>
    public void Enter(int item) => Write("in", item);

    /// <summary>Item <paramref name="item"/> is done.</summary>
    public void Leave(int item) => Write("ok", item);

    /// <summary>The item a marker file says was being read, or null (between items, unreadable, absent).</summary>
    public static int? ReadInFlight(string path)
    {
        try
        {
            var text = Encoding.ASCII.GetString(File.ReadAllBytes(path));
            return text.Length == RecordBytes && text.StartsWith("in ", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(3, 12), NumberStyles.None, CultureInfo.InvariantCulture, out var item)
                ? item
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        _file.Dispose();
        try
        {
            File.Delete(_path);
        }
        catch (IOException)
        {
        }
    }

    private void Write(string state, int item)
    {
        Encoding.ASCII.GetBytes(state, _record);
        _record[2] = (byte)' ';
        item.TryFormat(_record.AsSpan(3, 12), out _, "D12", CultureInfo.InvariantCulture);
        _record[15] = (byte)'\n';
        RandomAccess.Write(_file, _record, 0);
    }
}
