using System.Text.RegularExpressions;

namespace Corpus.Filters.Classification.Code;

/// <summary>
/// One evidence pattern of <see cref="ProgrammingLanguageIdentifier"/>, matched by the backtracking engine
/// (a few kilobytes a pattern) within <see cref="BacktrackingBudget"/>; a text on which it runs past that
/// (a backtracking engine can take quadratic time, on a long run of blank lines say) is matched again by the
/// non-backtracking engine, linear in the text, which the pattern then keeps for every later text. Both
/// engines find the same matches, so the count never depends on the engine, the budget or the machine's
/// load; the non-backtracking engine's tables (about 200 to 800 kilobytes a pattern) are built only for
/// patterns that need them.
/// </summary>
internal sealed class EvidencePattern
{
    /// <summary>How long one backtracking scan may run before the pattern moves to the linear engine.</summary>
    public static readonly TimeSpan BacktrackingBudget = TimeSpan.FromMilliseconds(25);

    private const RegexOptions Options = RegexOptions.Multiline | RegexOptions.CultureInvariant;

    private readonly Regex _backtracking;
    private readonly Lazy<Regex> _linear;
    private volatile bool _linearOnly;

    public EvidencePattern(string pattern)
    {
        _backtracking = new Regex(pattern, Options, BacktrackingBudget);
        _linear = new Lazy<Regex>(() => new Regex(pattern, Options | RegexOptions.NonBacktracking), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The pattern, matched by the backtracking engine without a time limit (for tests).</summary>
    public Regex Backtracking => new(_backtracking.ToString(), Options);

    /// <summary>The pattern, matched by the non-backtracking engine (for tests).</summary>
    public Regex Linear => _linear.Value;

    /// <summary>Whether a text has moved this pattern to the non-backtracking engine.</summary>
    public bool LinearOnly => _linearOnly;

    public override string ToString() => _backtracking.ToString();

    /// <summary>The pattern's matches in <paramref name="text"/>, counted up to <paramref name="max"/>.</summary>
    public int Count(string text, int max)
    {
        if (!_linearOnly)
        {
            try
            {
                return Count(_backtracking, text, max);
            }
            catch (RegexMatchTimeoutException)
            {
                _linearOnly = true;
            }
        }

        return Count(_linear.Value, text, max);
    }

    private static int Count(Regex regex, string text, int max)
    {
        var count = 0;
        for (var m = regex.Match(text); m.Success && count < max; m = m.NextMatch())
        {
            count++;
        }

        return count;
    }
}
