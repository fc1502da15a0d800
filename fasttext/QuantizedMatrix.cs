namespace Corpus.FastText;

/// <summary>
/// fastText's <c>QuantMatrix</c> (.ftz): bool qnorm, int64 rows, int64 columns, int32 code size,
/// the codes (nsubq bytes per row), the product quantizer; with qnorm, one norm code per row and a
/// one-dimensional quantizer of the norms.
/// </summary>
internal sealed class QuantizedMatrix : FastTextMatrix
{
    private readonly byte[] _codes;
    private readonly ProductQuantizer _pq;
    private readonly byte[]? _normCodes;
    private readonly ProductQuantizer? _normPq;
    private readonly int _rows;
    private readonly int _cols;

    private QuantizedMatrix(int rows, int cols, byte[] codes, ProductQuantizer pq, byte[]? normCodes, ProductQuantizer? normPq)
    {
        _rows = rows;
        _cols = cols;
        _codes = codes;
        _pq = pq;
        _normCodes = normCodes;
        _normPq = normPq;
    }

    public override long Rows => _rows;

    public override int Cols => _cols;

    public static QuantizedMatrix Read(FastTextReader reader, string what)
    {
        var qnorm = reader.Bool();
        var rows = reader.Int64();
        var cols = reader.Int64();
        var codeSize = reader.Int32();
        if (rows < 0 || rows > int.MaxValue || cols <= 0 || cols > 1 << 16 || codeSize < 0)
        {
            throw reader.Invalid($"the quantized {what} matrix is {rows} x {cols} with {codeSize} code bytes");
        }

        reader.Require(codeSize);
        var codes = new byte[codeSize];
        reader.Bytes(codes);
        var pq = ProductQuantizer.Read(reader);
        if (pq.Dim != cols || (long)pq.NSubq * rows != codeSize)
        {
            throw reader.Invalid($"the quantized {what} matrix ({rows} x {cols}, {codeSize} code bytes) does not match its quantizer (dim {pq.Dim}, {pq.NSubq} sub-quantizers)");
        }

        byte[]? normCodes = null;
        ProductQuantizer? normPq = null;
        if (qnorm)
        {
            reader.Require(rows);
            normCodes = new byte[rows];
            reader.Bytes(normCodes);
            normPq = ProductQuantizer.Read(reader);
            if (normPq.Dim != 1)
            {
                throw reader.Invalid($"the norm quantizer of the {what} matrix has dim {normPq.Dim}, expected 1");
            }
        }

        return new QuantizedMatrix((int)rows, (int)cols, codes, pq, normCodes, normPq);
    }

    public override void AddRowTo(Span<float> x, int row)
    {
        if (x.Length < _cols)
        {
            throw new ArgumentException("the vector is narrower than a row", nameof(x));
        }

        _pq.AddCode(x, _codes.AsSpan(row * _pq.NSubq, _pq.NSubq), Norm(row));
    }

    /// <summary>x = the sum of the rows (x's old content is overwritten); same floats as adding them one by one.</summary>
    public void SumRows(ReadOnlySpan<int> rows, Span<float> x)
    {
        if (x.Length < _cols)
        {
            throw new ArgumentException("the vector is narrower than a row", nameof(x));
        }

        var norms = System.Buffers.ArrayPool<float>.Shared.Rent(rows.Length);
        try
        {
            for (var i = 0; i < rows.Length; i++)
            {
                norms[i] = Norm(rows[i]);
            }

            _pq.SumCodes(x, _codes, rows, norms.AsSpan(0, rows.Length));
        }
        finally
        {
            System.Buffers.ArrayPool<float>.Shared.Return(norms);
        }
    }

    public override float Dot(ReadOnlySpan<float> x, int row) =>
        _pq.MulCode(x, _codes.AsSpan(row * _pq.NSubq, _pq.NSubq), Norm(row));

    private float Norm(int row) => _normCodes is null ? 1f : _normPq!.Centroid(0, _normCodes[row])[0];
}
