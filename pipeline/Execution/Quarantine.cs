using System.Text.Json;

namespace Corpus.Pipeline.Execution;

/// <summary>What the quarantine knows of one item: how often a process died reading it, the reject reason the last death gives (<c>crashed</c>, <c>timeout</c>, <c>memory</c>) and how it ended.</summary>
internal sealed record ItemDeaths(int Deaths, string Reason, string Last);

/// <summary>
/// The record of inputs that killed the process reading them, one JSON file per task under
/// <c>_build/quarantine/&lt;phase&gt;/part-NNNNN.json</c> (item position → deaths and the last cause). A build reads a
/// known killer in a worker process, where another death costs the worker; one that has killed
/// <see cref="QuarantineAfter"/> processes is not read again but rejected <c>crashed</c>. The record lives in the
/// output folder, so it outlives the process (a rerun after a crash finishes) and is shared by a cluster's nodes.
/// </summary>
internal sealed class Quarantine(string outputDir, int quarantineAfter)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private readonly Lock _gate = new();

    /// <summary>Deaths after which an item is quarantined.</summary>
    public int QuarantineAfter { get; } = Math.Max(1, quarantineAfter);

    /// <summary>The known killers among the items of one task.</summary>
    public IReadOnlyDictionary<int, ItemDeaths> Of(string phase, int task)
    {
        var path = PathOf(phase, task);
        lock (_gate)
        {
            try
            {
                return File.Exists(path) ? JsonSerializer.Deserialize<SortedDictionary<int, ItemDeaths>>(File.ReadAllBytes(path), Json) ?? [] : new SortedDictionary<int, ItemDeaths>();
            }
            catch (JsonException)
            {
                return new SortedDictionary<int, ItemDeaths>(); // a torn record: the items are read again, isolated where they kill
            }
        }
    }

    /// <summary>Records one more death of a process reading item <paramref name="item"/> of a task; returns its deaths so far.</summary>
    public int RecordDeath(string phase, int task, int item, string reason, string cause)
    {
        lock (_gate)
        {
            var known = new SortedDictionary<int, ItemDeaths>(Of(phase, task).ToDictionary());
            var deaths = (known.TryGetValue(item, out var before) ? before.Deaths : 0) + 1;
            known[item] = new ItemDeaths(deaths, reason, cause);
            var path = PathOf(phase, task);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            AtomicFile.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(known, Json));
            return deaths;
        }
    }

    /// <summary>
    /// Turns in-flight markers left by processes that died into deaths of the items they name, and deletes them:
    /// every marker at the start of a build (no process of this build runs yet), or one task's marker when the worker
    /// holding it was lost. Returns the items charged.
    /// </summary>
    public IReadOnlyList<(string Phase, int Task, int Item)> CollectDeaths(string cause, PhaseTask? only = null)
    {
        var charged = new List<(string, int, int)>();
        var root = InFlightMarker.DirectoryOf(outputDir);
        IEnumerable<string> markers = only is { } task
            ? [InFlightMarker.PathOf(outputDir, task.Phase, task.Index)]
            : Directory.Exists(root) ? Directory.EnumerateFiles(root, "part-*", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : [];
        foreach (var marker in markers)
        {
            if (!File.Exists(marker))
            {
                continue;
            }

            var phase = Path.GetFileName(Path.GetDirectoryName(marker)!);
            if (InFlightMarker.ReadInFlight(marker) is { } item && int.TryParse(Path.GetFileName(marker).AsSpan(5), out var index))
            {
                RecordDeath(phase, index, item, Ingest.Files.RejectReasons.Crashed, cause);
                charged.Add((phase, index, item));
            }

            File.Delete(marker);
        }

        return charged;
    }

    private string PathOf(string phase, int task) => Path.Combine(outputDir, BuildLayout.StateDir, "quarantine", phase, PhaseTask.NameOf(task) + ".json");
}
