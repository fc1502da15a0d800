namespace Corpus.Shards.Packing;

/// <summary>
/// Turns the pieces of one sequence into a <see cref="PackedSequence"/> (copying their tokens and
/// padding the rest) and keeps the counts both packers report.
/// </summary>
internal sealed class SequenceAssembler
{
    private readonly int _contextLength;
    private readonly int _padId;
    private long _sequences;
    private long _realTokens;
    private long _paddingTokens;
    private long _pieces;

    public SequenceAssembler(PackingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _contextLength = options.ContextLength;
        _padId = options.PadId;
    }

    public int ContextLength => _contextLength;

    public long Documents { get; set; }

    public long DocumentsTruncated { get; set; }

    public PackingStats Stats => new(_sequences, _realTokens, _paddingTokens, Documents, DocumentsTruncated, _pieces);

    /// <summary>Checks a document before it is packed: an id and at least one token.</summary>
    public static void Validate(PackingDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(document.Id);
        if (document.Tokens.IsEmpty)
        {
            throw new ArgumentException($"document '{document.Id}' has no tokens; it must end with the end-of-text id", nameof(document));
        }
    }

    public PackedSequence Build(ReadOnlySpan<PackingPiece> pieces)
    {
        var tokens = new int[_contextLength];
        var cu = new int[pieces.Length + 1];
        var ids = new string[pieces.Length];
        var chunks = new int[pieces.Length];
        var languages = new string[pieces.Length];
        var domains = new string[pieces.Length];
        var sources = new string[pieces.Length];
        var at = 0;
        for (var i = 0; i < pieces.Length; i++)
        {
            var piece = pieces[i];
            piece.Tokens.CopyTo(tokens.AsSpan(at));
            at += piece.Length;
            cu[i + 1] = at;
            ids[i] = piece.Document.Id;
            chunks[i] = piece.ChunkIndex;
            languages[i] = piece.Document.Language;
            domains[i] = piece.Document.Domain;
            sources[i] = piece.Document.Source;
        }

        var padding = _contextLength - at;
        tokens.AsSpan(at).Fill(_padId);
        _sequences++;
        _realTokens += at;
        _paddingTokens += padding;
        _pieces += pieces.Length;
        return new PackedSequence(tokens, cu, ids, chunks, languages, domains, sources, padding);
    }
}
