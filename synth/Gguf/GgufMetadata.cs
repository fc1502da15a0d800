namespace Corpus.Synth.Gguf;

/// <summary>
/// One GGUF metadata key and its value. <see cref="Type"/> is the value's type; for arrays,
/// <see cref="ElementType"/> is the type of the items. The value is held as the CLR type that
/// matches: <see cref="uint"/>, <see cref="int"/>, <see cref="ulong"/>, <see cref="float"/>,
/// <see cref="bool"/>, <see cref="string"/>, or an <c>IReadOnlyList&lt;T&gt;</c> of one of them.
/// </summary>
internal sealed record GgufMetadata(string Key, GgufValueType Type, object Value, GgufValueType? ElementType = null)
{
    public static GgufMetadata String(string key, string value) => new(key, GgufValueType.String, value);

    public static GgufMetadata UInt32(string key, uint value) => new(key, GgufValueType.UInt32, value);

    public static GgufMetadata Int32(string key, int value) => new(key, GgufValueType.Int32, value);

    public static GgufMetadata UInt64(string key, ulong value) => new(key, GgufValueType.UInt64, value);

    public static GgufMetadata Float32(string key, float value) => new(key, GgufValueType.Float32, value);

    public static GgufMetadata Bool(string key, bool value) => new(key, GgufValueType.Bool, value);

    public static GgufMetadata StringArray(string key, IReadOnlyList<string> values) => new(key, GgufValueType.Array, values, GgufValueType.String);

    public static GgufMetadata Int32Array(string key, IReadOnlyList<int> values) => new(key, GgufValueType.Array, values, GgufValueType.Int32);

    /// <summary>The value as a string (for <see cref="GgufValueType.String"/>).</summary>
    public string AsString() => (string)Value;

    /// <summary>The value as an unsigned integer, from any unsigned or non-negative signed integer type.</summary>
    public ulong AsUInt64() => Value switch
    {
        uint u => u,
        ulong u => u,
        int i when i >= 0 => (ulong)i,
        _ => throw new InvalidCastException($"GGUF key {Key} is {Type}, not an unsigned integer"),
    };

    /// <summary>The items of a string array.</summary>
    public IReadOnlyList<string> AsStrings() => (IReadOnlyList<string>)Value;

    /// <summary>The items of an int32 array.</summary>
    public IReadOnlyList<int> AsInt32s() => (IReadOnlyList<int>)Value;
}
