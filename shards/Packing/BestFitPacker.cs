using System.Runtime.InteropServices;

namespace Corpus.Shards.Packing;

/// <summary>
/// Best-fit decreasing packing (Ding et al., 2024, "Fewer Truncations Improve Language Modeling"),
/// streamed in windows of at most <see cref="PackingOptions.WindowTokens"/> document tokens.
/// <para>
/// A document longer than the context is cut into context-length chunks, each emitted at once as a
/// sequence of its own (a truncation by necessity); its remainder is packed like a document. A
/// document (or remainder) that would take the window past its bound first closes the window:
/// its pieces are sorted by length, longest first (ties by document id, chunk index, then arrival,
/// all ordinal), and each goes into the open bin with the least room that still fits it (O(log C)
/// through <see cref="RoomIndex"/>); a piece that fits no open bin opens a new one. A piece is never
/// split to fill a bin, so a document no longer than the context is never truncated. The window's
/// bins are emitted in the order they were opened, padded to the context length.
/// </para>
/// </summary>
public sealed class BestFitPacker : ISequencePacker
{
    private readonly SequenceAssembler _assembler;
    private readonly long _windowTokens;
    private readonly List<PackingPiece> _window = [];
    private readonly RoomIndex _rooms;
    private readonly List<PackingPiece> _binPieces = [];

    // The window's bins as linked lists of piece positions: first and last piece and tokens used.
    private readonly List<int> _binFirst = [];
    private readonly List<int> _binLast = [];
    private readonly List<int> _binUsed = [];
    private int[] _pieceNext = new int[64];
    private long _buffered;
    private long _arrivals;
    private bool _completed;

    /// <summary>A packer for <paramref name="options"/>.</summary>
    public BestFitPacker(PackingOptions options)
    {
        _assembler = new SequenceAssembler(options);
        _windowTokens = options.EffectiveWindowTokens;
        _rooms = new RoomIndex(options.ContextLength);
    }

    /// <inheritdoc/>
    public long BufferedTokens => _buffered;

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
        var start = 0;
        if (length > context)
        {
            _assembler.DocumentsTruncated++;
            output = [];
            for (; length - start >= context; start += context, chunk++)
            {
                var piece = new PackingPiece(document, chunk, start, context, _arrivals++);
                output.Add(_assembler.Build(new ReadOnlySpan<PackingPiece>(in piece)));
            }
        }

        var rest = length - start;
        if (rest == 0)
        {
            return output ?? (IReadOnlyList<PackedSequence>)[];
        }

        if (_buffered + rest > _windowTokens)
        {
            output ??= [];
            PackWindow(output);
        }

        _window.Add(new PackingPiece(document, chunk, start, rest, _arrivals++));
        _buffered += rest;
        return output ?? (IReadOnlyList<PackedSequence>)[];
    }

    /// <inheritdoc/>
    public IReadOnlyList<PackedSequence> Complete()
    {
        ThrowIfCompleted();
        _completed = true;
        var output = new List<PackedSequence>();
        PackWindow(output);
        return output;
    }

    private void PackWindow(List<PackedSequence> output)
    {
        if (_window.Count == 0)
        {
            return;
        }

        var context = _assembler.ContextLength;
        var pieces = CollectionsMarshal.AsSpan(_window);
        pieces.Sort(static (a, b) =>
        {
            var c = b.Length.CompareTo(a.Length);
            if (c == 0)
            {
                c = string.CompareOrdinal(a.Document.Id, b.Document.Id);
            }

            if (c == 0)
            {
                c = a.ChunkIndex.CompareTo(b.ChunkIndex);
            }

            return c == 0 ? a.Arrival.CompareTo(b.Arrival) : c;
        });

        if (_pieceNext.Length < pieces.Length)
        {
            _pieceNext = new int[Math.Max(pieces.Length, _pieceNext.Length * 2)];
        }

        var first = _binFirst;
        var last = _binLast;
        var used = _binUsed;
        first.Clear();
        last.Clear();
        used.Clear();
        _rooms.Clear();
        for (var i = 0; i < pieces.Length; i++)
        {
            var length = pieces[i].Length;
            _pieceNext[i] = -1;
            var bin = _rooms.TakeBestFit(length);
            if (bin < 0)
            {
                bin = first.Count;
                first.Add(i);
                last.Add(i);
                used.Add(length);
            }
            else
            {
                _pieceNext[last[bin]] = i;
                last[bin] = i;
                used[bin] += length;
            }

            var room = context - used[bin];
            if (room > 0)
            {
                _rooms.Add(bin, room);
            }
        }

        for (var bin = 0; bin < first.Count; bin++)
        {
            _binPieces.Clear();
            for (var i = first[bin]; i >= 0; i = _pieceNext[i])
            {
                _binPieces.Add(pieces[i]);
            }

            output.Add(_assembler.Build(CollectionsMarshal.AsSpan(_binPieces)));
        }

        _window.Clear();
        _buffered = 0;
    }

    private void ThrowIfCompleted()
    {
        if (_completed)
        {
            throw new InvalidOperationException("the packer was completed; it takes no more documents");
        }
    }
}
