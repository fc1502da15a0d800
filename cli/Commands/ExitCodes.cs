namespace Corpus.Cli.Commands;

/// <summary>The exit codes of <c>corpus</c>.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;
}
