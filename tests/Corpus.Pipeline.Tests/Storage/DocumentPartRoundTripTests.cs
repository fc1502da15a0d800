using System.Collections.Immutable;
using Corpus.Core.Documents;
using Corpus.Core.Languages;
using Corpus.Pipeline.Storage;

namespace Corpus.Pipeline.Tests.Storage;

public sealed class DocumentPartRoundTripTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "corpus-parts-" + Guid.NewGuid().ToString("N"));

    public DocumentPartRoundTripTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Documents_read_back_from_a_parquet_part_equal_what_was_written_across_row_groups()
    {
        var documents = Enumerable.Range(0, 25).Select(i => new Document
        {
            Id = DocumentId.Compute($"u{i}", $"text {i}"),
            SourceUri = $"http://example.test/{i}",
            SourceKind = i % 2 == 0 ? SourceKind.Warc : SourceKind.File,
            ContentType = "text/html",
            Title = i % 3 == 0 ? null : $"Title {i}",
            Text = $"Text {i} \u4f60\u597d \u0645\u0631\u062d\u0628\u0627",
            Language = i % 4 == 0 ? null : LanguageCode.Parse("eng_Latn"),
            Scores = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, double> { ["edu"] = i / 10.0 }),
            Labels = i % 5 == 0 ? ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal) : ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string> { ["domain"] = "law" }),
            Metadata = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string> { ["http_status"] = "200", ["warc_file"] = "a.warc.gz" }),
        }).ToList();

        var path = Path.Combine(_dir, "part-00000.parquet");
        await using (var writer = new ParquetPartWriter<DocumentRow>(path, _ => 1, maxRowsPerGroup: 7))
        {
            foreach (var d in documents)
            {
                await writer.AddAsync(DocumentRows.ToRow(d), CancellationToken.None);
            }

            await writer.CompleteAsync(CancellationToken.None);
        }

        var back = new List<Document>();
        await foreach (var row in ParquetPartReader.ReadAsync<DocumentRow>(path))
        {
            back.Add(DocumentRows.ToDocument(row));
        }

        back.Should().BeEquivalentTo(documents, o => o.WithStrictOrdering());
    }

    [Fact]
    public void A_row_with_a_bad_language_code_names_the_document_and_the_value()
    {
        var row = DocumentRows.ToRow(new Document { Id = "abc", SourceUri = "u", SourceKind = SourceKind.File, ContentType = "text/plain", Text = "t" });
        row.Language = "english";
        var act = () => DocumentRows.ToDocument(row);
        act.Should().Throw<InvalidDataException>().WithMessage("*abc*english*");
    }
}
