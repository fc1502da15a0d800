using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Corpus.Shards.Reports;

/// <summary>
/// <c>report.json</c>: the <see cref="BuildReport"/> with snake_case keys in declaration order,
/// two-space indent, LF line ends and a final LF; null values written, never left out. Reading is
/// strict: every key present, no unknown or repeated key, no null where the model has none.
/// </summary>
internal static class ReportJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowDuplicateProperties = false,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
    };

    public static byte[] ToUtf8Bytes(BuildReport report)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(report, Options);
        var bytes = new byte[json.Length + 1];
        json.CopyTo(bytes, 0);
        bytes[^1] = (byte)'\n';
        return bytes;
    }

    public static BuildReport Parse(ReadOnlySpan<byte> utf8Json, string sourceName)
    {
        try
        {
            return JsonSerializer.Deserialize<BuildReport>(utf8Json, Options)
                ?? throw new InvalidDataException($"report '{sourceName}' is null");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"report '{sourceName}' is not a valid report.json: {e.Message}", e);
        }
    }
}
