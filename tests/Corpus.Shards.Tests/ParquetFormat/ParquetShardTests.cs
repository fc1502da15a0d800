using DuckDB.NET.Data;
using Parquet;

namespace Corpus.Shards.Tests.ParquetFormat;

public sealed class ParquetShardTests
{
    [Fact]
    public async Task DuckDB_reads_the_counts_and_tokens_written()
    {
        using var dir = new TempDirectory();
        var docs = Docs.Random(seed: 9, count: 120);
        await Shards.WriteAsync(dir.Path, docs, formats: ShardFormats.Parquet, parquetRowGroupDocuments: 50);
        var path = dir["part-00003-0000.parquet"].Replace("'", "''", StringComparison.Ordinal);

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT count(*), CAST(sum(token_count) AS BIGINT) FROM read_parquet('{path}')";
            using var reader = command.ExecuteReader();
            reader.Read().Should().BeTrue();
            Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture).Should().Be(docs.Count);
            Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture).Should().Be(docs.Sum(d => (long)d.Tokens.Length));
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT id, tokens, token_count, language, source, len(tokens) FROM read_parquet('{path}')";
            using var reader = command.ExecuteReader();
            var i = 0;
            while (reader.Read())
            {
                var doc = docs[i++];
                reader.GetString(0).Should().Be(doc.Id);
                ((System.Collections.IEnumerable)reader.GetValue(1)).Cast<int>().Should().Equal(doc.Tokens.ToArray());
                reader.GetInt32(2).Should().Be(doc.Tokens.Length);
                reader.GetString(3).Should().Be(doc.Language);
                reader.GetString(4).Should().Be(doc.Source);
                Convert.ToInt64(reader.GetValue(5), System.Globalization.CultureInfo.InvariantCulture).Should().Be(doc.Tokens.Length);
            }

            i.Should().Be(docs.Count);
        }
    }

    [Fact]
    public async Task ParquetNet_reads_back_every_row()
    {
        using var dir = new TempDirectory();
        var docs = Docs.Random(seed: 10, count: 75);
        await Shards.WriteAsync(dir.Path, docs, formats: ShardFormats.Parquet);

        var rows = await ShardSetWriterTests.ReadParquetAsync(dir["part-00003-0000.parquet"]);

        rows.Should().HaveCount(docs.Count);
        for (var i = 0; i < docs.Count; i++)
        {
            rows[i].Id.Should().Be(docs[i].Id);
            rows[i].Tokens.Should().Equal(docs[i].Tokens.ToArray());
            rows[i].TokenCount.Should().Be(docs[i].Tokens.Length);
            rows[i].Language.Should().Be(docs[i].Language);
            rows[i].Source.Should().Be(docs[i].Source);
        }
    }

    [Fact]
    public async Task Row_groups_are_bounded_by_documents_and_token_bytes()
    {
        using var dir = new TempDirectory();
        await using (var writer = ShardSetWriter.Create(new ShardSetOptions
        {
            OutputDirectory = dir.Path,
            BaseName = "p",
            EndOfTextId = Docs.EndOfText,
            Formats = ShardFormats.Parquet,
            ParquetRowGroupDocuments = 7,
            ParquetRowGroupTokenBytes = 1000,
        }))
        {
            // 20 documents of 10 tokens: the document bound cuts 7, 7.
            foreach (var i in Enumerable.Range(0, 20))
            {
                await writer.AddAsync(Docs.OfLength($"a{i}", 10));
            }

            // 3 documents of 200 tokens (800 bytes each): the first takes the 6 short ones past
            // 1000 bytes (a group of 7), the next two pass it together (a group of 2).
            foreach (var i in Enumerable.Range(0, 3))
            {
                await writer.AddAsync(Docs.OfLength($"b{i}", 200));
            }

            await writer.CompleteAsync();
        }

        await using var reader = await ParquetReader.CreateAsync(dir["p-0000.parquet"]);
        Enumerable.Range(0, reader.RowGroupCount).Select(g => reader.OpenRowGroupReader(g).RowCount).Should().Equal(7, 7, 7, 2);
    }
}
