using System.Text.Json;
using System.Text.Json.Serialization;

namespace Corpus.Pipeline.Synth;

/// <summary>Source-generated JSON for reject lines; text outside ASCII is written as it is, not escaped.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SynthRow))]
internal sealed partial class SynthRowJson : JsonSerializerContext
{
    /// <summary>The context reject lines are written with.</summary>
    public static SynthRowJson Lines { get; } = new(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
