namespace Corpus.Shards.Reports;

/// <summary>One programming language among a build's code documents (the filter phase's <c>programming_language</c> label).</summary>
/// <param name="Language">The language's name, e.g. <c>Python</c>.</param>
/// <param name="Documents">Documents labelled with it.</param>
/// <param name="Tokens">Their tokens.</param>
/// <param name="Share">Their share of the tokens of every document with a programming language (0..1).</param>
public sealed record ProgrammingLanguageShare(string Language, long Documents, long Tokens, double Share);
