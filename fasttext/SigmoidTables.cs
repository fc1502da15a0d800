namespace Corpus.FastText;

/// <summary>fastText's lookup tables: a 512-entry sigmoid over [-8, 8] and a 512-entry log over (0, 1].</summary>
internal static class SigmoidTables
{
    private const int SigmoidTableSize = 512;
    private const int MaxSigmoid = 8;
    private const int LogTableSize = 512;

    private static readonly float[] SigmoidTable = BuildSigmoid();
    private static readonly float[] LogTable = BuildLog();

    /// <summary>The table sigmoid: 0 below -8, 1 above 8, else the entry at floor((x + 8) * 512 / 8 / 2) in float arithmetic.</summary>
    public static float Sigmoid(float x)
    {
        if (x < -MaxSigmoid)
        {
            return 0f;
        }

        if (x > MaxSigmoid)
        {
            return 1f;
        }

        var i = (long)((x + MaxSigmoid) * SigmoidTableSize / MaxSigmoid / 2);
        return SigmoidTable[i];
    }

    /// <summary>The table log used for the training loss (0 above 1).</summary>
    public static float Log(float x)
    {
        if (x > 1f)
        {
            return 0f;
        }

        var i = (long)(x * LogTableSize);
        return LogTable[i];
    }

    /// <summary>fastText's <c>std_log</c>: <c>log(x + 1e-5)</c> in double, kept as float.</summary>
    public static float StdLog(float x) => (float)Math.Log(x + 1e-5);

    private static float[] BuildSigmoid()
    {
        var table = new float[SigmoidTableSize + 1];
        for (var i = 0; i <= SigmoidTableSize; i++)
        {
            var x = ((float)(i * 2 * MaxSigmoid) / SigmoidTableSize) - MaxSigmoid;
            table[i] = (float)(1.0 / (1.0 + Math.Exp(-x)));
        }

        return table;
    }

    private static float[] BuildLog()
    {
        var table = new float[LogTableSize + 1];
        for (var i = 0; i <= LogTableSize; i++)
        {
            var x = (float)((i + 1e-5) / LogTableSize);
            table[i] = MathF.Log(x);
        }

        return table;
    }
}
