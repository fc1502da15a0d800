namespace Corpus.Filters.Classification.Code;

/// <summary>What a document is, as far as code goes.</summary>
public enum CodeKind
{
    /// <summary>Prose with no code to speak of.</summary>
    Prose,

    /// <summary>Prose with code in it: a tutorial, an answer on a Q&amp;A site, documentation with examples.</summary>
    ProseWithCode,

    /// <summary>Source code (or a config or markup file), perhaps with comments.</summary>
    Code,
}
