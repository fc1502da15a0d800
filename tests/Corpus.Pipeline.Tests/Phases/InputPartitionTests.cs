using System.Text;
using Corpus.Ingest.Files;
using Corpus.Ingest.Warc;
using Corpus.Pipeline.Phases;

namespace Corpus.Pipeline.Tests.Phases;

public sealed class InputPartitionTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "corpus-input-partition-" + Guid.NewGuid().ToString("N"));

    public InputPartitionTests() => Directory.CreateDirectory(Path.Combine(_dir, "in"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(1L)] // every record spills a run of its own: the external merge decides the order
    [InlineData(1L << 30)] // one run, sorted in memory
    public void Items_on_disk_are_the_in_memory_index_cut_into_tasks(long runBytes)
    {
        WriteInputs();
        var files = InputFileLister.List(Path.Combine(_dir, "in")).ToList();
        var expected = InputIndex.Build(files, CancellationToken.None);
        var listed = new List<string>();

        using var partition = InputPartition.Write(files, _dir, 4, f => listed.Add(f.RelativePath), CancellationToken.None, runBytes);

        listed.Should().Equal(files.Select(f => f.RelativePath));
        partition.Items.Should().Be(expected.Count);
        partition.Count.Should().Be((expected.Count + 3) / 4);
        partition.SelectMany(task => task).Should().Equal(expected);
        partition[partition.Count - 1].Should().Equal(expected.Skip((partition.Count - 1) * 4));
        expected.Should().Contain(i => i.RejectReason == RejectReasons.Unreadable || i.IsWarcRecord);
    }

    [Fact]
    public void Disposing_deletes_the_folder_it_wrote()
    {
        WriteInputs();
        var partition = InputPartition.Write(InputFileLister.List(Path.Combine(_dir, "in")), _dir, 2, _ => { }, CancellationToken.None);
        var folders = Directory.GetDirectories(_dir, "corpus-inputs-*");
        folders.Should().ContainSingle();

        partition.Dispose();

        Directory.Exists(folders[0]).Should().BeFalse();
    }

    [Fact]
    public void An_empty_listing_has_no_tasks()
    {
        using var partition = InputPartition.Write([], _dir, 8, _ => { }, CancellationToken.None);

        partition.Count.Should().Be(0);
        partition.Items.Should().Be(0);
    }

    /// <summary>Plain files around two WARC files whose records' URIs interleave, and a WARC file cut short.</summary>
    private void WriteInputs()
    {
        var input = Path.Combine(_dir, "in");
        File.WriteAllText(Path.Combine(input, "a.txt"), "first plain file");
        Directory.CreateDirectory(Path.Combine(input, "sub"));
        File.WriteAllText(Path.Combine(input, "sub", "b.html"), "<p>second</p>");
        var date = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        for (var w = 0; w < 2; w++)
        {
            using var writer = WarcWriter.Create(new WarcWriterOptions { Directory = Path.Combine(input, "crawl"), Prefix = $"w{w}", Seed = w });
            foreach (var n in new[] { 7, 3, 9, 1, 5, 3 })
            {
                writer.WriteResource($"https://example.org/{n}-{(w + n) % 3}", date, "text/plain", Encoding.UTF8.GetBytes($"record {n} of file {w}"));
            }
        }

        var cut = File.ReadAllBytes(Directory.GetFiles(Path.Combine(input, "crawl"), "w1-*")[0]);
        File.WriteAllBytes(Path.Combine(input, "crawl", "z-cut.warc.gz"), cut[..(cut.Length * 2 / 3)]);
        File.WriteAllText(Path.Combine(input, "z.md"), "# last plain file");
    }
}
