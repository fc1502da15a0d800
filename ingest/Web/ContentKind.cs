namespace Corpus.Ingest.Web;

/// <summary>Which extractor a fetched body goes to.</summary>
public enum ContentKind
{
    /// <summary>HTML (or XHTML): text extraction and link extraction.</summary>
    Html,

    /// <summary>PDF: the PDF extractor.</summary>
    Pdf,

    /// <summary>Plain text: taken as it is.</summary>
    Text,

    /// <summary>Nothing to extract; the route's reason says why.</summary>
    Skip,
}
