using Akka.Streams;
using Corpus.Pipeline.Execution;
using Corpus.Pipeline.Phases;
using Corpus.Shards.Mixing;

namespace Corpus.Pipeline.Build;

/// <summary>
/// Makes the executor of each phase of a build from its <see cref="BuildInputs"/>, once per phase
/// and process. The shards and pack phases need the stage mixes, planned from the tokenize
/// ledger: they are planned when one of those phases first asks, after tokenize has committed.
/// </summary>
internal sealed class PhaseExecutors : IPhaseExecutors, IDisposable
{
    private readonly BuildInputs _inputs;
    private readonly IMaterializer _materializer;
    private readonly int _parallelism;
    private readonly Dictionary<string, ITaskExecutor> _made = [];
    private readonly Lock _gate = new();
    private readonly HttpClient? _visionHttp;
    private readonly Isolation.WorkerPool? _workers;
    private IReadOnlyList<StageMix>? _mixes;

    public PhaseExecutors(BuildInputs inputs, IMaterializer materializer, int parallelism)
    {
        _inputs = inputs;
        _materializer = materializer;
        _parallelism = Math.Max(1, parallelism);
        var input = inputs.Config.Input;
        _visionHttp = input.PdfVisionEndpoint is null ? null : new HttpClient { Timeout = TimeSpan.FromSeconds(Math.Max(10, input.PdfMaxSeconds)) };
        _workers = Isolation.WorkerPools.For(inputs.Config.Limits, _parallelism);
        Quarantine = new Quarantine(inputs.Output, inputs.Config.Limits.QuarantineAfter);
    }

    /// <summary>The build's record of inputs that killed the process reading them.</summary>
    public Quarantine Quarantine { get; }

    /// <summary>The worker processes that run crash-prone work; null when <c>limits.isolation</c> is <c>none</c> or no <c>corpus</c> CLI is at hand to start.</summary>
    public Isolation.WorkerPool? Workers => _workers;

    /// <summary>The stage mixes, planned from the tokenize ledger on first use.</summary>
    public IReadOnlyList<StageMix> Mixes
    {
        get
        {
            lock (_gate)
            {
                return _mixes ??= MixingStep.Plan(_inputs.Config, _inputs.Ledger, _inputs.TokenParts);
            }
        }
    }

    /// <summary>The parts after the filter phase (or after ingest when it is off).</summary>
    public Func<int, string> Filtered => _inputs.Config.Filters.Enabled
        ? i => FilterTaskExecutor.FilteredPartPath(_inputs.Output, i)
        : i => IngestTaskExecutor.DocsPartPath(_inputs.Output, i);

    /// <summary>The parts the tokenize phase reads: dedup's kept parts (or the filtered ones without dedup), then the synth phase's documents.</summary>
    public Func<int, string> Kept
    {
        get
        {
            Func<int, string> corpus = _inputs.Config.Dedup.Enabled ? i => DedupTaskExecutor.KeptPartPath(_inputs.Output, i) : Filtered;
            var parts = _inputs.Parts;
            return i => i < parts ? corpus(i) : SynthTaskExecutor.DocumentsPartPath(_inputs.Output, i - parts);
        }
    }

    public ITaskExecutor For(string phase)
    {
        lock (_gate)
        {
            if (!_made.TryGetValue(phase, out var executor))
            {
                executor = Make(phase);
                _made[phase] = executor;
            }

            return executor;
        }
    }

    public void Dispose()
    {
        _visionHttp?.Dispose();
        _workers?.Dispose();
        _inputs.Dispose();
    }

    /// <summary>Rejected documents are counted in tokens (end-of-text included, as in the shards) for the report's funnel.</summary>
    private long CountTokens(string text) => _inputs.Tokenizer.Encode(text).Length + 1L;

    private ITaskExecutor Make(string phase)
    {
        var (output, config, ledger) = (_inputs.Output, _inputs.Config, _inputs.Ledger);
        return phase switch
        {
            IngestTaskExecutor.Phase => new IngestTaskExecutor(
                output,
                _inputs.Partition,
                new InputReaderSettings(config.Input.MaxFileBytes, config.Input.Extensions, _inputs.UriMap, config.Input.PdfMaxPages, config.Input.PdfMaxSeconds, config.Limits.DocumentSeconds),
                HtmlExtraction.Extract,
                ledger,
                Quarantine,
                _workers is null ? null : new Isolation.IsolatedItemReader(_workers, Isolation.WorkerPools.ItemLimit(config)),
                _workers is null ? null : new Isolation.PooledPdfHost(_workers),
                Transcriber()),
            FilterTaskExecutor.Phase => new FilterTaskExecutor(output, config.Filters, config.Classify, BuildRunner.LoadEvalSets(config.Decontamination), ledger, CountTokens, _materializer, _parallelism, config.Limits.DocumentSeconds),
            DedupSignTaskExecutor.Phase => new DedupSignTaskExecutor(output, config.Dedup, Filtered, _parallelism, ledger),
            DedupBandsTaskExecutor.Phase => new DedupBandsTaskExecutor(output, config.Dedup, _inputs.Parts, DedupWork.BandTasks(config.Dedup), _parallelism, ledger),
            DedupTaskExecutor.Phase => new DedupTaskExecutor(output, Filtered, _inputs.Parts, DedupWork.BandTasks(config.Dedup), ledger, CountTokens),
            SynthTaskExecutor.Phase => new SynthTaskExecutor(output, config, _inputs.Tokenizer, ledger),
            TokenizeTaskExecutor.Phase => new TokenizeTaskExecutor(output, config, Kept, _inputs.Tokenizer, ledger, _materializer, _parallelism),
            StagesTaskExecutor.Phase => new StagesTaskExecutor(output, config, MixesUnlocked(), _inputs.Tokenizer.EndOfTextId, ledger),
            PackTaskExecutor.Phase => new PackTaskExecutor(output, config, MixesUnlocked(), _inputs.Tokenizer.EndOfTextId, _inputs.TokenParts, ledger),
            _ => throw new ArgumentException($"unknown phase '{phase}'", nameof(phase)),
        };
    }

    private IReadOnlyList<StageMix> MixesUnlocked() => _mixes ??= MixingStep.Plan(_inputs.Config, _inputs.Ledger, _inputs.TokenParts);

    private Ingest.Pdf.OpenAiVisionTranscriber? Transcriber()
    {
        var input = _inputs.Config.Input;
        return _visionHttp is null ? null : new Ingest.Pdf.OpenAiVisionTranscriber(_visionHttp, new Uri(input.PdfVisionEndpoint!), input.PdfVisionModel);
    }
}
