namespace Corpus.Synth;

/// <summary>Names this assembly (generation engines, and later task recipes, verifiers and the sandbox) for reflection.</summary>
public static class SynthAssembly
{
    /// <summary>The component's name.</summary>
    public const string Name = "corpus.synth";
}
