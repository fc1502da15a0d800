using System.Collections.Immutable;

namespace Corpus.Core.Configuration;

/// <summary>
/// Everything that decides a build's output besides its inputs. Two builds with equal configs over
/// equal inputs write byte-identical shards and manifests; run options such as the worker count are
/// deliberately not part of it.
/// </summary>
public sealed record BuildConfig
{
    /// <summary>Seed for every seeded decision (shuffles, sampling, mixing).</summary>
    public long Seed { get; init; }

    /// <summary>How input files are found and split into tasks.</summary>
    public InputConfig Input { get; init; } = new();

    /// <summary>Which tokenizer to use.</summary>
    public TokenizerConfig Tokenizer { get; init; } = new();

    /// <summary>Normalization, quality rules and PII redaction.</summary>
    public FiltersConfig Filters { get; init; } = new();

    /// <summary>Language, script, code, domain and educational-value labels, set in the filter phase.</summary>
    public ClassifyConfig Classify { get; init; } = new();

    /// <summary>Evaluation sets whose text must not leak into the corpus.</summary>
    public DecontaminationConfig Decontamination { get; init; } = new();

    /// <summary>How duplicates are removed.</summary>
    public DedupConfig Dedup { get; init; } = new();

    /// <summary>How a build crawls (the sample site, with <c>--sample</c>).</summary>
    public CrawlConfig Crawl { get; init; } = new();

    /// <summary>Synthetic math and code from a model (the <c>synth</c> phase; off unless an engine is set).</summary>
    public SynthConfig Synth { get; init; } = new();

    /// <summary>How token shards are written.</summary>
    public ShardsConfig Shards { get; init; } = new();

    /// <summary>The pre-training stages the shards phase writes, in order (Qwen3-shaped S1/S2/S3 by default).</summary>
    public ImmutableArray<StagePlan> Stages { get; init; } = StagePlans.Qwen3;

    /// <summary>Limits on what one input may cost: time, memory, worker processes, quarantine.</summary>
    public LimitsConfig Limits { get; init; } = new();

    /// <summary>The defaults every key falls back to.</summary>
    public static BuildConfig Default { get; } = new();
}

/// <summary>The <c>input</c> section.</summary>
public sealed record InputConfig
{
    /// <summary>File extensions (lower case, with the dot) read as documents.</summary>
    public ImmutableArray<string> Extensions { get; init; } = [".txt", ".md", ".markdown", ".html", ".htm", ".pdf"];

    /// <summary>Files larger than this are rejected unread (<c>too-large</c>), which bounds memory per document.</summary>
    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>How many input files make one ingest task (the unit of parallelism and of resume).</summary>
    public int FilesPerTask { get; init; } = 256;

    /// <summary>A PDF with more pages is rejected (<c>too-many-pages</c>).</summary>
    public int PdfMaxPages { get; init; } = 2000;

    /// <summary>Wall-clock seconds one PDF may take; past them it is rejected (<c>timeout</c>) and the worker moves on.</summary>
    public double PdfMaxSeconds { get; init; } = 30;

    /// <summary>An OpenAI-compatible server hosting a vision model (e.g. Qwen2.5-VL) that transcribes scanned PDF pages; null: scans are rejects <c>no-text-layer</c>.</summary>
    public string? PdfVisionEndpoint { get; init; }

    /// <summary>The model name the vision server is asked for.</summary>
    public string PdfVisionModel { get; init; } = "Qwen2.5-VL-7B-Instruct";
}

/// <summary>The <c>tokenizer</c> section.</summary>
public sealed record TokenizerConfig
{
    /// <summary>A Hugging Face <c>tokenizer.json</c>; null means the built-in Qwen3 tokenizer.</summary>
    public string? Path { get; init; }
}

/// <summary>The <c>filters</c> section: the filter phase between ingest and dedup.</summary>
public sealed record FiltersConfig
{
    /// <summary>Run the filter phase.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Apply the quality rules (Gopher quality and repetition, C4, FineWeb, URL), datatrove's defaults per language.</summary>
    public bool Quality { get; init; } = true;

    /// <summary>Replace e-mail addresses, IP addresses, phone and payment-card numbers by placeholders.</summary>
    public bool Pii { get; init; } = true;

