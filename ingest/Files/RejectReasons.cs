namespace Corpus.Ingest.Files;

/// <summary>Reason codes the <c>files</c> source records in <c>rejects/</c>.</summary>
public static class RejectReasons
{
    /// <summary>The file could not be opened or read (missing link target, I/O error, permissions).</summary>
    public const string Unreadable = "unreadable";

    /// <summary>The file has no bytes.</summary>
    public const string Empty = "empty";

    /// <summary>The file is larger than <c>input.max_file_bytes</c>; it is not read.</summary>
    public const string TooLarge = "too-large";

    /// <summary>The bytes are not valid UTF-8 (and carry no UTF-16 byte order mark).</summary>
    public const string InvalidUtf8 = "invalid-utf8";

    /// <summary>The text holds NUL characters: a binary file under a text extension.</summary>
    public const string Binary = "binary";

    /// <summary>Nothing but whitespace is left after extraction.</summary>
    public const string NoText = "no-text";

    /// <summary>A <c>.gz</c> file that does not inflate.</summary>
    public const string CorruptGzip = "corrupt-gzip";

    /// <summary>The extension is not one of <c>input.extensions</c>.</summary>
    public const string UnsupportedExtension = "unsupported-extension";

    /// <summary>The process reading it died (a crash, a signal, out of memory) as often as <c>limits.quarantine_after</c> allows; it is quarantined.</summary>
    public const string Crashed = "crashed";
}
