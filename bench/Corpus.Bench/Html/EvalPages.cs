using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Corpus.Bench.Html;

/// <summary>One page of trafilatura's evaluation set: its HTML and the snippets that must and must not appear.</summary>
internal sealed record EvalPage(string Url, string File, string Html, IReadOnlyList<string> With, IReadOnlyList<string> Without);

/// <summary>Reads trafilatura's evaluation set (<c>evaldata-subset.json</c> and <c>html/*.gz</c>).</summary>
internal static partial class EvalPages
{
    public static List<EvalPage> Load(string folder)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "evaldata-subset.json")));
        var pages = new List<EvalPage>();
        foreach (var entry in json.RootElement.EnumerateObject())
        {
            var file = entry.Value.GetProperty("file").GetString()!;
            var path = Path.Combine(folder, "html", file + ".gz");
            if (!System.IO.File.Exists(path))
            {
                continue;
            }

            pages.Add(new EvalPage(entry.Name, file, Decode(ReadGzip(path)), Strings(entry.Value, "with"), Strings(entry.Value, "without")));
        }

        return pages;
    }

    private static List<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var list) ? list.EnumerateArray().Select(x => x.GetString() ?? string.Empty).ToList() : [];

    internal static byte[] ReadGzip(string path)
    {
        using var gz = new GZipStream(System.IO.File.OpenRead(path), CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gz.CopyTo(ms);
        return ms.ToArray();
    }

    /// <summary>UTF-8 when the bytes are valid UTF-8, else the charset the page declares, else Windows-1252.</summary>
    internal static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
            var m = Charset().Match(head);
            Encoding encoding;
            try
            {
                encoding = m.Success ? Encoding.GetEncoding(m.Groups[1].Value) : Encoding.GetEncoding(1252);
            }
            catch (ArgumentException)
            {
                encoding = Encoding.GetEncoding(1252);
            }

            return encoding.GetString(bytes);
        }
    }

    [GeneratedRegex(@"charset=[""']?([A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Charset();
}
