namespace Corpus.Ingest.Pdf;

/// <summary>The clean text of a PDF and what its metadata says about it.</summary>
/// <param name="Text">Paragraphs separated by blank lines, in reading order, without running headers, footers and page numbers.</param>
/// <param name="Title">The document information's title, if any.</param>
/// <param name="Author">The document information's author, if any.</param>
/// <param name="Language">The catalog's <c>/Lang</c> (a BCP 47 tag), if any.</param>
/// <param name="Pages">Number of pages in the document.</param>
/// <param name="Metadata">Other facts (producer, creator, subject, keywords, dates, pdf version, failed pages), keys sorted.</param>
public sealed record PdfDocumentText(string Text, string? Title, string? Author, string? Language, int Pages, IReadOnlyDictionary<string, string> Metadata);
