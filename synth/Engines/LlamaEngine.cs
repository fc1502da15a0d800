using System.Text;
using System.Threading.Channels;
using LLama;
using LLama.Common;
using LLama.Native;

namespace Corpus.Synth.Engines;

/// <summary>
/// Embedded llama.cpp (through LLamaSharp) serving many requests at once over one shared KV cache
/// with continuous batching. A background thread owns the context; <see cref="CompleteAsync"/> renders
/// the Qwen3 chat template, tokenizes and queues. Each decode step is one batch holding one token per
/// generating sequence plus prompt tokens of newly admitted ones; after it, every sequence samples from
/// its own seeded chain, and a sequence that ends (end of turn, a stop string, or its most tokens)
/// frees its slot and its KV cells, and the next queued request takes the slot in the same step.
/// </summary>
public sealed class LlamaEngine : IStreamingChatEngine, IDisposable
{
    private readonly LlamaEngineOptions _options;
    private readonly LLamaWeights _weights;
    private readonly LLamaContext _context;
    private readonly Channel<LlamaSequence> _queue = Channel.CreateUnbounded<LlamaSequence>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _loop;
    private long _requests;
    private long _promptTokens;
    private long _generatedTokens;
    private long _decodeSteps;
    private long _decodeTicks;
    private long _sampleTicks;
    private int _maxActive;
    private bool _disposed;
    private volatile Exception? _fault;
    private readonly int _threads;
    private readonly LLamaToken[] _forcedClose;

    /// <summary>A thinking sequence's reasoning is counted exactly at least this often (in generated tokens).</summary>
    private const int ExactCountEvery = 32;

    /// <summary>Within this many tokens of its budget, a thinking sequence's reasoning is counted exactly at every token.</summary>
    private const int BudgetSlack = 16;

    private LlamaEngine(LlamaEngineOptions options, LLamaWeights weights, LLamaContext context)
    {
        _options = options;
        _weights = weights;
        _context = context;
        _threads = options.Threads > 0 ? options.Threads : Environment.ProcessorCount;
        _forcedClose = weights.NativeHandle.Tokenize(ThinkingText.ForcedClose, false, true, Encoding.UTF8);
        _loop = new Thread(RunLoop) { IsBackground = true, Name = "llama-decode" };
        _loop.Start();
    }

