using Corpus.Tests.Shared;

namespace Corpus.Tokenizer.Tests;

[Collection(TokenizerCollection.Name)]
public sealed class StreamTests(TokenizerFixture fixture)
{
    private static List<string> Documents() =>
        RepoData.UdhrTranslations.Select(t => t.Text)
            .Concat(Samples.SourceCode.Values).Concat(Samples.Adversarial.Values).Concat(Samples.WithAddedTokens.Values)
            .Concat(Enumerable.Range(0, 3000).Select(i => i % 7 == 0 ? string.Empty : $"line {i}: {new string('x', i % 50)}"))
            .ToList();

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(8, true)]
    public void EncodeStream_gives_each_document_its_own_ids_in_input_order(int threads, bool withSpecialTokens)
    {
        var texts = Documents();

        var streamed = fixture.Ours.EncodeStream(texts, withSpecialTokens, threads).Select(ids => ids.ToArray()).ToList();

        streamed.Should().HaveCount(texts.Count);
        for (int i = 0; i < texts.Count; i++)
        {
            var expected = withSpecialTokens ? fixture.Ours.EncodeWithSpecialTokens(texts[i]) : fixture.Ours.Encode(texts[i]);
            streamed[i].Should().Equal(expected, $"document {i}");
        }
    }

    [Fact]
    public void EncodeStream_reads_the_source_lazily_and_holds_a_bounded_window()
    {
        long produced = 0;
        IEnumerable<string> Endless()
        {
            while (true)
            {
                Interlocked.Increment(ref produced);
                yield return "A document of some words, over and over.";
            }
        }

        int taken = 0;
        foreach (var ids in fixture.Ours.EncodeStream(Endless(), false, 2))
        {
            ids.Length.Should().BeGreaterThan(0);
            if (++taken == 10_000)
            {
                break;
            }
        }

        // Two threads, four groups each at most ahead of the consumer, each group at most 512 documents.
        Interlocked.Read(ref produced).Should().BeLessThanOrEqualTo(10_000 + (8 + 1) * 512);
    }

    [Fact]
    public void EncodeStream_delivers_every_document_before_a_failing_source_then_throws_its_exception()
    {
        IEnumerable<string> FailingAt(int count)
        {
            for (int i = 0; i < count; i++)
            {
                yield return $"document {i}";
            }

            throw new IOException("the source broke at document " + count);
        }

        foreach (int threads in new[] { 1, 2 })
        {
            var delivered = new List<int[]>();
            var act = () =>
            {
                foreach (var ids in fixture.Ours.EncodeStream(FailingAt(1500), false, threads))
                {
                    delivered.Add(ids.ToArray());
                }
            };

            act.Should().Throw<IOException>().WithMessage("the source broke at document 1500");
            delivered.Should().HaveCount(1500, $"{threads} threads");
            delivered[1499].Should().Equal(fixture.Ours.Encode("document 1499"));
        }
    }

    [Fact]
    public void EncodeStream_names_a_null_document_and_refuses_zero_threads()
    {
        var act = () => fixture.Ours.EncodeStream(["a", null!, "b"], false, 2).Select(ids => ids.Length).ToList();
        act.Should().Throw<ArgumentException>().WithParameterName("texts");

        var zero = () => fixture.Ours.EncodeStream(["a"], false, 0);
        zero.Should().Throw<ArgumentOutOfRangeException>();
        fixture.Ours.EncodeStream([], false, 2).Should().BeEmpty();
    }

    [Fact]
    public void EncodeStream_stopped_early_stops_its_workers_and_disposes_the_source()
    {
        bool disposed = false;
        IEnumerable<string> Source()
        {
            try
            {
                for (int i = 0; i < 1_000_000; i++)
                {
                    yield return "Some text to encode, again and again.";
                }
            }
            finally
            {
                disposed = true;
            }
        }

        fixture.Ours.EncodeStream(Source(), false, 4).Take(10).ToList().Should().HaveCount(10);

        // The source is disposed only after every worker has ended.
        disposed.Should().BeTrue();
    }
}
