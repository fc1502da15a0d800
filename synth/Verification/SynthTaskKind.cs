namespace Corpus.Synth.Verification;

/// <summary>What a synthetic sample is: a math problem with a final answer, or a Python coding task.</summary>
public enum SynthTaskKind
{
    /// <summary>A math problem solved step by step, its final answer in the last <c>\boxed{...}</c>.</summary>
    Math,

    /// <summary>A Python function with its docstring, checked by unit tests.</summary>
    Code,
}
