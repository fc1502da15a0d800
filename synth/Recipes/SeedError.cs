namespace Corpus.Synth.Recipes;

/// <summary>A line of a seeds file that was not used, and why.</summary>
/// <param name="Path">The seeds file.</param>
/// <param name="Line">The line number, from 1.</param>
/// <param name="Reason">What is wrong with it.</param>
public sealed record SeedError(string Path, int Line, string Reason)
{
    /// <summary><c>file:line: reason</c>.</summary>
    public override string ToString() => $"{Path}:{Line}: {Reason}";
}
