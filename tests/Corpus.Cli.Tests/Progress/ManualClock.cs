namespace Corpus.Cli.Tests.Progress;

/// <summary>A clock that moves only when told: timestamps in ticks of 100 ns.</summary>
internal sealed class ManualClock : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public void Advance(TimeSpan span) => Interlocked.Add(ref _ticks, span.Ticks);
}
