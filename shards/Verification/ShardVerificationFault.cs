namespace Corpus.Shards.Verification;

/// <summary>One thing wrong with a build's output.</summary>
/// <param name="Path">The file at fault, relative to the output folder with '/' separators (e.g. <c>manifest.json</c>).</param>
/// <param name="Message">What is wrong with it.</param>
public sealed record ShardVerificationFault(string Path, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Path}: {Message}";
}
