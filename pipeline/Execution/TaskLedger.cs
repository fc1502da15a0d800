using System.Text.Json;

namespace Corpus.Pipeline.Execution;

/// <summary>
/// The record of committed tasks: one small JSON file per task under
/// <c>_build/tasks/&lt;phase&gt;/part-NNNNN.json</c>, written by temp-file-and-rename after the
/// task's outputs are in place. A task with an entry is never run again; one without is redone
/// from scratch, overwriting whatever a killed attempt left.
/// </summary>
internal sealed class TaskLedger
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private readonly string _root;

    /// <summary>The ledger of the build in <paramref name="outputDir"/>.</summary>
    public TaskLedger(string outputDir)
    {
        _root = Path.Combine(outputDir, BuildLayout.StateDir, "tasks");
    }

    /// <summary>Whether task <paramref name="index"/> of <paramref name="phase"/> committed.</summary>
    public bool IsCommitted(string phase, int index) => File.Exists(PathOf(phase, index));

    /// <summary>Records task <paramref name="index"/> as committed with its result.</summary>
    public void Commit<T>(string phase, int index, T entry)
    {
        var path = PathOf(phase, index);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(entry, Json));
    }

    /// <summary>Reads the result recorded for a committed task.</summary>
    public T Read<T>(string phase, int index)
    {
        var path = PathOf(phase, index);
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllBytes(path), Json)
                ?? throw new InvalidDataException($"task ledger entry '{path}' is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"task ledger entry '{path}' is malformed: {e.Message}", e);
        }
    }

    /// <summary>How many tasks of <paramref name="phase"/> committed.</summary>
    public int CountCommitted(string phase)
    {
        var dir = Path.Combine(_root, phase);
        return Directory.Exists(dir) ? Directory.EnumerateFiles(dir, "*.json").Count() : 0;
    }

    private string PathOf(string phase, int index) => Path.Combine(_root, phase, PhaseTask.NameOf(index) + ".json");
}
