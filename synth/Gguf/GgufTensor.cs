namespace Corpus.Synth.Gguf;

/// <summary>
/// A tensor to write: name, dimensions (innermost first), the type its data is stored as, and a producer
/// that writes exactly <c>product(dimensions)</c> floats into the sink when the writer reaches the tensor's
/// data (the sink quantizes them for <see cref="GgufTensorType.Q8_0"/>), so large tensors are generated
/// while they are written, never held whole.
/// </summary>
internal sealed record GgufTensor(string Name, IReadOnlyList<ulong> Dimensions, Action<GgufFloatSink> WriteData, GgufTensorType Type = GgufTensorType.F32);
