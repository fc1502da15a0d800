using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Corpus.Core.Configuration;

/// <summary>
/// Reads a build config from JSON (snake_case keys, every key optional), validates every value and
/// writes the canonical form that the config hash is taken over. Unknown keys are errors, so a typo
/// never silently falls back to a default.
/// </summary>
public static class BuildConfigLoader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Loads and validates the config file at <paramref name="path"/>.</summary>
    public static BuildConfig LoadFile(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"cannot read config file '{path}': {e.Message}", e);
        }

        return Parse(json, path);
    }

    /// <summary>Parses and validates config JSON; <paramref name="origin"/> names it in errors.</summary>
    public static BuildConfig Parse(string json, string origin = "config")
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new ConfigException($"{origin} is not valid JSON: {e.Message}", e);
        }

        using (doc)
        {
            var root = doc.RootElement;
            Expect(root, "(root)", JsonValueKind.Object);
            var config = BuildConfig.Default;
            foreach (var p in root.EnumerateObject())
            {
                config = p.Name switch
                {
                    "seed" => config with { Seed = ReadInt64(p.Value, "seed", long.MinValue, long.MaxValue) },
                    "input" => config with { Input = ReadInput(p.Value, config.Input) },
                    "tokenizer" => config with { Tokenizer = ReadTokenizer(p.Value, config.Tokenizer) },
                    "filters" => config with { Filters = ReadFilters(p.Value, config.Filters) },
                    "classify" => config with { Classify = ReadClassify(p.Value, config.Classify) },
                    "decontamination" => config with { Decontamination = ReadDecontamination(p.Value, config.Decontamination) },
                    "dedup" => config with { Dedup = ReadDedup(p.Value, config.Dedup) },
                    "crawl" => config with { Crawl = ReadCrawl(p.Value, config.Crawl) },
                    "synth" => config with { Synth = ReadSynth(p.Value, config.Synth) },
                    "shards" => config with { Shards = ReadShards(p.Value, config.Shards) },
                    "stages" => config with { Stages = StagePlanReader.ReadStages(p.Value, "stages") },
                    "limits" => config with { Limits = ReadLimits(p.Value, config.Limits) },
                    _ => throw Unknown(p.Name),
                };
            }

            return config;
        }
    }

    /// <summary>Checks values set in code (not read from JSON) by the same rules.</summary>
    public static BuildConfig Validate(BuildConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Parse(ToCanonicalJson(config), "config");
    }

    /// <summary>The canonical JSON of a config: every key, fixed order, LF line ends.</summary>
    public static string ToCanonicalJson(BuildConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteNumber("seed", config.Seed);
            w.WriteStartObject("input");
            w.WriteStartArray("extensions");
            foreach (var e in config.Input.Extensions)
            {
                w.WriteStringValue(e);
            }

            w.WriteEndArray();
            w.WriteNumber("max_file_bytes", config.Input.MaxFileBytes);
            w.WriteNumber("files_per_task", config.Input.FilesPerTask);
            w.WriteNumber("pdf_max_pages", config.Input.PdfMaxPages);
            w.WriteNumber("pdf_max_seconds", config.Input.PdfMaxSeconds);
            WriteOptionalString(w, "pdf_vision_endpoint", config.Input.PdfVisionEndpoint);
            w.WriteString("pdf_vision_model", config.Input.PdfVisionModel);
            w.WriteEndObject();
            w.WriteStartObject("tokenizer");
            if (config.Tokenizer.Path is null)
            {
                w.WriteNull("path");
            }
            else
            {
                w.WriteString("path", config.Tokenizer.Path);
            }

            w.WriteEndObject();
            w.WriteStartObject("filters");
            w.WriteBoolean("enabled", config.Filters.Enabled);
            w.WriteBoolean("quality", config.Filters.Quality);
            w.WriteBoolean("pii", config.Filters.Pii);
            if (config.Filters.UrlBlocklist is null)
            {
                w.WriteNull("url_blocklist");
            }
            else
            {
                w.WriteString("url_blocklist", config.Filters.UrlBlocklist);
            }

            w.WriteEndObject();
            w.WriteStartObject("classify");
            w.WriteBoolean("language", config.Classify.Language);
            WriteOptionalString(w, "language_model", config.Classify.LanguageModel);
            w.WriteNumber("language_threshold", config.Classify.LanguageThreshold);
            w.WriteNumber("qwen3_weight", config.Classify.Qwen3Weight);
            w.WriteStartArray("keep_languages");
            foreach (var language in config.Classify.KeepLanguages)
            {
                w.WriteStringValue(language);
            }

            w.WriteEndArray();
            w.WriteBoolean("code", config.Classify.Code);
            WriteOptionalString(w, "edu_model", config.Classify.EduModel);
            WriteOptionalString(w, "domain_model", config.Classify.DomainModel);
            w.WriteEndObject();
            w.WriteStartObject("decontamination");
            w.WriteStartArray("eval_sets");
            foreach (var set in config.Decontamination.EvalSets)
            {
                w.WriteStringValue(set);
            }

            w.WriteEndArray();
            w.WriteNumber("ngram", config.Decontamination.NGram);
            w.WriteEndObject();
            w.WriteStartObject("dedup");
            w.WriteBoolean("enabled", config.Dedup.Enabled);
            w.WriteBoolean("fuzzy", config.Dedup.Fuzzy);
            w.WriteNumber("bands", config.Dedup.Bands);
            w.WriteNumber("rows_per_band", config.Dedup.RowsPerBand);
            w.WriteNumber("min_similarity", config.Dedup.MinSimilarity);
            w.WriteEndObject();
            w.WriteStartObject("crawl");
            w.WriteNumber("politeness_ms", config.Crawl.PolitenessMs);
            w.WriteNumber("max_connections_per_host", config.Crawl.MaxConnectionsPerHost);
            w.WriteNumber("fetchers", config.Crawl.Fetchers);
            w.WriteNumber("max_pages", config.Crawl.MaxPages);
            w.WriteEndObject();
            if (config.Synth.Engine != "none")
            {
                // Written only when set, so a build without synth keeps the config hash it had before the section existed.
                WriteSynth(w, config.Synth);
            }

            w.WriteStartObject("shards");
            w.WriteNumber("max_shard_bytes", config.Shards.MaxShardBytes);
            w.WriteStartArray("formats");
            foreach (var f in config.Shards.Formats)
            {
                w.WriteStringValue(f);
            }

            w.WriteEndArray();
            w.WriteNumber("validation_share", config.Shards.ValidationShare);
            w.WriteNumber("packing_window_tokens", config.Shards.PackingWindowTokens);
            w.WriteNumber("language_target_tokens", config.Shards.LanguageTargetTokens);
            w.WriteEndObject();
            StagePlanReader.WriteStages(w, config.Stages);
            WriteLimits(w, config.Limits);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>SHA-256 (hex) of the canonical JSON: the config's identity in manifests and resume checks.</summary>
    public static string Hash(BuildConfig config) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToCanonicalJson(config))));

    private static InputConfig ReadInput(JsonElement e, InputConfig current) =>
        ReadSection(e, "input", current, (p, key, c) => p.Name switch
        {
            "extensions" => c with { Extensions = ReadExtensions(p.Value, key) },
            "max_file_bytes" => c with { MaxFileBytes = ReadInt64(p.Value, key, 1, 1L << 40) },
            "files_per_task" => c with { FilesPerTask = (int)ReadInt64(p.Value, key, 1, 1_000_000) },
            "pdf_max_pages" => c with { PdfMaxPages = (int)ReadInt64(p.Value, key, 1, 1_000_000) },
            "pdf_max_seconds" => c with { PdfMaxSeconds = ReadDouble(p.Value, key, 0.1, 86_400) },
            "pdf_vision_endpoint" => c with { PdfVisionEndpoint = ReadHttpUrl(p.Value, key) },
            "pdf_vision_model" => c with { PdfVisionModel = ReadNonEmptyString(p.Value, key) },
            _ => throw Unknown(key),
        });

    private static TokenizerConfig ReadTokenizer(JsonElement e, TokenizerConfig current) =>
        ReadSection(e, "tokenizer", current, (p, key, c) => p.Name switch
        {
            "path" => c with
            {
                Path = p.Value.ValueKind == JsonValueKind.Null ? null : ReadNonEmptyString(p.Value, key),
            },
            _ => throw Unknown(key),
        });

    private static FiltersConfig ReadFilters(JsonElement e, FiltersConfig current) =>
        ReadSection(e, "filters", current, (p, key, c) => p.Name switch
        {
            "enabled" => c with { Enabled = ReadBool(p.Value, key) },
            "quality" => c with { Quality = ReadBool(p.Value, key) },
            "pii" => c with { Pii = ReadBool(p.Value, key) },
            "url_blocklist" => c with { UrlBlocklist = p.Value.ValueKind == JsonValueKind.Null ? null : ReadNonEmptyString(p.Value, key) },
            _ => throw Unknown(key),
        });

    private static void WriteOptionalString(Utf8JsonWriter w, string key, string? value)
    {
        if (value is null)
        {
            w.WriteNull(key);
        }
        else
        {
            w.WriteString(key, value);
        }
    }

    private static ClassifyConfig ReadClassify(JsonElement e, ClassifyConfig current) =>
        ReadSection(e, "classify", current, (p, key, c) => p.Name switch
        {
            "language" => c with { Language = ReadBool(p.Value, key) },
            "language_model" => c with { LanguageModel = ReadOptionalString(p.Value, key) },
            "language_threshold" => c with { LanguageThreshold = ReadDouble(p.Value, key, 0, 1) },
            "qwen3_weight" => c with { Qwen3Weight = ReadDouble(p.Value, key, 1, 1000) },
            "keep_languages" => c with { KeepLanguages = ReadLanguageCodes(p.Value, key) },
            "code" => c with { Code = ReadBool(p.Value, key) },
            "edu_model" => c with { EduModel = ReadOptionalString(p.Value, key) },
            "domain_model" => c with { DomainModel = ReadOptionalString(p.Value, key) },
            _ => throw Unknown(key),
        });

    private static string? ReadOptionalString(JsonElement e, string key) =>
        e.ValueKind == JsonValueKind.Null ? null : ReadNonEmptyString(e, key);

    internal static ImmutableArray<string> ReadLanguageCodes(JsonElement e, string key)
    {
        Expect(e, key, JsonValueKind.Array);
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var item in e.EnumerateArray())
        {
            var value = ReadNonEmptyString(item, key);
            if (!Languages.LanguageCode.TryParse(value, out var code))
            {
                throw new ConfigException(key, item.GetRawText(), "expected a language code like \"eng_Latn\" (ISO 639-3 and ISO 15924)");
            }

            seen.Add(code.ToString());
        }

        return [.. seen];
    }

    private static DecontaminationConfig ReadDecontamination(JsonElement e, DecontaminationConfig current) =>
        ReadSection(e, "decontamination", current, (p, key, c) => p.Name switch
        {
            "eval_sets" => c with { EvalSets = ReadPaths(p.Value, key) },
            "ngram" => c with { NGram = (int)ReadInt64(p.Value, key, 3, 200) },
            _ => throw Unknown(key),
        });

    private static ImmutableArray<string> ReadPaths(JsonElement e, string key)
    {
        Expect(e, key, JsonValueKind.Array);
        var list = ImmutableArray.CreateBuilder<string>();
        foreach (var item in e.EnumerateArray())
        {
            list.Add(ReadNonEmptyString(item, key));
        }

        return list.ToImmutable();
    }

    /// <summary>Reads a section's keys into <paramref name="current"/>, one at a time; <paramref name="apply"/> gets the dotted key for errors.</summary>
    internal static T ReadSection<T>(JsonElement e, string section, T current, Func<JsonProperty, string, T, T> apply)
    {
        Expect(e, section, JsonValueKind.Object);
        foreach (var p in e.EnumerateObject())
        {
            current = apply(p, section + "." + p.Name, current);
        }

        return current;
    }

    private static void WriteSynth(Utf8JsonWriter w, SynthConfig synth)
    {
        w.WriteStartObject("synth");
        w.WriteString("engine", synth.Engine);
        WriteOptional(w, "model", synth.Model);
        WriteOptional(w, "endpoint", synth.Endpoint);
        w.WriteStartArray("tasks");
        foreach (var task in synth.Tasks)
        {
            w.WriteStringValue(task);
        }

        w.WriteEndArray();
        w.WriteNumber("count", synth.Count);
        w.WriteNumber("samples_per_problem", synth.SamplesPerProblem);
        w.WriteBoolean("thinking", synth.Thinking);
        if (synth.ThinkingBudget is { } budget)
        {
            w.WriteNumber("thinking_budget", budget);
        }

        w.WriteNumber("max_tokens", synth.MaxTokens);
        if (synth.Temperature is { } temperature)
        {
            w.WriteNumber("temperature", temperature);
        }

        w.WriteNumber("parallel", synth.Parallel);
        WriteOptional(w, "math_seeds", synth.MathSeeds);
        WriteOptional(w, "code_seeds", synth.CodeSeeds);
        w.WriteNumber("code_timeout_seconds", synth.CodeTimeoutSeconds);
        w.WriteBoolean("allow_unisolated_code", synth.AllowUnisolatedCode);
        w.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static SynthConfig ReadSynth(JsonElement e, SynthConfig current)
    {
        var synth = ReadSection(e, "synth", current, (p, key, c) => p.Name switch
        {
            "engine" => c with { Engine = ReadChoice(p.Value, key, "none", "llama", "openai") },
            "model" => c with { Model = ReadNonEmptyString(p.Value, key) },
            "endpoint" => c with { Endpoint = ReadEndpoint(p.Value, key) },
            "tasks" => c with { Tasks = ReadTasks(p.Value, key) },
            "count" => c with { Count = (int)ReadInt64(p.Value, key, 1, 100_000_000) },
            "samples_per_problem" => c with { SamplesPerProblem = (int)ReadInt64(p.Value, key, 1, 1024) },
            "thinking" => c with { Thinking = ReadBool(p.Value, key) },
            "thinking_budget" => c with { ThinkingBudget = (int)ReadInt64(p.Value, key, 0, 1 << 20) },
            "max_tokens" => c with { MaxTokens = (int)ReadInt64(p.Value, key, 1, 1 << 20) },
            "temperature" => c with { Temperature = ReadDouble(p.Value, key, 0, 10) },
            "parallel" => c with { Parallel = (int)ReadInt64(p.Value, key, 1, 4096) },
            "math_seeds" => c with { MathSeeds = ReadNonEmptyString(p.Value, key) },
            "code_seeds" => c with { CodeSeeds = ReadNonEmptyString(p.Value, key) },
            "code_timeout_seconds" => c with { CodeTimeoutSeconds = (int)ReadInt64(p.Value, key, 1, 3600) },
            "allow_unisolated_code" => c with { AllowUnisolatedCode = ReadBool(p.Value, key) },
            _ => throw Unknown(key),
        });
        if (synth.Engine != "none" && synth.Model is null)
        {
            throw new ConfigException("synth.model", "null", $"synth.engine {synth.Engine} needs a model ({(synth.Engine == "llama" ? "a GGUF file" : "the name the server knows")})");
        }

        if (synth.Engine == "openai" && synth.Endpoint is null)
        {
            throw new ConfigException("synth.endpoint", "null", "synth.engine openai needs the server's endpoint URL");
        }

        return synth;
    }

    private static string ReadChoice(JsonElement e, string key, params string[] choices) =>
        e.ValueKind == JsonValueKind.String && choices.Contains(e.GetString(), StringComparer.Ordinal)
            ? e.GetString()!
            : throw new ConfigException(key, e.GetRawText(), "expected one of " + string.Join(", ", choices));

    private static string ReadEndpoint(JsonElement e, string key) =>
        ReadNonEmptyString(e, key) is var text && Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? text
            : throw new ConfigException(key, e.GetRawText(), "expected an http:// or https:// URL");

    private static ImmutableArray<string> ReadTasks(JsonElement e, string key)
    {
        Expect(e, key, JsonValueKind.Array);
        var tasks = e.EnumerateArray().Select((t, i) => ReadChoice(t, $"{key}[{i}]", "math", "code")).ToImmutableArray();
        return tasks.Length > 0 ? tasks : throw new ConfigException(key, e.GetRawText(), "expected at least one of math, code");
    }

    private static CrawlConfig ReadCrawl(JsonElement e, CrawlConfig current) =>
        ReadSection(e, "crawl", current, (p, key, c) => p.Name switch
        {
            "politeness_ms" => c with { PolitenessMs = (int)ReadInt64(p.Value, key, 0, 60_000) },
            "max_connections_per_host" => c with { MaxConnectionsPerHost = (int)ReadInt64(p.Value, key, 1, 256) },
            "fetchers" => c with { Fetchers = (int)ReadInt64(p.Value, key, 1, 1024) },
            "max_pages" => c with { MaxPages = (int)ReadInt64(p.Value, key, 1, 100_000_000) },
            _ => throw Unknown(key),
        });

    private static DedupConfig ReadDedup(JsonElement e, DedupConfig current) =>
        ReadSection(e, "dedup", current, (p, key, c) => p.Name switch
        {
            "enabled" => c with { Enabled = ReadBool(p.Value, key) },
            "fuzzy" => c with { Fuzzy = ReadBool(p.Value, key) },
            "bands" => c with { Bands = (int)ReadInt64(p.Value, key, 1, 1024) },
            "rows_per_band" => c with { RowsPerBand = (int)ReadInt64(p.Value, key, 1, 1024) },
            "min_similarity" => c with { MinSimilarity = ReadDouble(p.Value, key, 0, 1) },
            _ => throw Unknown(key),
        });

    internal static bool ReadBool(JsonElement e, string key) => e.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new ConfigException(key, e.GetRawText(), "expected true or false"),
    };

    internal static double ReadDouble(JsonElement e, string key, double min, double max)
    {
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetDouble(out var v))
        {
            throw new ConfigException(key, e.GetRawText(), "expected a number");
        }

        if (v < min || v > max)
        {
            throw new ConfigException(key, e.GetRawText(), string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}"));
        }

        return v;
    }

    private static LimitsConfig ReadLimits(JsonElement e, LimitsConfig current) =>
        ReadSection(e, "limits", current, (p, key, c) => p.Name switch
        {
            "document_seconds" => c with { DocumentSeconds = ReadDouble(p.Value, key, 0.1, 86_400) },
            "isolation" => c with { Isolation = ReadNonEmptyString(p.Value, key) is "process" or "none" ? p.Value.GetString()! : throw new ConfigException(key, p.Value.GetRawText(), "expected \"process\" or \"none\"") },
            "worker_processes" => c with { WorkerProcesses = (int)ReadInt64(p.Value, key, 0, 1024) },
            "worker_memory_mb" => c with { WorkerMemoryMb = ReadInt64(p.Value, key, 64, 1L << 24) },
            "quarantine_after" => c with { QuarantineAfter = (int)ReadInt64(p.Value, key, 1, 100) },
            _ => throw Unknown(key),
        });

    /// <summary>
    /// The limits section, written only when it differs from the defaults: limits decide which hostile inputs become
    /// rejects, so changed ones are part of a config's identity, while builds with the default limits keep the hash
    /// they have without the section.
    /// </summary>
    private static void WriteLimits(Utf8JsonWriter w, LimitsConfig limits)
    {
        if (limits == new LimitsConfig())
        {
            return;
        }

        w.WriteStartObject("limits");
        w.WriteNumber("document_seconds", limits.DocumentSeconds);
        w.WriteString("isolation", limits.Isolation);
        w.WriteNumber("worker_processes", limits.WorkerProcesses);
        w.WriteNumber("worker_memory_mb", limits.WorkerMemoryMb);
        w.WriteNumber("quarantine_after", limits.QuarantineAfter);
        w.WriteEndObject();
    }

    private static ShardsConfig ReadShards(JsonElement e, ShardsConfig current) =>
        ReadSection(e, "shards", current, (p, key, c) => p.Name switch
        {
            "max_shard_bytes" => c with { MaxShardBytes = ReadInt64(p.Value, key, 4096, 1L << 40) },
            "formats" => c with { Formats = ReadFormats(p.Value, key) },
            "validation_share" => c with { ValidationShare = ReadDouble(p.Value, key, 0, 0.5) },
            "packing_window_tokens" => c with { PackingWindowTokens = ReadInt64(p.Value, key, 1024, 1L << 36) },
            "language_target_tokens" => c with { LanguageTargetTokens = ReadInt64(p.Value, key, 0, long.MaxValue / 4) },
            _ => throw Unknown(key),
        });

    private static ImmutableArray<string> ReadExtensions(JsonElement e, string key)
    {
        Expect(e, key, JsonValueKind.Array);
        var list = ImmutableArray.CreateBuilder<string>();
        foreach (var item in e.EnumerateArray())
        {
            var ext = ReadNonEmptyString(item, key);
            if (ext[0] != '.' || ext.Length < 2 || ext.IndexOfAny(['/', '\\', '*']) >= 0)
            {
                throw new ConfigException(key, item.GetRawText(), "each extension must start with '.', like \".txt\"");
            }

            var lower = ext.ToLowerInvariant();
            if (!list.Contains(lower))
            {
                list.Add(lower);
            }
        }

        if (list.Count == 0)
        {
            throw new ConfigException(key, e.GetRawText(), "at least one extension is needed");
        }

        return list.ToImmutable();
    }

    private static ImmutableArray<string> ReadFormats(JsonElement e, string key)
    {
        Expect(e, key, JsonValueKind.Array);
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var item in e.EnumerateArray())
        {
            var f = ReadNonEmptyString(item, key);
            if (f is not ("megatron" or "parquet"))
            {
                throw new ConfigException(key, item.GetRawText(), "known formats are \"megatron\" and \"parquet\"");
            }

            seen.Add(f);
        }

        if (seen.Count == 0)
        {
            throw new ConfigException(key, e.GetRawText(), "at least one format is needed");
        }

        return [.. seen];
    }

    private static string? ReadHttpUrl(JsonElement e, string key)
    {
        if (e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var s = ReadNonEmptyString(e, key);
        if (!Uri.TryCreate(s, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ConfigException(key, e.GetRawText(), "expected an http:// or https:// URL of an OpenAI-compatible server");
        }

        return s;
    }

    internal static string ReadStageName(JsonElement e, string key)
    {
        var s = ReadNonEmptyString(e, key);
        foreach (var c in s)
        {
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_'))
            {
                throw new ConfigException(key, e.GetRawText(), "a stage name uses only a-z, 0-9, '-' and '_'");
            }
        }

        return s;
    }

    internal static string ReadNonEmptyString(JsonElement e, string key)
    {
        if (e.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(e.GetString()))
        {
            throw new ConfigException(key, e.GetRawText(), "expected a non-empty string");
        }

        return e.GetString()!;
    }

    internal static long ReadInt64(JsonElement e, string key, long min, long max)
    {
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt64(out var v))
        {
            throw new ConfigException(key, e.GetRawText(), "expected a whole number");
        }

        if (v < min || v > max)
        {
            throw new ConfigException(key, e.GetRawText(), string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}"));
        }

        return v;
    }

    internal static void Expect(JsonElement e, string key, JsonValueKind kind)
    {
        if (e.ValueKind != kind)
        {
            throw new ConfigException(key, e.GetRawText(), $"expected {(kind == JsonValueKind.Object ? "an object" : "an array")}");
        }
    }

    internal static ConfigException Unknown(string key) => new(key, null, "unknown key");
}
