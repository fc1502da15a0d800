using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Corpus.Ingest.Files;

namespace Corpus.Pipeline.Build;

/// <summary>
/// What makes two runs the same build: config, tokenizer and input listing (paths, sizes, times).
/// Kept in <c>_build/build.json</c>; a rerun with the same identity resumes, a different one is
/// refused unless forced.
/// </summary>
internal sealed record BuildIdentity(string ConfigSha256, string TokenizerSha256, string InputSha256, int InputFiles)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string HashListing(IReadOnlyList<InputFile> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var f in files)
        {
            long size = -1, ticks = -1;
            try
            {
                var info = new FileInfo(f.FullPath);
                if (info.Exists)
                {
                    size = info.Length;
                    ticks = info.LastWriteTimeUtc.Ticks;
                }
            }
            catch (IOException)
            {
            }

            hash.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{f.RelativePath}\0{size}\0{ticks}\n")));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static BuildIdentity? TryLoad(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<BuildIdentity>(File.ReadAllBytes(path), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Says how <paramref name="other"/> differs, or null when it is the same build.</summary>
    public string? Difference(BuildIdentity other)
    {
        if (ConfigSha256 != other.ConfigSha256)
        {
            return "the config changed";
        }

        if (TokenizerSha256 != other.TokenizerSha256)
        {
            return "the tokenizer changed";
        }

        if (InputSha256 != other.InputSha256 || InputFiles != other.InputFiles)
        {
            return "the input files changed";
        }

        return null;
    }
}