    /// <summary>Loads the GGUF at <see cref="LlamaEngineOptions.ModelPath"/> and starts the decode loop.</summary>
    /// <exception cref="FileNotFoundException">No model file there.</exception>
    /// <exception cref="InvalidOperationException">llama.cpp's native library could not be loaded (the message names it).</exception>
    /// <exception cref="InvalidDataException">llama.cpp refused the model file.</exception>
    public static LlamaEngine Load(LlamaEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxSequences, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ContextSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.GpuLayerCount);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Threads);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.DefaultMaxTokens, 1);
        if (!File.Exists(options.ModelPath))
        {
            throw new FileNotFoundException($"no GGUF model at {options.ModelPath}", options.ModelPath);
        }

        LlamaNativeLibrary.Configure(options);
        int threads = options.Threads > 0 ? options.Threads : Environment.ProcessorCount;
        var parameters = new ModelParams(options.ModelPath)
        {
            ContextSize = (uint)options.ContextSize,
            SeqMax = (uint)options.MaxSequences,
            BatchSize = (uint)options.BatchSize,
            UBatchSize = (uint)options.BatchSize,
            KVUnified = true,
            GpuLayerCount = options.GpuLayerCount,
            Threads = threads,
            BatchThreads = threads,
        };

        LLamaWeights weights;
        try
        {
            weights = LLamaWeights.LoadFromFile(parameters);
        }
        catch (Exception e) when (LlamaNativeLibrary.IsLoadFailure(e))
        {
            throw LlamaNativeLibrary.LoadFailure(options, e);
        }
        catch (Exception e) when (e is LLama.Exceptions.LoadWeightsFailedException)
        {
            throw new InvalidDataException($"llama.cpp could not load the model {options.ModelPath} (not a GGUF it reads, or missing keys or tensors; llama.cpp's log above says which)", e);
        }

        try
        {
            return new LlamaEngine(options, weights, weights.CreateContext(parameters));
        }
        catch
        {
            weights.Dispose();
            throw;
        }
    }

    /// <summary>What the engine has done so far.</summary>
    public LlamaEngineStatistics Statistics => new(
        Interlocked.Read(ref _requests),
        Interlocked.Read(ref _promptTokens),
        Interlocked.Read(ref _generatedTokens),
        Interlocked.Read(ref _decodeSteps),
        Volatile.Read(ref _maxActive),
        StopwatchTime(Interlocked.Read(ref _decodeTicks)),
        StopwatchTime(Interlocked.Read(ref _sampleTicks)));

    /// <summary>Stopwatch ticks as a time span (in floating point: ticks times 10^7 would overflow after 15 minutes at 1 GHz).</summary>
    private static TimeSpan StopwatchTime(long ticks) => TimeSpan.FromSeconds((double)ticks / System.Diagnostics.Stopwatch.Frequency);

    /// <summary>The model's vocabulary size, as llama.cpp loaded it.</summary>
    public int VocabularySize => _weights.Vocab.Count;

    /// <inheritdoc/>
    /// <remarks>
    /// <see cref="ChatRequest.Model"/> is not used (the engine serves its one model). <see cref="ChatCompletion.Text"/>
    /// is the generated text as the model wrote it, reasoning included when thinking is on.
    /// </remarks>
    public Task<ChatCompletion> CompleteAsync(ChatRequest request, CancellationToken ct = default) =>
        Enqueue(request, pieces: null, ct).Completion.Task;

    /// <inheritdoc/>
    /// <remarks>
    /// Pieces come after each decode step. Text that could still become the start of a stop string is
    /// held back until it cannot (so no piece ever holds part of a stop string), and under a
    /// <see cref="ChatRequest.ThinkingBudget"/> the reasoning comes in one piece when it closes, since
    /// the budget may cut its last tokens back.
    /// </remarks>
    public ChatStream Stream(ChatRequest request, CancellationToken ct = default)
    {
        // Not SingleWriter: a cancellation completes the writer from its own thread while the decode loop may write.
        var pieces = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        var sequence = Enqueue(request, pieces.Writer, ct);
        ChatStream.CompleteWith(pieces.Writer, sequence.Completion.Task);
        return new ChatStream(pieces.Reader, sequence.Completion.Task);
    }

    private LlamaSequence Enqueue(ChatRequest request, ChannelWriter<string>? pieces, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Decided once, here: the prompt, the sampling defaults and the thinking budget all read EnableThinking.
        request = request with { EnableThinking = ThinkingSwitch.Resolve(request) };
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (request.Messages.Count == 0)
        {
            throw new ArgumentException("a chat request needs at least one message", nameof(request));
        }

        int maxTokens = request.MaxTokens ?? _options.DefaultMaxTokens;
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 1, nameof(request.MaxTokens));
        if (request.ThinkingBudget is { } budget)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(budget, nameof(request.ThinkingBudget));
        }
        var tokens = request.RawPrompt is { } raw
            ? _weights.NativeHandle.Tokenize(raw, false, true, Encoding.UTF8)
            : PromptTokens(request.Messages, request.EnableThinking.Value);
        if (tokens.Length == 0)
        {
            throw new ArgumentException("the prompt is empty", nameof(request));
        }

        var sequence = new LlamaSequence(request, tokens, maxTokens) { Pieces = pieces };
        if (sequence.Reservation > _options.ContextSize)
        {
            throw new ChatEngineException(
                $"chat request of {tokens.Length} prompt tokens plus at most {maxTokens} generated does not fit the context of {_options.ContextSize} tokens",
                _options.ModelPath);
        }

        if (ct.CanBeCanceled)
        {
            // Disposed with the sequence, so a long-lived token does not collect one callback per request.
            sequence.CancellationRegistration = ct.Register(() => sequence.Completion.TrySetCanceled(ct));
        }

        if (!_queue.Writer.TryWrite(sequence))
        {
            throw _fault is { } fault
                ? new ChatEngineException($"the decode loop stopped: {fault.Message}", _options.ModelPath, innerException: fault)
                : new ObjectDisposedException(nameof(LlamaEngine));
        }

        return sequence;
    }

    /// <summary>The chat template rendered and tokenized by the model's own vocabulary, special tokens parsed.</summary>
    internal LLamaToken[] PromptTokens(IReadOnlyList<ChatMessage> messages, bool enableThinking) =>
        _weights.NativeHandle.Tokenize(QwenChatTemplate.Render(messages, enableThinking), false, true, Encoding.UTF8);

    private void RunLoop()
    {
        var context = _context.NativeHandle;
        var slots = new LlamaSequence?[_options.MaxSequences];
        var waiting = new Queue<LlamaSequence>();
        var batch = new LLamaBatch();
        var piece = new byte[256];
        int reserved = 0;
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                while (_queue.Reader.TryRead(out var queued))
                {
                    waiting.Enqueue(queued);
                }

                DropCancelled(slots, ref reserved);
                int active = Admit(slots, waiting, ref reserved);
                if (active == 0)
                {
                    if (waiting.Count == 0 && !WaitForWork())
                    {
                        break;
                    }

                    continue;
                }

                InterlockedMax(ref _maxActive, active);
                FillBatch(batch, slots);
                long started = System.Diagnostics.Stopwatch.GetTimestamp();
                var result = context.Decode(batch);
                long decoded = System.Diagnostics.Stopwatch.GetTimestamp();
                Interlocked.Add(ref _decodeTicks, decoded - started);
                Interlocked.Increment(ref _decodeSteps);
                if (result != DecodeResult.Ok)
                {
                    FailAll(slots, ref reserved, $"llama.cpp decode failed ({result}) for a batch of {batch.TokenCount} tokens over {active} sequences");
                    continue;
                }

                SampleAll(slots, ref reserved, ref piece);
                Interlocked.Add(ref _sampleTicks, System.Diagnostics.Stopwatch.GetTimestamp() - decoded);
            }
        }
        catch (Exception e)
        {
            // Never let the exception escape the thread (it would end the process): fail every request, now and later.
            _fault = e;
            _queue.Writer.TryComplete();
            FailAll(slots, ref reserved, $"the decode loop stopped: {e.Message}");
            foreach (var s in waiting.Concat(Drain()))
            {
                s.Completion.TrySetException(new ChatEngineException($"the decode loop stopped: {e.Message}", _options.ModelPath, innerException: e));
            }

            return;
        }

        foreach (var s in waiting.Concat(Drain()))
        {
            s.Completion.TrySetException(new ObjectDisposedException(nameof(LlamaEngine)));
        }

        FailAll(slots, ref reserved, "the engine was disposed");
        batch.Clear();
    }

    private IEnumerable<LlamaSequence> Drain()
    {
        while (_queue.Reader.TryRead(out var s))
        {
            yield return s;
        }
    }

    private bool WaitForWork()
    {
        try
        {
            return _queue.Reader.WaitToReadAsync(_stop.Token).AsTask().GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Puts waiting requests into free slots while their KV reservation fits; returns how many slots are busy.</summary>
    private int Admit(LlamaSequence?[] slots, Queue<LlamaSequence> waiting, ref int reserved)
    {
        int active = slots.Count(s => s is not null);
        for (int slot = 0; slot < slots.Length && waiting.Count > 0; slot++)
        {
            if (slots[slot] is not null)
            {
                continue;
            }

            var next = waiting.Peek();
            if (next.Completion.Task.IsCompleted)
            {
                waiting.Dequeue().Dispose();
                Interlocked.Increment(ref _requests);
                slot--;
                continue;
            }

            if (reserved + next.Reservation > _options.ContextSize)
            {
                break;
            }

            waiting.Dequeue();
            next.Admit(slot, LlamaSampling.Create(next.Request, LlamaSampling.Seed(next.Request.Seed)), LlamaSampling.CandidateLimit(next.Request));
            slots[slot] = next;
            reserved += next.Reservation;
            active++;
        }

        return active;
    }

    /// <summary>One token per generating sequence first, then prompt tokens of admitted ones while the batch has room.</summary>
    private void FillBatch(LLamaBatch batch, LlamaSequence?[] slots)
    {
        batch.Clear();
        int budget = _options.BatchSize;
        foreach (var s in slots)
        {
            if (s is null)
            {
                continue;
            }

            s.LogitIndex = -1;
            if (!s.Prefilling && budget > 0)
            {
                // Usually one token (the last sampled); more when a thinking budget forced </think>. What
                // does not fit waits for the next step, logits only once the last one is in.
                int take = Math.Min(s.Feed.Count, budget);
                for (int i = 0; i < take; i++)
                {
                    bool last = i == s.Feed.Count - 1;
                    int index = batch.Add(s.Feed[i], s.Position++, s.SequenceId, last);
                    if (last)
                    {
                        s.LogitIndex = index;
                    }
                }

                s.Feed.RemoveRange(0, take);
                budget -= take;
            }
        }

        foreach (var s in slots)
        {
            if (s is null || !s.Prefilling || budget <= 0)
            {
                continue;
            }

            int take = Math.Min(budget, s.Prompt.Length - s.PromptFed);
            for (int i = 0; i < take; i++)
            {
                bool last = s.PromptFed + 1 == s.Prompt.Length;
                int index = batch.Add(s.Prompt[s.PromptFed], s.Position++, s.SequenceId, last);
                s.PromptFed++;
                if (last)
                {
                    s.LogitIndex = index;
                }
            }

            budget -= take;
            Interlocked.Add(ref _promptTokens, take);
        }
    }

    /// <summary>
    /// Samples every sequence that has logits this step: copies each one's logits on this thread (they
    /// live in the context), runs the sampler chains in parallel (each sequence's chain is its own, so
    /// the result does not depend on the order), then takes the tokens in slot order.
    /// </summary>
    private void SampleAll(LlamaSequence?[] slots, ref int reserved, ref byte[] piece)
    {
        var context = _context.NativeHandle;
        var model = _weights.NativeHandle;
        var ready = new List<LlamaSequence>(slots.Length);
        foreach (var s in slots)
        {
            if (s is not null && s.LogitIndex >= 0)
            {
                s.TakeLogits(context.GetLogitsIth(s.LogitIndex));
                ready.Add(s);
            }
        }

        if (ready.Count == 1 || _threads == 1)
        {
            foreach (var s in ready)
            {
                s.Sample();
            }
        }
        else
        {
            Parallel.ForEach(ready, new ParallelOptions { MaxDegreeOfParallelism = _threads }, s => s.Sample());
        }

        foreach (var s in ready)
        {
            var token = s.Sampled;
            Interlocked.Increment(ref _generatedTokens);
            bool end = token.IsEndOfGeneration(_weights.Vocab);
            int length = end ? 0 : PieceOf(model, token, ref piece);
            bool thinking = s.Thinking;
            var finish = s.Accept(token, end, piece.AsSpan(0, length));
            if (thinking)
            {
                KeepThinkingBudget(s, finishing: finish is not null, closed: !s.Thinking);
            }

            if (finish is null && s.Generated >= s.MaxTokens)
            {
                s.Flush();
                finish = "length";
            }

            s.Emit(final: finish is not null);
            if (finish is not null)
            {
                var usage = new ChatTokenUsage(s.Prompt.Length, s.Generated);
                Release(slots, s, ref reserved);
                s.Completion.TrySetResult(new ChatCompletion(s.Text, finish, usage));
            }
        }
    }

    /// <summary>
    /// Holds a thinking sequence to its budget, counted as the tokens of its reasoning text (what
    /// <see cref="ThinkingText.Split"/> returns as thinking) in the model's vocabulary, special tokens as
    /// plain text. Generated tokens estimate it; the exact count runs every <see cref="ExactCountEvery"/>
    /// tokens and at every token once the estimate is within <see cref="BudgetSlack"/> of the budget.
    /// When the reasoning reaches the budget, the sequence keeps the longest run of its tokens whose
    /// reasoning fits (tokens cut are removed from the KV cache too; re-tokenized text can be longer
    /// than the tokens sampled, e.g. a lone byte decodes to U+FFFD) and gets <c>\n&lt;/think&gt;\n\n</c>
    /// force-decoded after them, then samples its answer. A sequence finishing while still thinking is
    /// only cut back to fit; one that closes <c>&lt;/think&gt;</c> itself past the budget (between exact
    /// counts) is cut back and closed the same way.
    /// </summary>
    private void KeepThinkingBudget(LlamaSequence s, bool finishing, bool closed)
    {
        int budget = s.ThinkingBudget!.Value;
        int generated = s.Generated;
        if (!finishing && !closed && generated % ExactCountEvery != 0 && generated + s.ThinkingExcess < budget - BudgetSlack)
        {
            return;
        }

        int count = ThinkingTokens(s.TextAfter(generated));
        s.ThinkingExcess = Math.Max(0, count - generated);
        if (closed ? count <= budget : count < budget && !finishing)
        {
            // Under the budget; or the model closed </think> itself within it.
            return;
        }

        int keep = generated;
        while (count > budget && keep > 0)
        {
            keep--;
            count = ThinkingTokens(s.TextAfter(keep));
        }

        if (keep < generated)
        {
            // Tokens 1..generated-1 are in the cache at positions prompt..; the last sampled one is not yet.
            int position = s.Prompt.Length + keep;
            if (position < s.Position)
            {
                _context.NativeHandle.MemorySequenceRemove(s.SequenceId, position, -1);
                s.Position = position;
            }

            s.Truncate(keep);
        }

        if (!finishing)
        {
            s.Force(_forcedClose, ThinkingText.ForcedClose);
        }
    }

    /// <summary>Tokens of the reasoning in <paramref name="text"/>: what precedes its first <c>&lt;/think&gt;</c>, or all of it.</summary>
    private int ThinkingTokens(string text)
    {
        int close = text.IndexOf(ThinkingText.Close, StringComparison.Ordinal);
        var thinking = ThinkingText.ThinkingOf(close < 0 ? text : text.AsSpan(0, close));
        return thinking.Length == 0 ? 0 : _weights.NativeHandle.Tokenize(thinking, false, false, Encoding.UTF8).Length;
    }

    private static int PieceOf(SafeLlamaModelHandle model, LLamaToken token, ref byte[] piece)
    {
        uint length = model.TokenToSpan(token, piece, 0, false);
        if (length > piece.Length)
        {
            piece = new byte[length];
            length = model.TokenToSpan(token, piece, 0, false);
        }

        return (int)length;
    }

    private void DropCancelled(LlamaSequence?[] slots, ref int reserved)
    {
        foreach (var s in slots)
        {
            if (s is not null && s.Completion.Task.IsCompleted)
            {
                Release(slots, s, ref reserved);
            }
        }
    }

    private void FailAll(LlamaSequence?[] slots, ref int reserved, string message)
    {
        foreach (var s in slots)
        {
            if (s is not null)
            {
                Release(slots, s, ref reserved);
                s.Completion.TrySetException(new ChatEngineException(message, _options.ModelPath));
            }
        }
    }

    /// <summary>Frees a finished sequence's slot and its cells in the shared KV cache.</summary>
    private void Release(LlamaSequence?[] slots, LlamaSequence s, ref int reserved)
    {
        _context.NativeHandle.MemorySequenceRemove(s.SequenceId, -1, -1);
        slots[s.Slot] = null;
        reserved -= s.Reservation;
        Interlocked.Increment(ref _requests);
        s.Dispose();
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    /// <summary>Stops the decode loop (requests still queued or running fail with <see cref="ObjectDisposedException"/> or <see cref="ChatEngineException"/>) and frees the model.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _queue.Writer.TryComplete();
        _stop.Cancel();
        _loop.Join();
        _context.Dispose();
        _weights.Dispose();
        _stop.Dispose();
    }
}
