using System.Buffers;
using System.Text;
using System.Threading.Channels;
using LLama.Native;

namespace Corpus.Synth.Engines;

/// <summary>
/// One request inside <see cref="LlamaEngine"/>: its prompt tokens, how far they have been fed, its
/// sequence id (slot) in the shared KV cache, its sampler, and the text generated so far. Touched only
/// by the engine's decode loop, except <see cref="Completion"/>.
/// </summary>
internal sealed class LlamaSequence : IDisposable
{
    private readonly Decoder _utf8 = Encoding.UTF8.GetDecoder();
    private readonly StringBuilder _text = new();
    private readonly int _longestStop;
    private char[] _chars = new char[64];

    /// <summary>Text length after each generated token, kept only under a thinking budget (to cut back to a token).</summary>
    private readonly List<int>? _lengths;

    public LlamaSequence(ChatRequest request, LLamaToken[] prompt, int maxTokens)
    {
        Request = request;
        Prompt = prompt;
        MaxTokens = maxTokens;
        _longestStop = request.Stop.Count == 0 ? 0 : request.Stop.Max(s => s.Length);
        if (request.EnableThinking != false && request.ThinkingBudget is { } budget)
        {
            ThinkingBudget = budget;
            Thinking = true;
            _lengths = [];
        }
    }

    /// <summary>Most thinking tokens, when the request set a budget and thinks; else null.</summary>
    public int? ThinkingBudget { get; }

    /// <summary>True while a budgeted sequence has not yet closed its reasoning with <c>&lt;/think&gt;</c>.</summary>
    public bool Thinking { get; set; }

    /// <summary>How far re-tokenized thinking ran ahead of the generated token count at the last exact count.</summary>
    public int ThinkingExcess { get; set; }

    /// <summary>
    /// Tokens to put in the next batch: the last sampled token, and after it the forced <c>&lt;/think&gt;</c>
    /// tokens when the budget closed the reasoning. Logits are taken on the last one.
    /// </summary>
    public List<LLamaToken> Feed { get; } = new(8);

    public ChatRequest Request { get; }

    public LLamaToken[] Prompt { get; }

    public int MaxTokens { get; }

    /// <summary>The callback that cancels <see cref="Completion"/>; disposed with the sequence.</summary>
    public CancellationTokenRegistration CancellationRegistration { get; set; }

    public TaskCompletionSource<ChatCompletion> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>KV cells this sequence may fill: its prompt and every token it may generate.</summary>
    public int Reservation => Prompt.Length + MaxTokens;

    public int Slot { get; private set; } = -1;

    public LLamaSeqId SequenceId => (LLamaSeqId)Slot;

    public SafeLLamaSamplerChainHandle? Sampler { get; private set; }

    /// <summary>Prompt tokens already in a batch.</summary>
    public int PromptFed { get; set; }

    /// <summary>The position of the next token this sequence puts in a batch.</summary>
    public int Position { get; set; }

    /// <summary>This step's batch index whose logits are this sequence's, or -1.</summary>
    public int LogitIndex { get; set; } = -1;

    public int Generated { get; private set; }

    public bool Prefilling => PromptFed < Prompt.Length;

    /// <summary>The token <see cref="Sample"/> chose.</summary>
    public LLamaToken Sampled { get; private set; }

    private LLamaTokenData[]? _candidateBuffer;
    private LLamaTokenDataArray _candidates;

    /// <summary>How many of the highest logits the sampler chain needs (<see cref="LlamaSampling.CandidateLimit"/>); 0: all.</summary>
    public int CandidateLimit { get; private set; }

    /// <summary>Copies this step's logits out of the context, as sampler candidates: all of them, or only the highest <see cref="CandidateLimit"/>.</summary>
    public void TakeLogits(ReadOnlySpan<float> logits)
    {
        var needed = CandidateLimit > 0 ? Math.Min(CandidateLimit, logits.Length) : logits.Length;
        if (_candidateBuffer is null || _candidateBuffer.Length < needed)
        {
            ReturnBuffer();
            _candidateBuffer = ArrayPool<LLamaTokenData>.Shared.Rent(needed);
        }

        if (CandidateLimit > 0)
        {
            var count = TopCandidates.Select(logits, CandidateLimit, _candidateBuffer);
            _candidates = new LLamaTokenDataArray(_candidateBuffer.AsMemory(0, count), isSorted: false);
            return;
        }

        _candidates = LLamaTokenDataArray.Create(logits, _candidateBuffer.AsMemory(0, logits.Length));
    }

    /// <summary>Runs this sequence's sampler chain on the candidates and accepts the choice (safe to run beside other sequences' sampling).</summary>
    public void Sample()
    {
        LLamaToken token;
        using (LLamaTokenDataArrayNative.Create(_candidates, out var native))
        {
            Sampler!.Apply(ref native);
            token = native.Data[checked((int)native.Selected)].ID;
        }

        Sampler.Accept(token);
        Sampled = token;
    }

    private void ReturnBuffer()
    {
        if (_candidateBuffer is not null)
        {
            ArrayPool<LLamaTokenData>.Shared.Return(_candidateBuffer);
            _candidateBuffer = null;
        }
    }

