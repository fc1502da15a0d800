namespace Corpus.Bench.Cluster;

/// <summary>
/// Samples of a counter that only grows (CPU seconds), with their UTC times: what it grew by
/// between two instants, interpolated between the samples on either side of each.
/// </summary>
internal sealed class CumulativeSeries
{
    private readonly List<(DateTime Time, double Value)> _points = [];
    private readonly Lock _gate = new();

    public void Add(DateTime time, double value)
    {
        lock (_gate)
        {
            _points.Add((time, value));
        }
    }

    /// <summary>The last sampled value (0 before any sample).</summary>
    public double Last
    {
        get
        {
            lock (_gate)
            {
                return _points.Count == 0 ? 0 : _points[^1].Value;
            }
        }
    }

    /// <summary>How much the counter grew from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public double Between(DateTime from, DateTime to)
    {
        lock (_gate)
        {
            return At(to) - At(from);
        }
    }

    private double At(DateTime time)
    {
        if (_points.Count == 0)
        {
            return 0;
        }

        var i = _points.FindLastIndex(p => p.Time <= time);
        if (i < 0)
        {
            return _points[0].Value;
        }

        if (i == _points.Count - 1)
        {
            return _points[i].Value;
        }

        var (t0, v0) = _points[i];
        var (t1, v1) = _points[i + 1];
        var span = (t1 - t0).TotalSeconds;
        return span <= 0 ? v0 : v0 + ((v1 - v0) * (time - t0).TotalSeconds / span);
    }
}
