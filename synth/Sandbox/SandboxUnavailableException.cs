namespace Corpus.Synth.Sandbox;

/// <summary>
/// The sandbox cannot run code here: no Python interpreter the sandbox user can run, or no
/// namespaces to isolate it in (and <see cref="SandboxOptions.AllowNetwork"/> is off). A fault of
/// the machine, not of a sample, so verifiers let it through.
/// </summary>
public sealed class SandboxUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SandboxUnavailableException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public SandboxUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public SandboxUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
