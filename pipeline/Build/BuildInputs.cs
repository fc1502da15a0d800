using Corpus.Core.Configuration;
using Corpus.Ingest.Files;
using Corpus.Pipeline.Execution;
using Corpus.Pipeline.Phases;
using Corpus.Tokenizer;

namespace Corpus.Pipeline.Build;

/// <summary>
/// What every process of a build derives alike from (input, config, tokenizer): the input's task
/// partition and the build's identity. The coordinator computes it to plan the build; a cluster
/// worker computes it again from its own arguments and checks it against the build on disk.
/// </summary>
internal sealed record BuildInputs(
    string Output,
    BuildConfig Config,
    QwenTokenizer Tokenizer,
    IReadOnlyList<IReadOnlyList<InputItem>> Partition,
    UriRewrite? UriMap,
    BuildIdentity Identity)
{
    /// <summary>Lists and indexes <paramref name="input"/> and loads the tokenizer.</summary>
    public static BuildInputs Read(string input, string output, BuildConfig config, UriRewrite? uriMap, CancellationToken ct)
    {
        var tokenizer = LoadTokenizer(config);
        var files = InputFileLister.List(input).ToList();
        var identity = new BuildIdentity(
            BuildConfigLoader.Hash(config),
            tokenizer.Sha256,
            BuildIdentity.HashModels(config.Classify, Filters.Languages.LanguageIdentifier.DefaultModelPath),
            BuildIdentity.HashListing(files),
            files.Count);
        var items = InputIndex.Build(files, ct);
        var partition = items.Chunk(config.Input.FilesPerTask).Select(c => (IReadOnlyList<InputItem>)c).ToList();
        return new BuildInputs(output, config, tokenizer, partition, uriMap, identity);
    }

    /// <summary>How many tasks the per-part phases have.</summary>
    public int Parts => Partition.Count;

    /// <summary>Tasks of the synth phase (0 when it is off).</summary>
    public int SynthTasks => Phases.SynthTaskExecutor.TaskCount(Config);

    /// <summary>Parts from tokenize on: the corpus's own parts, then one per synth task.</summary>
    public int TokenParts => Parts + SynthTasks;

    /// <summary>The task ledger of the build.</summary>
    public TaskLedger Ledger { get; } = new(Output);

    private static QwenTokenizer LoadTokenizer(BuildConfig config)
    {
        var path = config.Tokenizer.Path ?? QwenTokenizer.DefaultPath;
        try
        {
            return QwenTokenizer.Load(path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new BuildException($"cannot load tokenizer '{path}': {e.Message}", e);
        }
    }
}
