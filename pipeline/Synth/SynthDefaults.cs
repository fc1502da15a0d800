using Corpus.Synth.Sandbox;
using Corpus.Synth.Verification;

namespace Corpus.Pipeline.Synth;

/// <summary>Settings <c>corpus synth</c> and the build's synth phase derive the same way from their options.</summary>
public static class SynthDefaults
{
    /// <summary>KV cells for the llama engine: every sequence's prompt room (1,024) plus its tokens, at most 16 Mi.</summary>
    public static int ContextSize(int parallel, int maxTokens) => (int)Math.Min(16 << 20, (long)parallel * (maxTokens + 1024));

    /// <summary>The verifier's options: each generated program limited to <paramref name="codeSeconds"/> of wall-clock and CPU time; unisolated code only when allowed.</summary>
    public static SynthVerifierOptions Verifier(int codeSeconds, bool allowUnisolatedCode) => new()
    {
        Sandbox = new SandboxOptions { WallTime = TimeSpan.FromSeconds(codeSeconds), CpuSeconds = codeSeconds, AllowNetwork = allowUnisolatedCode },
    };
}
