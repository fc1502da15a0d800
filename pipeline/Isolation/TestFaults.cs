namespace Corpus.Pipeline.Isolation;

/// <summary>
/// A fault for testing what a build does when an input kills the process reading it: with the environment variable
/// <c>CORPUS_TEST_FAIL_FAST_ON</c> set to a marker, reading a document whose text holds the marker ends the process
/// at once (<see cref="Environment.FailFast(string)"/>: no handler runs, as in a native crash). Unset (always, outside
/// tests) it costs one read of a static field per document.
/// </summary>
internal static class TestFaults
{
    /// <summary>The variable that arms the fault.</summary>
    public const string Variable = "CORPUS_TEST_FAIL_FAST_ON";

    private static readonly string? Marker = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } m ? m : null;

    public static void Check(string text)
    {
        if (Marker is { } marker && text.Contains(marker, StringComparison.Ordinal))
        {
            Environment.FailFast($"corpus test fault: a document holds '{marker}' ({Variable})");
        }
    }
}
