using System.Runtime.ExceptionServices;

namespace Corpus.Tokenizer;

/// <summary>
/// Encodes a stream of documents on several threads and hands the ids back in input order.
/// Worker threads live for the whole stream: each takes the next group of documents (about
/// <see cref="GroupChars"/> characters) from the source, encodes it into the group's own id
/// buffer and marks it done, while the consumer takes finished groups from the front and, while
/// the front group is not done yet, encodes the next group itself. There is no
/// barrier between groups, so a slow document holds back only the output, not the other workers;
/// at most <c>window</c> groups are in flight and their buffers are reused, so memory is bounded
/// by the window and nothing is allocated per document once the buffers have grown.
/// </summary>
internal sealed class OrderedEncodeStream : IDisposable
{
    /// <summary>A group closes once it holds this many characters (or <see cref="GroupDocuments"/> documents).</summary>
    public const int GroupChars = 1 << 17;

    /// <summary>A group closes once it holds this many documents.</summary>
    public const int GroupDocuments = 512;

    /// <summary>A reused group keeps id buffers up to this many ids; a larger one (a huge document) is let go.</summary>
    private const int KeptBufferIds = 1 << 20;

    private readonly Action<string, List<int>> _encode;
    private readonly IEnumerator<string> _source;
    private readonly Group?[] _ring;
    private readonly Stack<Group> _free = new();
    private readonly Thread[] _workers;
    private readonly object _gate = new();
    private long _claimed;
    private long _delivered;
    private bool _sourceDone;
    private bool _stopped;
    private bool _consumerWaiting;
    private int _workersWaiting;
    private Group? _current;
    private ExceptionDispatchInfo? _pendingFailure;

    public OrderedEncodeStream(IEnumerable<string> source, Action<string, List<int>> encode, int threads, int window)
    {
        _encode = encode;
        _source = source.GetEnumerator();
        _ring = new Group?[window];
        // The consumer's thread encodes too (see Next), so the stream starts one thread fewer.
        _workers = new Thread[threads - 1];
        for (int i = 0; i < _workers.Length; i++)
        {
            _workers[i] = new Thread(Work) { IsBackground = true, Name = $"corpus-encode-{i}" };
            _workers[i].Start();
        }
    }

    /// <summary>
    /// The next group, in input order, or null at the end of the stream; the previous group's buffers go back
    /// to the workers. While the front group is not done, the calling thread encodes the next unclaimed group
    /// itself, so the stream keeps exactly <c>threads</c> threads busy. Rethrows a worker's or the source's
    /// exception where it happened in the order.
    /// </summary>
    public EncodedGroup? Next()
    {
        _pendingFailure?.Throw();
        Group? ready = null;
        lock (_gate)
        {
            if (_current is not null)
            {
                Recycle(_current);
                _current = null;
            }
        }

        while (ready is null)
        {
            Group? mine = null;
            lock (_gate)
            {
                var head = _ring[_delivered % _ring.Length];
                if (head is not null && head.Done)
                {
                    ready = head;
                    _ring[_delivered % _ring.Length] = null;
                    _delivered++;
                    if (_workersWaiting > 0)
                    {
                        Monitor.PulseAll(_gate);
                    }
                }
                else if (head is null && _sourceDone && _claimed == _delivered)
                {
                    return null;
                }
                else if ((mine = TryClaim()) is null && !(head is null && _sourceDone && _claimed == _delivered))
                {
                    _consumerWaiting = true;
                    Monitor.Wait(_gate);
                    _consumerWaiting = false;
                }
            }

            if (mine is not null)
            {
                EncodeGroup(mine);
                Complete(mine);
            }
        }

        _current = ready;
        ready.Failure?.Throw();
        _pendingFailure = ready.TrailingFailure;
        return new EncodedGroup(ready.Buffer, ready.Ends, ready.Documents.Count);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
            Monitor.PulseAll(_gate);
        }

        foreach (var worker in _workers)
        {
            worker.Join();
        }

