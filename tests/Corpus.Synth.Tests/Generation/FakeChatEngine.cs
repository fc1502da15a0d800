using Corpus.Synth.Engines;

namespace Corpus.Synth.Tests.Generation;

/// <summary>A chat engine answered by a script after a short delay; counts requests in flight.</summary>
internal sealed class FakeChatEngine(Func<ChatRequest, ChatCompletion> script, TimeSpan? delay = null) : IChatEngine
{
    private int _inFlight;
    private int _maxInFlight;

    public List<ChatRequest> Requests { get; } = [];

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public async Task<ChatCompletion> CompleteAsync(ChatRequest request, CancellationToken ct = default)
    {
        lock (Requests)
        {
            Requests.Add(request);
        }

        int now = Interlocked.Increment(ref _inFlight);
        for (int seen = Volatile.Read(ref _maxInFlight); now > seen && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen; seen = Volatile.Read(ref _maxInFlight))
        {
        }

        try
        {
            await Task.Delay(delay ?? TimeSpan.FromMilliseconds(5), ct);
            return script(request);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public static ChatCompletion Answer(string text) => new(text, "stop", new ChatTokenUsage(20, 10));
}
