namespace Corpus.FastText;

/// <summary>fastText's <c>DenseMatrix</c>: int64 rows, int64 columns, then rows x columns float32, row major.</summary>
internal sealed class DenseMatrix : FastTextMatrix
{
    private readonly float[] _data;
    private readonly int _rows;
    private readonly int _cols;

    public DenseMatrix(int rows, int cols)
    {
        if ((long)rows * cols > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), $"a {rows} x {cols} matrix is larger than one array can hold");
        }

        _rows = rows;
        _cols = cols;
        _data = new float[(long)rows * cols];
    }

    public override long Rows => _rows;

    public override int Cols => _cols;

    public float[] Data => _data;

    public Span<float> Row(int row) => _data.AsSpan(row * _cols, _cols);

    public static DenseMatrix Read(FastTextReader reader, string what)
    {
        var rows = reader.Int64();
        var cols = reader.Int64();
        if (rows < 0 || cols <= 0 || rows > int.MaxValue || cols > 1 << 16 || rows * cols > Array.MaxLength)
        {
            throw reader.Invalid($"the {what} matrix is {rows} x {cols}");
        }

        reader.Require(rows * cols * sizeof(float));
        var matrix = new DenseMatrix((int)rows, (int)cols);
        reader.Floats(matrix._data);
        return matrix;
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write((long)_rows);
        writer.Write((long)_cols);
        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_data.AsSpan()));
    }

    /// <summary>x = the sum of the rows (x's old content is overwritten).</summary>
    public void SumRows(ReadOnlySpan<int> rows, Span<float> x) => FastTextVectors.SumRows(_data, _cols, rows, x);

    public override void AddRowTo(Span<float> x, int row) => FastTextVectors.Add(x, _data.AsSpan(row * _cols, _cols));

    public override float Dot(ReadOnlySpan<float> x, int row) => FastTextVectors.Dot(x, _data.AsSpan(row * _cols, _cols));
}
