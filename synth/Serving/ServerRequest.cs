using Corpus.Synth.Engines;

namespace Corpus.Synth.Serving;

/// <summary>A parsed completion request: what to ask the engine, and how to answer.</summary>
/// <param name="Chat">The engine request.</param>
/// <param name="Stream">True: answer as server-sent events, a chunk per piece of text (<c>"stream": true</c>).</param>
/// <param name="IncludeUsage">True: a streamed answer ends with a chunk holding the usage (<c>stream_options.include_usage</c>).</param>
internal sealed record ServerRequest(ChatRequest Chat, bool Stream, bool IncludeUsage);
