using Corpus.Pipeline.Phases;
using Corpus.Shards.Packing;

namespace Corpus.Pipeline.Tests.Phases;

public sealed class ScatterFileTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "corpus-scatter-" + Guid.NewGuid().ToString("N") + ".bin");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Sequences_read_back_as_written_and_in_order()
    {
        var written = new List<PackedSequence>
        {
            new([1, 2, 3, 0], [0, 2, 3], ["doc-a", "doc-ß/ü"], [0, 3], ["en", "de"], ["web", "web"], ["warc", "file"], 1),
            new([.. Enumerable.Range(0, 32_768)], [0, 32_768], ["长文档"], [7], ["zh"], ["stem"], ["synth"], 0),
            new([], [0], [], [], [], [], [], 0),
        };

        using (var writer = ScatterFile.Create(_path))
        {
            foreach (var sequence in written)
            {
                writer.Add(sequence);
            }
        }

        var read = ScatterFile.ReadAll(_path);

        read.Should().HaveCount(written.Count);
        for (var i = 0; i < written.Count; i++)
        {
            read[i].Should().BeEquivalentTo(written[i], o => o.WithStrictOrdering());
        }
    }

    [Fact]
    public void A_file_cut_short_is_an_error_not_a_shorter_list()
    {
        using (var writer = ScatterFile.Create(_path))
        {
            writer.Add(new PackedSequence([1, 2, 3, 4], [0, 4], ["d"], [0], ["en"], ["web"], ["warc"], 0));
        }

        var bytes = File.ReadAllBytes(_path);
        File.WriteAllBytes(_path, bytes[..^3]);

        var read = () => ScatterFile.ReadAll(_path);

        read.Should().Throw<EndOfStreamException>();
    }
}