    /// <summary>A file of blocked domains, one a line (subdomains match); null for none.</summary>
    public string? UrlBlocklist { get; init; }
}

/// <summary>The <c>classify</c> section: the labels the filter phase writes into every document.</summary>
public sealed record ClassifyConfig
{
    /// <summary>Identify each document's language and script (the built-in model unless <see cref="LanguageModel"/> is set).</summary>
    public bool Language { get; init; } = true;

    /// <summary>A fastText <c>.bin</c>/<c>.ftz</c> language-ID model (lid.176, GlotLID or one of ours); null means the built-in model.</summary>
    public string? LanguageModel { get; init; }

    /// <summary>Below this confidence a document's language is <c>und</c>.</summary>
    public double LanguageThreshold { get; init; } = 0.5;

    /// <summary>Prior weight of the 119 Qwen3 languages over the model's other labels (1: the model's own ranking).</summary>
    public double Qwen3Weight { get; init; } = 10;

    /// <summary>Keep only documents in these languages (<c>xxx_Scrp</c> codes); empty keeps every language.</summary>
    public ImmutableArray<string> KeepLanguages { get; init; } = [];

    /// <summary>Detect source code and name its programming language.</summary>
    public bool Code { get; init; } = true;

    /// <summary>A fastText model of educational value (labels <c>edu_0</c>..<c>edu_5</c>, from <c>corpus classify train</c>); null: no edu score.</summary>
    public string? EduModel { get; init; }

    /// <summary>A fastText model of domain (labels <c>domain_*</c>, from <c>corpus classify train</c>); null: no domain label.</summary>
    public string? DomainModel { get; init; }
}

/// <summary>The <c>decontamination</c> section, applied in the filter phase.</summary>
public sealed record DecontaminationConfig
{
    /// <summary>Evaluation sets in their usual JSONL forms (GSM8K, MATH, HumanEval, MBPP), by path.</summary>
    public ImmutableArray<string> EvalSets { get; init; } = [];

    /// <summary>A document sharing a run of this many words with an evaluation set is removed.</summary>
    public int NGram { get; init; } = 13;
}

/// <summary>The <c>dedup</c> section: exact dedup on normalized text, and MinHash LSH fuzzy dedup.</summary>
public sealed record DedupConfig
{
    /// <summary>Run the dedup phase.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Also remove near duplicates (MinHash LSH), not only exact ones.</summary>
    public bool Fuzzy { get; init; } = true;

    /// <summary>LSH bands.</summary>
    public int Bands { get; init; } = 14;

    /// <summary>Hashes per band (bands × rows hashes in all).</summary>
    public int RowsPerBand { get; init; } = 8;

    /// <summary>Share of signature hashes two candidates must agree on to be merged (0 merges every candidate pair, as FineWeb does).</summary>
    public double MinSimilarity { get; init; } = 0.7;
}

/// <summary>The <c>crawl</c> section: how a build crawls the sample site (<c>--sample</c>).</summary>
public sealed record CrawlConfig
{
    /// <summary>Least time between the starts of two requests to one host (0: as fast as the connections allow; the sample site is local).</summary>
    public int PolitenessMs { get; init; }

    /// <summary>Requests open at once to one host.</summary>
    public int MaxConnectionsPerHost { get; init; } = 16;

    /// <summary>Requests open at once in all, per crawling process.</summary>
    public int Fetchers { get; init; } = 16;

    /// <summary>Pages to fetch at most.</summary>
    public int MaxPages { get; init; } = 100_000;
}

/// <summary>
/// The <c>synth</c> section: the build's synth phase generates verified math and code samples with a
/// model and adds them to the corpus as <c>synthetic</c> documents. One task per entry of
/// <see cref="Tasks"/>. With <see cref="Engine"/> <c>none</c> (the default) the phase is skipped.
/// </summary>
public sealed record SynthConfig
{
    /// <summary><c>none</c>, <c>llama</c> (the embedded llama.cpp on <see cref="Model"/>, a GGUF file) or <c>openai</c> (an OpenAI-compatible server at <see cref="Endpoint"/>).</summary>
    public string Engine { get; init; } = "none";

