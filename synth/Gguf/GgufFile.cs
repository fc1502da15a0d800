namespace Corpus.Synth.Gguf;

/// <summary>What <see cref="GgufReader"/> reads of a GGUF file: version, metadata, tensor infos and where the tensor data starts.</summary>
internal sealed record GgufFile(uint Version, IReadOnlyList<GgufMetadata> Metadata, IReadOnlyList<GgufTensorInfo> Tensors, ulong DataOffset)
{
    /// <summary>The metadata entry with this key.</summary>
    /// <exception cref="KeyNotFoundException">The file has no such key.</exception>
    public GgufMetadata this[string key] =>
        Metadata.FirstOrDefault(m => m.Key == key) ?? throw new KeyNotFoundException($"GGUF key {key} is absent");

    /// <summary>The tensor info with this name, or null.</summary>
    public GgufTensorInfo? Tensor(string name) => Tensors.FirstOrDefault(t => t.Name == name);
}
