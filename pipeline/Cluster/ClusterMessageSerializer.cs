using System.Runtime.Serialization;
using System.Text.Json;
using Akka.Actor;
using Akka.Serialization;
using Corpus.Pipeline.Crawl;
using Corpus.Pipeline.Execution;

namespace Corpus.Pipeline.Cluster;

/// <summary>
/// Writes the messages that cross nodes (work pulling: <see cref="IPhaseMessage"/>; the crawl:
/// <see cref="ICrawlWireMessage"/>) as JSON with the message kind as the manifest, so nodes exchange
/// them without relying on .NET type names. Bound to both interfaces in the cluster's configuration.
/// </summary>
internal sealed class ClusterMessageSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    /// <summary>The serializer's id in the Akka configuration; ids under 100 are Akka's own.</summary>
    public const int Id = 8470;

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static readonly Dictionary<Type, string> Kinds = new()
    {
        [typeof(RequestWork)] = "request-work",
        [typeof(AssignTask)] = "assign-task",
        [typeof(NoMoreWork)] = "no-more-work",
        [typeof(TaskSucceeded)] = "task-succeeded",
        [typeof(TaskAttemptFailed)] = "task-attempt-failed",
        [typeof(TaskProgressed)] = "task-progressed",
        [typeof(StartCrawlSession)] = "crawl-start",
        [typeof(HostUrl)] = "crawl-host-url",
        [typeof(CloseNodeWarc)] = "crawl-close-warc",
        [typeof(NodeWarcClosed)] = "crawl-warc-closed",
        [typeof(NodeWarcFailed)] = "crawl-warc-failed",
        [typeof(UrlDone)] = "crawl-url-done",
        [typeof(SitemapsFound)] = "crawl-sitemaps",
        [typeof(LinksFound)] = "crawl-links",
    };

    private static readonly Dictionary<string, Type> Types = Kinds.ToDictionary(k => k.Value, k => k.Key, StringComparer.Ordinal);

    public override int Identifier => Id;

    public override string Manifest(object o) =>
        Kinds.TryGetValue(o.GetType(), out var kind) ? kind : throw new ArgumentException($"cannot serialize {o.GetType().FullName}: not a cluster message", nameof(o));

    public override byte[] ToBinary(object obj) => obj is NoMoreWork ? [] : JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), Json);

    public override object FromBinary(byte[] bytes, string manifest)
    {
        if (!Types.TryGetValue(manifest, out var type))
        {
            throw new SerializationException($"unknown cluster message kind '{manifest}'");
        }

        return type == typeof(NoMoreWork)
            ? NoMoreWork.Instance
            : JsonSerializer.Deserialize(bytes, type, Json) ?? throw new SerializationException($"empty '{manifest}' message");
    }
}