    public void Admit(int slot, SafeLLamaSamplerChainHandle sampler, int candidateLimit = 0)
    {
        CandidateLimit = candidateLimit;
        Slot = slot;
        Sampler = sampler;
    }

    /// <summary>
    /// Takes a sampled token: appends its text (<paramref name="piece"/>, its bytes) unless it ends
    /// generation, and queues it to be fed next step. Returns <c>stop</c> when it ended generation or
    /// completed a stop string, else null (the engine checks <see cref="MaxTokens"/> after the budget).
    /// </summary>
    public string? Accept(LLamaToken token, bool endOfGeneration, ReadOnlySpan<byte> piece)
    {
        Generated++;
        Feed.Clear();
        Feed.Add(token);
        if (endOfGeneration)
        {
            Flush();
            _lengths?.Add(_text.Length);
            return "stop";
        }

        int before = _text.Length;
        Append(piece, flush: false);
        _lengths?.Add(_text.Length);
        if (Thinking && ClosesThinking(before))
        {
            Thinking = false;
        }

        if (_longestStop > 0 && StopAt(before) is { } stop)
        {
            _text.Length = stop;
            if (_lengths is not null)
            {
                _lengths[^1] = stop;
            }

            return "stop";
        }

        return null;
    }

    public string Text => _text.ToString();

    /// <summary>Where a streaming request's text goes piece by piece; null when the request does not stream.</summary>
    public ChannelWriter<string>? Pieces { get; init; }

    /// <summary>Characters of <see cref="Text"/> already written to <see cref="Pieces"/>.</summary>
    private int _emitted;

    /// <summary>
    /// Writes the text generated since the last piece to <see cref="Pieces"/>, all of it when
    /// <paramref name="final"/>. Before the end it keeps back what could still change: the last
    /// (longest stop string - 1) characters, which a stop string completed later would cut; a high
    /// surrogate whose pair has not come; and, under a thinking budget, the reasoning until it closes
    /// (the budget cuts it back by tokens).
    /// </summary>
    public void Emit(bool final)
    {
        if (Pieces is null || (!final && Thinking && ThinkingBudget is not null))
        {
            return;
        }

        int end = final ? _text.Length : _text.Length - Math.Max(0, _longestStop - 1);
        if (!final && end > 0 && char.IsHighSurrogate(_text[end - 1]))
        {
            end--;
        }

        if (end > _emitted)
        {
            Pieces.TryWrite(_text.ToString(_emitted, end - _emitted));
            _emitted = end;
        }
    }

    /// <summary>The text as it stood after the first <paramref name="tokens"/> generated tokens.</summary>
    public string TextAfter(int tokens) => tokens == 0 ? string.Empty : _text.ToString(0, Math.Min(_lengths![tokens - 1], _text.Length));

    /// <summary>
    /// Forgets every generated token after the first <paramref name="keep"/> (text, count and what was to be
    /// fed); the engine removes their cells from the KV cache and moves <see cref="Position"/> back.
    /// </summary>
    public void Truncate(int keep)
    {
        _text.Length = keep == 0 ? 0 : Math.Min(_lengths![keep - 1], _text.Length);
        _lengths!.RemoveRange(keep, _lengths.Count - keep);
        Generated = keep;
        Feed.Clear();
        _utf8.Reset();
    }

    /// <summary>Appends forced tokens and their text (they count as generated, so <see cref="MaxTokens"/> bounds them too).</summary>
    public void Force(IReadOnlyList<LLamaToken> tokens, string text)
    {
        Flush();
        _text.Append(text);
        Feed.AddRange(tokens);
        Generated += tokens.Count;
        Thinking = false;
    }

    public void Flush() => Append([], flush: true);

    private bool ClosesThinking(int before)
    {
        int from = Math.Max(0, before - ThinkingText.Close.Length + 1);
        return _text.ToString(from, _text.Length - from).Contains(ThinkingText.Close, StringComparison.Ordinal);
    }

    private void Append(ReadOnlySpan<byte> bytes, bool flush)
    {
        int needed = _utf8.GetCharCount(bytes, flush);
        if (_chars.Length < needed)
        {
            _chars = new char[Math.Max(needed, _chars.Length * 2)];
        }

        int written = _utf8.GetChars(bytes, _chars, flush);
        _text.Append(_chars, 0, written);
    }

    /// <summary>Where the earliest stop string starts, searching only where new text could complete one.</summary>
    private int? StopAt(int before)
    {
        int from = Math.Max(0, before - _longestStop + 1);
        string tail = _text.ToString(from, _text.Length - from);
        int? best = null;
        foreach (var stop in Request.Stop)
        {
            if (stop.Length == 0)
            {
                continue;
            }

            int at = tail.IndexOf(stop, StringComparison.Ordinal);
            if (at >= 0 && (best is null || from + at < best))
            {
                best = from + at;
            }
        }

        return best;
    }

    public void Dispose()
    {
        CancellationRegistration.Dispose();
        Sampler?.Dispose();
        ReturnBuffer();
    }
}
