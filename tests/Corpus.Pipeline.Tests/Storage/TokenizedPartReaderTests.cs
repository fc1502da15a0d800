using Corpus.Pipeline.Storage;

namespace Corpus.Pipeline.Tests.Storage;

public sealed class TokenizedPartReaderTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "corpus-tokens-" + Guid.NewGuid().ToString("N"));

    public TokenizedPartReaderTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Column_reader_gives_the_rows_the_row_serializer_wrote_across_row_groups_with_empty_lists_and_null_scores()
    {
        var random = new Random(5);
        var rows = Enumerable.Range(0, 40).Select(i => new TokenizedRow
        {
            Id = $"doc-{i}",
            Language = i % 3 == 0 ? "cmn_Hans" : "eng_Latn",
            Domain = i % 4 == 0 ? "code" : "general",
            Source = "web",
            EduScore = i % 5 == 0 ? null : i / 7.0,
            Tokens = i % 6 == 0 ? [] : [.. Enumerable.Range(0, random.Next(1, 300)).Select(_ => random.Next(0, 151_000))],
        }).ToList();
        var path = Path.Combine(_dir, "part-00000.parquet");
        await using (var writer = new ParquetPartWriter<TokenizedRow>(path, _ => 1, maxRowsPerGroup: 9))
        {
            foreach (var row in rows)
            {
                await writer.AddAsync(row, CancellationToken.None);
            }

            await writer.CompleteAsync(CancellationToken.None);
        }

        var read = new List<TokenizedRow>();
        await foreach (var row in TokenizedPartReader.ReadAsync(path))
        {
            read.Add(row);
        }

        var serializer = new List<TokenizedRow>();
        await foreach (var row in ParquetPartReader.ReadAsync<TokenizedRow>(path))
        {
            serializer.Add(row);
        }

        read.Should().BeEquivalentTo(rows, o => o.WithStrictOrdering());
        read.Should().BeEquivalentTo(serializer, o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task A_parquet_file_without_token_columns_is_refused_naming_it()
    {
        var path = Path.Combine(_dir, "part-00001.parquet");
        await using (var writer = new ParquetPartWriter<RejectRow>(path, _ => 1))
        {
            await writer.AddAsync(new RejectRow { Id = "x", Url = "u", Phase = "filter", Reason = "r", Detail = "d" }, CancellationToken.None);
            await writer.CompleteAsync(CancellationToken.None);
        }

        var read = async () =>
        {
            await foreach (var _ in TokenizedPartReader.ReadAsync(path))
            {
            }
        };
        (await read.Should().ThrowAsync<InvalidDataException>()).WithMessage($"*'{path}'*no 'language' column*");
    }
}
