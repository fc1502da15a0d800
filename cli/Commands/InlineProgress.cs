namespace Corpus.Cli.Commands;

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread.</summary>
internal sealed class InlineProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
