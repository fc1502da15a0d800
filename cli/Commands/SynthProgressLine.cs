using System.Diagnostics;
using Corpus.Synth.Generation;

namespace Corpus.Cli.Commands;

/// <summary>One progress line on standard error at most every few seconds: problems, tokens/s, batch occupancy, acceptance.</summary>
internal sealed class SynthProgressLine(TextWriter error, TimeSpan every)
{
    private readonly Stopwatch _since = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private SynthProgress? _last;

    /// <summary>Called from many threads at once (every request reports).</summary>
    public void Report(SynthProgress p)
    {
        lock (_gate)
        {
            _last = p;
            if (_since.Elapsed >= every)
            {
                _since.Restart();
                error.WriteLine(Line(p));
            }
        }
    }

    public void Finish()
    {
        lock (_gate)
        {
            if (_last is { } p)
            {
                error.WriteLine(Line(p));
            }
        }
    }

    private static string Line(SynthProgress p) => "synth: " + p.Describe();
}
