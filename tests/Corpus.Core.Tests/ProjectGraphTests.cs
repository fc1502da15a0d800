using System.Xml.Linq;
using Corpus.Tests.Shared;

namespace Corpus.Core.Tests;

/// <summary>
/// The rooms of the product and what each may reference: <c>core</c> at the bottom, every room only rooms
/// below it, actors only in <c>pipeline</c>, and the benchmarks, tools and tests outside, never referenced.
/// A new room, or a new reference, is a change to the table below.
/// </summary>
public sealed class ProjectGraphTests
{
    /// <summary>Each product room (its folder), its level, and the rooms it may reference.</summary>
    private static readonly Dictionary<string, (int Level, string[] MayReference)> Rooms = new(StringComparer.Ordinal)
    {
        ["core"] = (0, []),
        ["fasttext"] = (0, []),
        ["ingest"] = (1, ["core"]),
        ["filters"] = (1, ["core", "fasttext"]),
        ["tokenizer"] = (1, ["core"]),
        ["shards"] = (1, ["core"]),
        ["synth"] = (1, ["core"]),
        ["dedup"] = (1, ["core"]),
        ["pipeline"] = (2, ["core", "ingest", "tokenizer", "shards", "filters", "dedup", "synth"]),
        ["cli"] = (3, ["pipeline"]),
    };

    private static IEnumerable<(string Room, XDocument Project)> ProductProjects() =>
        Directory.EnumerateDirectories(RepoData.Root)
            .Select(dir => (Room: Path.GetFileName(dir), File: Directory.EnumerateFiles(dir, "Corpus.*.csproj").SingleOrDefault()))
            .Where(p => p.File is not null && p.Room is not "bench" and not "tools" and not "tests")
            .Select(p => (p.Room, XDocument.Load(p.File!)));

    private static IEnumerable<string> References(XDocument project) =>
        project.Descendants("ProjectReference")
            .Select(r => r.Attribute("Include")!.Value.Replace('\\', '/'))
            .Select(path => path.Split('/', StringSplitOptions.RemoveEmptyEntries).SkipWhile(part => part == "..").First());

    [Fact]
    public void Every_product_room_is_in_the_table()
    {
        ProductProjects().Select(p => p.Room).Should().BeEquivalentTo(Rooms.Keys);
    }

    [Fact]
    public void Rooms_reference_only_rooms_below_them_that_the_table_allows()
    {
        foreach (var (room, project) in ProductProjects())
        {
            var (level, allowed) = Rooms[room];
            foreach (var reference in References(project))
            {
                allowed.Should().Contain(reference, $"{room} may not reference {reference}");
                Rooms[reference].Level.Should().BeLessThan(level, $"{room} references {reference}, which is not below it");
            }
        }
    }

    [Fact]
    public void Only_pipeline_knows_akka()
    {
        foreach (var (room, project) in ProductProjects())
        {
            var akka = project.Descendants("PackageReference").Select(r => r.Attribute("Include")!.Value).Where(p => p.StartsWith("Akka", StringComparison.Ordinal));
            if (room != "pipeline")
            {
                akka.Should().BeEmpty($"{room} references Akka");
                Directory.EnumerateFiles(Path.Combine(RepoData.Root, room), "*.cs", SearchOption.AllDirectories)
                    .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                    .Where(f => File.ReadLines(f).Any(line => line.StartsWith("using Akka", StringComparison.Ordinal)))
                    .Should().BeEmpty($"only pipeline uses actors, not {room}");
            }
        }
    }

    [Fact]
    public void The_fast_lane_holds_every_test_project_but_the_end_to_end_one()
    {
        var filter = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoData.Root, "Corpus.UnitTests.slnf")));
        var listed = filter.RootElement.GetProperty("solution").GetProperty("projects").EnumerateArray()
            .Select(p => p.GetString()!.Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);
        var tests = Directory.EnumerateDirectories(Path.Combine(RepoData.Root, "tests"), "Corpus.*.Tests")
            .Select(Path.GetFileName)
            .Where(name => name != "Corpus.Cli.Tests")
            .Select(name => $"tests/{name}/{name}.csproj");

        listed.Should().Contain(tests);
        listed.Should().Contain(ProductProjects().Where(p => p.Room != "cli").Select(p => $"{p.Room}/{Path.GetFileName(Directory.EnumerateFiles(Path.Combine(RepoData.Root, p.Room), "Corpus.*.csproj").Single())}"));
    }

    [Fact]
    public void No_command_calls_another_commands_members()
    {
        var calls = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoData.Root, "cli"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            var classes = System.Text.RegularExpressions.Regex.Matches(text, @"\bclass (\w+)\b");

            // The class a reference sits in: the last one declared before it (the commands' files hold no nested classes).
            string Enclosing(int at) => classes.LastOrDefault(c => c.Index < at)?.Groups[1].Value ?? string.Empty;
            calls.AddRange(System.Text.RegularExpressions.Regex.Matches(text, @"\b(\w+Command)\.(\w+)")
                .Where(m => m.Groups[1].Value != Enclosing(m.Index))
                .Select(m => $"{Path.GetFileName(file)}: {m.Value} in {Enclosing(m.Index)}"));
        }

        calls.Should().BeEmpty("what two commands share belongs in a room of its own, not in one of them");
    }

    [Fact]
    public void Benchmarks_tools_and_tests_are_never_referenced_by_the_product()
    {
        foreach (var (room, project) in ProductProjects())
        {
            References(project).Should().NotContain(["bench", "tools", "tests"], $"{room} is product code");
        }
    }
}
