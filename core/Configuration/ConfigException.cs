namespace Corpus.Core.Configuration;

/// <summary>A configuration value that cannot be used, naming the key, the value and the reason.</summary>
public sealed class ConfigException : Exception
{
    /// <summary>Creates the error for <paramref name="key"/> (dotted path) holding <paramref name="value"/>.</summary>
    public ConfigException(string key, string? value, string reason)
        : base(value is null ? $"config key '{key}': {reason}" : $"config key '{key}' = {value}: {reason}")
    {
        Key = key;
        Value = value;
        Reason = reason;
    }

    /// <summary>Creates an error not tied to one key (an unreadable file, malformed JSON).</summary>
    public ConfigException(string message, Exception? inner = null)
        : base(message, inner)
    {
        Key = string.Empty;
        Reason = message;
    }

    /// <summary>Dotted path of the offending key, e.g. <c>shards.max_shard_bytes</c>.</summary>
    public string Key { get; }

    /// <summary>The offending value as written, if any.</summary>
    public string? Value { get; }

    /// <summary>Why it was refused.</summary>
    public string Reason { get; }
}
