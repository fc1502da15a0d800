using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Corpus.Ingest.Files;

namespace Corpus.Pipeline.Build;

/// <summary>
/// What makes two runs the same build: config, tokenizer, the filter phase's classification models
/// (their bytes, so a new built-in language-ID model is a new build) and input listing (paths, sizes, times).
/// Kept in <c>_build/build.json</c>; a rerun with the same identity resumes, a different one is
/// refused unless forced.
/// </summary>
internal sealed record BuildIdentity(string ConfigSha256, string TokenizerSha256, string? ModelsSha256, string InputSha256, int InputFiles)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string HashListing(IEnumerable<InputFile> files)
    {
        var hash = new ListingHash();
        foreach (var f in files)
        {
            hash.Add(f);
        }

        return hash.Finish();
    }

    /// <summary>The input listing's hash, taken one file at a time as the listing streams by: each file's path, size and modification time.</summary>
    internal sealed class ListingHash
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        /// <summary>Files added so far.</summary>
        public int Files { get; private set; }

        public void Add(InputFile f)
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

            _hash.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{f.RelativePath}\0{size}\0{ticks}\n")));
            Files++;
        }

        public string Finish()
        {
            using (_hash)
            {
                return Convert.ToHexStringLower(_hash.GetHashAndReset());
            }
        }
    }

    /// <summary>SHA-256 over the bytes of every model the <c>classify</c> section uses (the built-in language-ID model unless another is named, with the group models beside it); a missing file hashes as missing, and the build then stops naming it.</summary>
    public static string HashModels(Core.Configuration.ClassifyConfig config, string builtInLanguageModel)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var language = config.Language ? config.LanguageModel ?? builtInLanguageModel : null;
        var models = new List<(string Key, string? Path)> { ("language", language) };
        if (language is not null)
        {
            // The models of its groups of close languages, loaded with it, decide labels too.
            try
            {
                models.AddRange(Filters.Languages.LanguageIdentifier.GroupModelPaths(language).Select(g => ($"language group {g.Name}", (string?)g.Path)));
            }
            catch (InvalidDataException e)
            {
                // Two models of one group: the filter phase refuses to load them, naming both; the identity says so.
                hash.AppendData(Encoding.UTF8.GetBytes($"language groups\0{e.Message}\n"));
            }
        }

        models.Add(("edu", config.EduModel));
        models.Add(("domain", config.DomainModel));
        foreach (var (key, path) in models)
        {
            string digest;
            try
            {
                digest = path is null ? "none" : File.Exists(path) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))) : "missing";
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                digest = "unreadable";
            }

            hash.AppendData(Encoding.UTF8.GetBytes($"{key}\0{digest}\n"));
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

        if (ModelsSha256 != other.ModelsSha256)
        {
            return "the classification models (classify section) changed";
        }

        if (InputSha256 != other.InputSha256 || InputFiles != other.InputFiles)
        {
            return "the input files changed";
        }

        return null;
    }
}
