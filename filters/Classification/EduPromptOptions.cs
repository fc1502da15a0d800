namespace Corpus.Filters.Classification;

/// <summary>How <see cref="EduPrompt"/> builds the annotation prompt.</summary>
public sealed record EduPromptOptions
{
    /// <summary>
    /// The document is cut to this many characters (at a whitespace where one is near) before it goes
    /// into the prompt. Default 6,000, about 1,500 tokens: enough to judge, cheap to send.
    /// </summary>
    public int MaxDocumentChars { get; init; } = 6000;
}
