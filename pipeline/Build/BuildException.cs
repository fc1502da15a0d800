namespace Corpus.Pipeline.Build;

/// <summary>A build cannot start or go on; the message says why and names what is at fault.</summary>
public sealed class BuildException(string message, Exception? inner = null) : Exception(message, inner);