        _source.Dispose();
    }

    private void Recycle(Group group)
    {
        group.Documents.Clear();
        group.Ids.Clear();
        group.Ends.Clear();
        group.Failure = null;
        group.TrailingFailure = null;
        group.Done = false;
        if (group.Ids.Capacity <= KeptBufferIds)
        {
            _free.Push(group);
        }
    }

    private void Work()
    {
        while (true)
        {
            Group? group;
            lock (_gate)
            {
                while (!_stopped && !_sourceDone && _claimed - _delivered >= _ring.Length)
                {
                    _workersWaiting++;
                    Monitor.Wait(_gate);
                    _workersWaiting--;
                }

                if (_stopped || (group = TryClaim()) is null)
                {
                    return;
                }
            }

            EncodeGroup(group);
            Complete(group);
        }
    }

    /// <summary>Under the gate: takes the next group from the source into the window, or null when the window is full or the source has ended.</summary>
    private Group? TryClaim()
    {
        if (_sourceDone || _claimed - _delivered >= _ring.Length)
        {
            return null;
        }

        var group = _free.Count > 0 ? _free.Pop() : new Group();
        Claim(group);
        if (_sourceDone)
        {
            // Everyone waiting for room or for the front group must look again: nothing more will be claimed.
            Monitor.PulseAll(_gate);
        }

        if (group.Documents.Count == 0 && group.Failure is null)
        {
            Recycle(group);
            return null;
        }

        _ring[_claimed % _ring.Length] = group;
        _claimed++;
        return group;
    }

    private void EncodeGroup(Group group)
    {
        if (group.Failure is not null)
        {
            return;
        }

        try
        {
            foreach (var text in group.Documents)
            {
                _encode(text, group.Ids);
                group.Ends.Add(group.Ids.Count);
            }

            if (group.Buffer.Length < group.Ids.Count)
            {
                group.Buffer = new int[Math.Max(group.Ids.Count, group.Buffer.Length * 2)];
            }

            group.Ids.CopyTo(group.Buffer);
        }
        catch (Exception e)
        {
            group.Failure = ExceptionDispatchInfo.Capture(e);
        }
    }

    private void Complete(Group group)
    {
        lock (_gate)
        {
            group.Done = true;

            // Only the group at the front can let the consumer go on; waking it for any other is a wasted switch.
            if (_consumerWaiting && ReferenceEquals(_ring[_delivered % _ring.Length], group))
            {
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>Reads the next group's documents from the source; called under the gate, so one thread reads the source at a time.</summary>
    private void Claim(Group group)
    {
        long chars = 0;
        try
        {
            while (chars < GroupChars && group.Documents.Count < GroupDocuments)
            {
                if (!_source.MoveNext())
                {
                    _sourceDone = true;
                    return;
                }

                var text = _source.Current ?? throw new ArgumentException("The stream of documents holds a null text.", "texts");
                group.Documents.Add(text);
                chars += text.Length;
            }
        }
        catch (Exception e)
        {
            // The documents read before the failure are still encoded and delivered first.
            _sourceDone = true;
            if (group.Documents.Count == 0)
            {
                group.Failure = ExceptionDispatchInfo.Capture(e);
            }
            else
            {
                group.TrailingFailure = ExceptionDispatchInfo.Capture(e);
            }
        }
    }

    private sealed class Group
    {
        public List<string> Documents { get; } = [];

        public List<int> Ids { get; } = [];

        public List<int> Ends { get; } = [];

        public int[] Buffer { get; set; } = [];

        public ExceptionDispatchInfo? Failure { get; set; }

        public ExceptionDispatchInfo? TrailingFailure { get; set; }

        public bool Done { get; set; }
    }
}

/// <summary>One finished group: the ids of <see cref="Count"/> documents in one buffer, document <c>i</c> ending at <c>Ends[i]</c>.</summary>
internal readonly record struct EncodedGroup(int[] Buffer, List<int> Ends, int Count)
{
    public ReadOnlyMemory<int> Document(int index) =>
        Buffer.AsMemory(index == 0 ? 0 : Ends[index - 1], Ends[index] - (index == 0 ? 0 : Ends[index - 1]));
}
