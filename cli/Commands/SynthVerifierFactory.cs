using Corpus.Synth.Verification;

namespace Corpus.Cli.Commands;

/// <summary>The verifier <c>corpus synth</c> uses: <see cref="SynthVerifier"/> over a probed sandbox.</summary>
internal static class SynthVerifierFactory
{
    /// <summary>
    /// Probes the sandbox and creates the verifier. Where the machine has no network and process
    /// namespaces, generated code runs only when <see cref="Corpus.Synth.Sandbox.SandboxOptions.AllowNetwork"/>
    /// is set (the <c>--allow-unisolated-code</c> flag); otherwise the run ends when code must run.
    /// </summary>
    public static async Task<ISynthVerifier> CreateAsync(SynthVerifierOptions options, CancellationToken ct) =>
        await SynthVerifier.CreateAsync(options, ct).ConfigureAwait(false);
}