    /// <summary>The GGUF file (llama) or the model name the server knows (openai).</summary>
    public string? Model { get; init; }

    /// <summary>The server's base URL (openai).</summary>
    public string? Endpoint { get; init; }

    /// <summary>One task per entry: <c>math</c> or <c>code</c>.</summary>
    public ImmutableArray<string> Tasks { get; init; } = ["math", "code"];

    /// <summary>Problems per task.</summary>
    public int Count { get; init; } = 64;

    /// <summary>Samples per problem (math without a known answer is verified by their majority).</summary>
    public int SamplesPerProblem { get; init; } = 4;

    /// <summary>Whether samples think first (Qwen3's thinking mode).</summary>
    public bool Thinking { get; init; }

    /// <summary>Most thinking tokens per sample; null: no budget.</summary>
    public int? ThinkingBudget { get; init; }

    /// <summary>Most tokens per sample.</summary>
    public int MaxTokens { get; init; } = 2048;

    /// <summary>Sampling temperature; null: Qwen3's recommended setting.</summary>
    public double? Temperature { get; init; }

    /// <summary>Requests in flight (the llama engine's batch of sequences).</summary>
    public int Parallel { get; init; } = 16;

    /// <summary>Known-answer math problems (GSM8K/MATH JSONL); null: problems from the built-in topics.</summary>
    public string? MathSeeds { get; init; }

    /// <summary>Code problems with tests (HumanEval/MBPP JSONL); null: problems from the built-in topics.</summary>
    public string? CodeSeeds { get; init; }

    /// <summary>Wall-clock and CPU seconds of each generated program the verifier runs.</summary>
    public int CodeTimeoutSeconds { get; init; } = 10;

    /// <summary>Run generated code even where the machine has no namespaces to isolate it in.</summary>
    public bool AllowUnisolatedCode { get; init; }

    /// <summary>Whether the phase runs.</summary>
    public bool Enabled => Engine != "none" && !Tasks.IsDefaultOrEmpty;
}

/// <summary>The <c>shards</c> section.</summary>
public sealed record ShardsConfig
{
    /// <summary>A shard file rolls over to the next once its <c>.bin</c> reaches this size.</summary>
    public long MaxShardBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Which formats to write: <c>megatron</c> (documents, .bin/.idx) and/or <c>parquet</c> (packed fixed-length sequences).</summary>
    public ImmutableArray<string> Formats { get; init; } = ["megatron", "parquet"];

    /// <summary>Share of documents held out (by a seeded hash of their id) into every stage's <c>valid/</c> split and no training split.</summary>
    public double ValidationShare { get; init; } = 0.005;

    /// <summary>Tokens of documents the packer holds at once per stage and task (bounds memory; larger packs tighter).</summary>
    public long PackingWindowTokens { get; init; } = 4L * 1024 * 1024;

    /// <summary>The report counts a Qwen3 language as covered when the kept corpus holds at least this many of its tokens.</summary>
    public long LanguageTargetTokens { get; init; } = 1000;
}

/// <summary>
/// What one input may cost a build (<c>limits</c>). Crash-prone work (PDF parsing, and reading an input that already
/// killed a process) runs in worker processes; an input over a limit is a reject naming the limit, never a failed build.
/// </summary>
public sealed record LimitsConfig
{
    /// <summary>Time limit of one document's read in a worker process, in seconds (a PDF's own limit is <c>input.pdf_max_seconds</c>).</summary>
    public double DocumentSeconds { get; init; } = 60;

    /// <summary><c>process</c>: crash-prone work runs in worker processes; <c>none</c>: in the build's own process.</summary>
    public string Isolation { get; init; } = "process";

    /// <summary>Worker processes per node; 0: one per build worker, at most the number of cores.</summary>
    public int WorkerProcesses { get; init; }

    /// <summary>Managed heap limit of one worker process, in MiB; a document that needs more is a reject <c>memory</c>.</summary>
    public long WorkerMemoryMb { get; init; } = 2048;

    /// <summary>Deaths of a process reading one input after which the input is quarantined (a reject <c>crashed</c>).</summary>
    public int QuarantineAfter { get; init; } = 3;

    /// <summary>Whether crash-prone work runs in worker processes.</summary>
    public bool Isolated => Isolation == "process";
}
