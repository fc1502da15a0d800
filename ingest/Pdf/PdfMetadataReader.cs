using System.Globalization;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Corpus.Ingest.Pdf;

/// <summary>Title, author, language (catalog <c>/Lang</c>) and the other document-information entries.</summary>
internal static class PdfMetadataReader
{
    public static (string? Title, string? Author, string? Language, SortedDictionary<string, string> Metadata) Read(PdfDocument document)
    {
        var metadata = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["pdf-version"] = document.Version.ToString("0.0", CultureInfo.InvariantCulture),
        };
        string? title = null, author = null, language = null;
        try
        {
            var info = document.Information;
            title = Clean(info.Title);
            author = Clean(info.Author);
            Put(metadata, "subject", info.Subject);
            Put(metadata, "keywords", info.Keywords);
            Put(metadata, "creator", info.Creator);
            Put(metadata, "producer", info.Producer);
            Put(metadata, "created", info.CreationDate);
            Put(metadata, "modified", info.ModifiedDate);
        }
#pragma warning disable CA1031 // unreadable metadata is no metadata
        catch (Exception)
        {
        }

        try
        {
            if (document.Structure.Catalog.CatalogDictionary.TryGet(NameToken.Lang, out var token))
            {
                language = Clean(token switch
                {
                    StringToken s => s.Data,
                    HexToken h => h.Data,
                    NameToken n => n.Data,
                    _ => null,
                });
            }
        }
        catch (Exception)
        {
        }
#pragma warning restore CA1031

        return (title, author, language, metadata);
    }

    private static void Put(SortedDictionary<string, string> metadata, string key, string? value)
    {
        var clean = Clean(value);
        if (clean is not null)
        {
            metadata[key] = clean;
        }
    }

    private static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var text = LigatureNormalizer.Normalize(value.Replace("\0", string.Empty, StringComparison.Ordinal)).Trim();
        return text.Length == 0 ? null : text;
    }
}
