using Corpus.Pipeline.Crawl;
using Corpus.Pipeline.Execution;

namespace Corpus.Cli.Commands.Progress;

/// <summary>A progress display for a command: it hears the build and the crawl, and is disposed when the command's work ends.</summary>
internal interface IProgressDisplay : IPhaseObserver, ICrawlObserver, IAsyncDisposable;
