namespace Corpus.Shards.Packing;

/// <summary>How a packer sizes and pads its sequences.</summary>
public sealed record PackingOptions
{
    /// <summary>Default <see cref="WindowTokens"/> in contexts: 64 × <see cref="ContextLength"/>.</summary>
    public const int DefaultWindowContexts = 64;

    /// <summary>Tokens per sequence (e.g. 4,096 or 32,768).</summary>
    public required int ContextLength { get; init; }

    /// <summary>The id that fills a sequence after its last segment.</summary>
    public required int PadId { get; init; }

    /// <summary>
    /// At most this many document tokens are held before the best-fit packer closes its bins and
    /// emits them; 0 means <see cref="DefaultWindowContexts"/> × <see cref="ContextLength"/>. At least
    /// <see cref="ContextLength"/>.
    /// </summary>
    public long WindowTokens { get; init; }

    /// <summary>The window in effect: <see cref="WindowTokens"/>, or its default when 0.</summary>
    public long EffectiveWindowTokens => WindowTokens == 0 ? (long)DefaultWindowContexts * ContextLength : WindowTokens;

    internal void Validate()
    {
        if (ContextLength < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ContextLength), ContextLength, "the context length must be positive");
        }

        if (WindowTokens != 0 && WindowTokens < ContextLength)
        {
            throw new ArgumentOutOfRangeException(nameof(WindowTokens), WindowTokens, $"the window must hold at least one context ({ContextLength} tokens)");
        }
    }
}
