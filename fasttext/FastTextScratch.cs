namespace Corpus.FastText;

/// <summary>
/// The buffers one prediction needs, kept per thread and grown on demand, so steady-state
/// prediction allocates nothing and a model can be shared by any number of threads.
/// </summary>
internal sealed class FastTextScratch
{
    [ThreadStatic]
    private static FastTextScratch? _current;

    private byte[] _bytes = new byte[1024];
    private float[] _hidden = new float[64];
    private float[] _output = new float[64];
    private HeapEntry[] _heap = new HeapEntry[16];

    public static FastTextScratch Current => _current ??= new FastTextScratch();

    public IntBuffer Words { get; } = new();

    public IntBuffer Labels { get; } = new();

    public IntBuffer Hashes { get; } = new();

    public byte[] Bytes(int length) => _bytes.Length >= length ? _bytes : _bytes = new byte[Math.Max(length, _bytes.Length * 2)];

    public Span<float> Hidden(int dim) => (_hidden.Length >= dim ? _hidden : _hidden = new float[dim]).AsSpan(0, dim);

    public Span<float> Output(int labels) => (_output.Length >= labels ? _output : _output = new float[labels]).AsSpan(0, labels);

    public Span<HeapEntry> Heap(int length) => (_heap.Length >= length ? _heap : _heap = new HeapEntry[length]).AsSpan(0, length);
}
