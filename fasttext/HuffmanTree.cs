namespace Corpus.FastText;

/// <summary>
/// The Huffman tree of hierarchical softmax, built from the label counts as fastText builds it:
/// leaves 0..n-1 (labels sorted by descending count), inner nodes n..2n-2 made by merging the two
/// lightest of the remaining leaves (walked from the last) and inner nodes (walked from the first);
/// the root is node 2n-2 and the output row of inner node i is i - n.
/// </summary>
internal sealed class HuffmanTree
{
    public HuffmanTree(ReadOnlySpan<long> counts)
    {
        var osz = counts.Length;
        Leaves = osz;
        var nodes = Math.Max((2 * osz) - 1, 1);
        var count = new long[nodes];
        Left = new int[nodes];
        Right = new int[nodes];
        var parent = new int[nodes];
        var binary = new bool[nodes];
        Array.Fill(Left, -1);
        Array.Fill(Right, -1);
        Array.Fill(parent, -1);
        Array.Fill(count, (long)1e15);
        counts.CopyTo(count);
        var leaf = osz - 1;
        var node = osz;
        Span<int> mini = stackalloc int[2];
        for (var i = osz; i < (2 * osz) - 1; i++)
        {
            for (var j = 0; j < 2; j++)
            {
                mini[j] = leaf >= 0 && count[leaf] < count[node] ? leaf-- : node++;
            }

            Left[i] = mini[0];
            Right[i] = mini[1];
            count[i] = count[mini[0]] + count[mini[1]];
            parent[mini[0]] = i;
            parent[mini[1]] = i;
            binary[mini[1]] = true;
        }

        Paths = new int[osz][];
        Codes = new bool[osz][];
        for (var i = 0; i < osz; i++)
        {
            var path = new List<int>();
            var code = new List<bool>();
            for (var j = i; parent[j] != -1; j = parent[j])
            {
                path.Add(parent[j] - osz);
                code.Add(binary[j]);
            }

            Paths[i] = [.. path];
            Codes[i] = [.. code];
        }
    }

    public int Leaves { get; }

    public int Root => (2 * Leaves) - 2;

    public int[] Left { get; }

    public int[] Right { get; }

    /// <summary>Per label, the output rows of the inner nodes from the leaf up to the root.</summary>
    public int[][] Paths { get; }

    /// <summary>Per label, whether each step up the path came from a right child.</summary>
    public bool[][] Codes { get; }
}
