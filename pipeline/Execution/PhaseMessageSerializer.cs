using System.Text.Json;
using Akka.Actor;
using System.Runtime.Serialization;
using Akka.Serialization;

namespace Corpus.Pipeline.Execution;

/// <summary>
/// Writes the work-pulling messages (<see cref="IPhaseMessage"/>) as JSON with the message kind as
/// the manifest, so a coordinator and workers on other nodes exchange them without relying on
/// .NET type names. Bound to <see cref="IPhaseMessage"/> in the cluster's configuration.
/// </summary>
internal sealed class PhaseMessageSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The serializer's id in the Akka configuration; ids under 100 are Akka's own.</summary>
    public const int Id = 8470;

    public override int Identifier => Id;

    public override string Manifest(object o) => o switch
    {
        RequestWork => "request-work",
        AssignTask => "assign-task",
        NoMoreWork => "no-more-work",
        TaskSucceeded => "task-succeeded",
        TaskAttemptFailed => "task-attempt-failed",
        _ => throw new ArgumentException($"cannot serialize {o.GetType().FullName}: not a phase message", nameof(o)),
    };

    public override byte[] ToBinary(object obj) => obj is NoMoreWork ? [] : JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), Json);

    public override object FromBinary(byte[] bytes, string manifest) => manifest switch
    {
        "request-work" => Read<RequestWork>(bytes, manifest),
        "assign-task" => Read<AssignTask>(bytes, manifest),
        "no-more-work" => NoMoreWork.Instance,
        "task-succeeded" => Read<TaskSucceeded>(bytes, manifest),
        "task-attempt-failed" => Read<TaskAttemptFailed>(bytes, manifest),
        _ => throw new SerializationException($"unknown phase message kind '{manifest}'"),
    };

    private static T Read<T>(byte[] bytes, string manifest) =>
        JsonSerializer.Deserialize<T>(bytes, Json) ?? throw new SerializationException($"empty '{manifest}' message");
}
