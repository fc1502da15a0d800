using System.Text;

namespace Corpus.Filters.Languages.Training;

/// <summary>
/// Each language group's training file: the lines of the main training file whose label is one of the
/// group's, in the same order (read as a stream, one line at a time).
/// </summary>
public static class LidGroupData
{
    /// <summary>
    /// Writes, for each group, its lines of <paramref name="trainingFile"/> to <paramref name="pathOf"/>(group);
    /// returns each group's line count per label (a label with no line is absent).
    /// </summary>
    /// <exception cref="ArgumentException">A label is in two groups.</exception>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Write(string trainingFile, IReadOnlyList<LidLanguageGroup> groups, Func<LidLanguageGroup, string> pathOf)
    {
        ArgumentNullException.ThrowIfNull(trainingFile);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(pathOf);
        var groupOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var label in groups[g].Labels)
            {
                if (!groupOf.TryAdd("__label__" + label, g))
                {
                    throw new ArgumentException($"the label '{label}' is in two language groups ('{groups[groupOf["__label__" + label]].Name}' and '{groups[g].Name}')", nameof(groups));
                }
            }
        }

        var counts = groups.Select(_ => new SortedDictionary<string, int>(StringComparer.Ordinal)).ToArray();
        var writers = new StreamWriter[groups.Count];
        try
        {
            for (var g = 0; g < groups.Count; g++)
            {
                writers[g] = new StreamWriter(pathOf(groups[g]), false, new UTF8Encoding(false), 1 << 16);
            }

            using var reader = new StreamReader(trainingFile, new UTF8Encoding(false), false, 1 << 16);
            while (reader.ReadLine() is { } line)
            {
                var space = line.IndexOf(' ', StringComparison.Ordinal);
                var label = space < 0 ? line : line[..space];
                if (groupOf.TryGetValue(label, out var g))
                {
                    writers[g].Write(line);
                    writers[g].Write('\n');
                    var bare = label["__label__".Length..];
                    counts[g][bare] = counts[g].GetValueOrDefault(bare) + 1;
                }
            }
        }
        finally
        {
            foreach (var writer in writers)
            {
                writer?.Dispose();
            }
        }

        return groups.Select((group, g) => (group.Name, Counts: (IReadOnlyDictionary<string, int>)counts[g]))
            .ToDictionary(p => p.Name, p => p.Counts, StringComparer.Ordinal);
    }
}
