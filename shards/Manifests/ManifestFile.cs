namespace Corpus.Shards.Manifests;

/// <summary>One file of a build as <c>manifest.json</c> lists it.</summary>
/// <param name="Path">Path relative to the build output folder, '/' separators, e.g. <c>shards/s1/part-00000-0000.bin</c>.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file.</param>
/// <param name="Bytes">File size in bytes.</param>
/// <param name="Documents">Documents the file holds.</param>
/// <param name="Tokens">Tokens the file holds, end-of-text ids included.</param>
public sealed record ManifestFile(string Path, string Sha256, long Bytes, long Documents, long Tokens);
