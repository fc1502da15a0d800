using System.Collections.Immutable;
using Corpus.Core.Documents;
using Corpus.Core.Languages;

namespace Corpus.Pipeline.Storage;

/// <summary>Converts between <see cref="Document"/> and its Parquet row, both ways, losing nothing.</summary>
internal static class DocumentRows
{
    public static DocumentRow ToRow(Document d) => new()
    {
        Id = d.Id,
        SourceUri = d.SourceUri,
        SourceKind = d.SourceKind.ToName(),
        ContentType = d.ContentType,
        Title = d.Title,
        Text = d.Text,
        Language = d.Language?.ToString(),
        Scores = new Dictionary<string, double>(d.Scores, StringComparer.Ordinal),
        Labels = new Dictionary<string, string>(d.Labels, StringComparer.Ordinal),
        Metadata = new Dictionary<string, string>(d.Metadata, StringComparer.Ordinal),
    };

    /// <summary>The document a row holds; a row that breaks the schema throws <see cref="InvalidDataException"/> naming the field.</summary>
    public static Document ToDocument(DocumentRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        LanguageCode? language = null;
        if (row.Language is { } code)
        {
            if (!LanguageCode.TryParse(code, out var parsed))
            {
                throw new InvalidDataException($"document {row.Id}: language '{code}' is not a code like eng_Latn");
            }

            language = parsed;
        }

        SourceKind kind;
        try
        {
            kind = SourceKindNames.Parse(row.SourceKind);
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"document {row.Id}: {e.Message}", e);
        }

        return new Document
        {
            Id = row.Id,
            SourceUri = row.SourceUri,
            SourceKind = kind,
            ContentType = row.ContentType,
            Title = row.Title,
            Text = row.Text,
            Language = language,
            Scores = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, row.Scores ?? []),
            Labels = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, row.Labels ?? []),
            Metadata = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, row.Metadata ?? []),
        };
    }
}
