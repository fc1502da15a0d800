using System.Runtime.InteropServices;

namespace Corpus.Shards.Packing;

/// <summary>
/// The baseline: documents concatenated in arrival order and chopped every context length, a
/// document cut wherever a boundary falls; the last sequence is padded. Holds at most one sequence.
/// </summary>
public sealed class ConcatChopPacker : ISequencePacker
{
    private readonly SequenceAssembler _assembler;
    private readonly List<PackingPiece> _pieces = [];
    private int _filled;
    private long _arrivals;
    private bool _completed;

    /// <summary>A packer for <paramref name="options"/> (<see cref="PackingOptions.WindowTokens"/> is not used).</summary>
    public ConcatChopPacker(PackingOptions options) => _assembler = new SequenceAssembler(options);

    /// <inheritdoc/>
    public long BufferedTokens => _filled;

    /// <inheritdoc/>
    public PackingStats Stats => _assembler.Stats;

    /// <inheritdoc/>
    public IReadOnlyList<PackedSequence> Add(PackingDocument document)
    {
        SequenceAssembler.Validate(document);
        ThrowIfCompleted();
        var context = _assembler.ContextLength;
        var length = document.Tokens.Length;
        _assembler.Documents++;
        List<PackedSequence>? output = null;
        var chunk = 0;
        for (var start = 0; start < length; chunk++)
        {
            var take = Math.Min(context - _filled, length - start);
            _pieces.Add(new PackingPiece(document, chunk, start, take, _arrivals++));
            _filled += take;
            start += take;
            if (_filled == context)
            {
                output ??= [];
                Emit(output);
            }
        }

        if (chunk > 1)
        {
            _assembler.DocumentsTruncated++;
        }

        return output ?? (IReadOnlyList<PackedSequence>)[];
    }

    /// <inheritdoc/>
    public IReadOnlyList<PackedSequence> Complete()
    {
        ThrowIfCompleted();
        _completed = true;
        var output = new List<PackedSequence>();
        Emit(output);
        return output;
    }

    private void Emit(List<PackedSequence> output)
    {
        if (_pieces.Count == 0)
        {
            return;
        }

        output.Add(_assembler.Build(CollectionsMarshal.AsSpan(_pieces)));
        _pieces.Clear();
        _filled = 0;
    }

    private void ThrowIfCompleted()
    {
        if (_completed)
        {
            throw new InvalidOperationException("the packer was completed; it takes no more documents");
        }
    }
}
