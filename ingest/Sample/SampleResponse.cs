namespace Corpus.Ingest.Sample;

/// <summary>What the sample site answers for one path.</summary>
/// <param name="Status">HTTP status code.</param>
/// <param name="ContentType">Content-Type header, with charset where text.</param>
/// <param name="Body">Response body.</param>
/// <param name="Location">Redirect target, for 3xx.</param>
/// <param name="Delay">How long the server waits before answering (the slow page).</param>
public sealed record SampleResponse(int Status, string ContentType, byte[] Body, string? Location = null, TimeSpan Delay = default);
