using Corpus.Tests.Shared;
using System.Text;

namespace Corpus.Tokenizer.Tests;

public sealed class BytePairMergerTests
{
    [Fact]
    public void Scan_and_queue_merges_agree_on_every_piece_of_a_sample_of_udhr()
    {
        var definition = TokenizerJson.Read(File.ReadAllBytes(RepoData.TokenizerJsonPath), RepoData.TokenizerJsonPath);
        var random = new Random(12345);
        int compared = 0;
        foreach (var (_, text) in RepoData.UdhrTranslations.Where((_, i) => i % 7 == 0))
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(text);
            for (int start = 0; start < utf8.Length - 1; start += 1 + random.Next(200))
            {
                int length = Math.Min(utf8.Length - start, 1 + random.Next(BytePairMerger.ScanLimit * 2));
                int[] symbols = [.. utf8.AsSpan(start, length).ToArray().Select(b => definition.ByteToId[b])];
                int[] byScan = (int[])symbols.Clone();
                int[] byQueue = (int[])symbols.Clone();
                int scanCount = BytePairMerger.MergeByScan(byScan, definition.Merges);
                int queueCount = BytePairMerger.MergeByQueue(byQueue, definition.Merges);
                byScan.AsSpan(0, scanCount).SequenceEqual(byQueue.AsSpan(0, queueCount)).Should().BeTrue();
                compared++;
            }
        }

        compared.Should().BeGreaterThan(10_000);
    }
}
