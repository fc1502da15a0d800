using Corpus.Core.Configuration;
using Corpus.Ingest.Files;
using Corpus.Pipeline.Execution;
using Corpus.Pipeline.Phases;
using Corpus.Tokenizer;

namespace Corpus.Pipeline.Build;

/// <summary>
/// What every process of a build derives alike from (input, config, tokenizer): the input's task
/// partition and the build's identity. The coordinator computes it to plan the build; a cluster
/// worker computes it again from its own arguments and checks it against the build on disk. The
/// partition lives in a temporary folder (<see cref="InputPartition"/>, under the system's temporary
/// folder: <c>TMPDIR</c> on Linux), deleted on <see cref="Dispose"/>.
/// </summary>
internal sealed record BuildInputs(
    string Output,
    BuildConfig Config,
    QwenTokenizer Tokenizer,
    IReadOnlyList<IReadOnlyList<InputItem>> Partition,
    UriRewrite? UriMap,
    BuildIdentity Identity) : IDisposable
{
    /// <summary>Lists and indexes <paramref name="input"/> and loads the tokenizer.</summary>
    public static BuildInputs Read(string input, string output, BuildConfig config, UriRewrite? uriMap, CancellationToken ct)
    {
        var tokenizer = LoadTokenizer(config);
        var listing = new BuildIdentity.ListingHash();
        var partition = InputPartition.Write(InputFileLister.List(input), Path.GetTempPath(), config.Input.FilesPerTask, listing.Add, ct);
        var identity = new BuildIdentity(
            BuildConfigLoader.Hash(config),
            tokenizer.Sha256,
            BuildIdentity.HashModels(config.Classify, Filters.Languages.LanguageIdentifier.DefaultModelPath),
            listing.Finish(),
            listing.Files);
        return new BuildInputs(output, config, tokenizer, partition, uriMap, identity);
    }

    public void Dispose() => (Partition as IDisposable)?.Dispose();

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
