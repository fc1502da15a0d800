namespace Corpus.FastText;

/// <summary>
/// <c>a % d</c> for 32-bit unsigned a and a fixed d without a division instruction (Lemire, Kaser
/// and Kurz, "Faster remainder by direct computation", 2019): exact for every a and every d &gt; 0.
/// Character n-grams take one remainder each, the hottest arithmetic of a prediction.
/// </summary>
internal readonly struct FastModulo
{
    private readonly ulong _multiplier;
    private readonly uint _divisor;

    public FastModulo(uint divisor)
    {
        _divisor = divisor;
        _multiplier = divisor == 0 ? 0 : (ulong.MaxValue / divisor) + 1;
    }

    public uint Mod(uint a) => (uint)Math.BigMul(_multiplier * a, _divisor, out _);
}
