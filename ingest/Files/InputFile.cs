namespace Corpus.Ingest.Files;

/// <summary>A file found under an input folder.</summary>
/// <param name="FullPath">Absolute path on this machine.</param>
/// <param name="RelativePath">Path under the input folder with '/' separators: the document's source URI.</param>
public sealed record InputFile(string FullPath, string RelativePath);
