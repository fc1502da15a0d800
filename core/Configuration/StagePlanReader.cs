using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using static Corpus.Core.Configuration.BuildConfigLoader;

namespace Corpus.Core.Configuration;

/// <summary>Reads and writes the <c>stages</c> section: a list of <see cref="StagePlan"/>s, validated key by key.</summary>
internal static class StagePlanReader
{
    /// <summary>The domains a stage may name (those the domain classifier gives, and <c>unknown</c> for documents without one).</summary>
    private static readonly string[] KnownDomains = ["general", "stem", "math", "code", "reasoning", "humanities", "news", "fiction", "other", "unknown"];

    private static readonly string[] KnownSources = ["file", "web", "warc", "pdf", "synthetic"];

    public static ImmutableArray<StagePlan> ReadStages(JsonElement e, string key)
    {
        Expect(e, key, JsonValueKind.Array);
        var stages = ImmutableArray.CreateBuilder<StagePlan>();
        var index = 0;
        foreach (var item in e.EnumerateArray())
        {
            var where = $"{key}[{index++}]";
            var stage = ReadStage(item, where);
            if (stages.Any(s => s.Name == stage.Name))
            {
                throw new ConfigException(where + ".name", $"\"{stage.Name}\"", "stage names must be unique");
            }

            stages.Add(stage);
        }

        if (stages.Count == 0)
        {
            throw new ConfigException(key, e.GetRawText(), "at least one stage is needed");
        }

        return stages.ToImmutable();
    }

    public static void WriteStages(Utf8JsonWriter w, ImmutableArray<StagePlan> stages)
    {
        w.WriteStartArray("stages");
        foreach (var s in stages)
        {
            w.WriteStartObject();
            w.WriteString("name", s.Name);
            w.WriteNumber("context_length", s.ContextLength);
            if (s.TokenBudget is { } budget)
            {
                w.WriteNumber("token_budget", budget);
            }
            else
            {
                w.WriteNull("token_budget");
            }

            w.WriteNumber("max_epochs", s.MaxEpochs);
            w.WriteStartObject("eligibility");
            w.WriteNumber("min_tokens", s.Eligibility.MinTokens);
            if (s.Eligibility.MaxTokens is { } max)
            {
                w.WriteNumber("max_tokens", max);
            }
            else
            {
                w.WriteNull("max_tokens");
            }

            WriteList(w, "languages", s.Eligibility.Languages);
            WriteList(w, "domains", s.Eligibility.Domains);
            WriteList(w, "sources", s.Eligibility.Sources);
            if (s.Eligibility.MinEduScore is { } edu)
            {
                w.WriteNumber("min_edu_score", edu);
            }
            else
            {
                w.WriteNull("min_edu_score");
            }

            w.WriteEndObject();
            w.WriteStartObject("mixture");
            WriteShares(w, "language", s.Mixture.Language);
            WriteShares(w, "domain", s.Mixture.Domain);
            WriteShares(w, "source", s.Mixture.Source);
            WriteShares(w, "length", s.Mixture.Length);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static StagePlan ReadStage(JsonElement e, string where)
    {
        Expect(e, where, JsonValueKind.Object);
        if (!e.TryGetProperty("name", out var nameElement))
        {
            throw new ConfigException(where + ".name", null, "every stage needs a name");
        }

        var stage = new StagePlan { Name = ReadStageName(nameElement, where + ".name") };
        foreach (var p in e.EnumerateObject())
        {
            var key = where + "." + p.Name;
            stage = p.Name switch
            {
                "name" => stage,
                "context_length" => stage with { ContextLength = (int)ReadInt64(p.Value, key, 16, 1 << 20) },
                "token_budget" => stage with { TokenBudget = p.Value.ValueKind == JsonValueKind.Null ? null : ReadInt64(p.Value, key, 1, long.MaxValue / 4) },
                "max_epochs" => stage with { MaxEpochs = ReadDouble(p.Value, key, 1, 1000) },
                "eligibility" => stage with { Eligibility = ReadEligibility(p.Value, key, stage.Eligibility) },
                "mixture" => stage with { Mixture = ReadMixture(p.Value, key, stage.Mixture) },
                _ => throw Unknown(key),
            };
        }

        if (stage.Eligibility.MaxTokens is { } maxTokens && maxTokens < stage.Eligibility.MinTokens)
        {
            throw new ConfigException(where + ".eligibility.max_tokens", maxTokens.ToString(CultureInfo.InvariantCulture), "must not be below min_tokens");
        }

        return stage;
    }

    private static StageEligibility ReadEligibility(JsonElement e, string section, StageEligibility current) =>
        ReadSection(e, section, current, (p, key, c) => p.Name switch
        {
            "min_tokens" => c with { MinTokens = ReadInt64(p.Value, key, 0, long.MaxValue / 4) },
            "max_tokens" => c with { MaxTokens = p.Value.ValueKind == JsonValueKind.Null ? null : ReadInt64(p.Value, key, 1, long.MaxValue / 4) },
            "languages" => c with { Languages = ReadLanguageCodes(p.Value, key) },
            "domains" => c with { Domains = ReadNames(p.Value, key, KnownDomains) },
            "sources" => c with { Sources = ReadNames(p.Value, key, KnownSources) },
            "min_edu_score" => c with { MinEduScore = p.Value.ValueKind == JsonValueKind.Null ? null : ReadDouble(p.Value, key, 0, 5) },
            _ => throw Unknown(key),
        });

    private static StageMixture ReadMixture(JsonElement e, string section, StageMixture current) =>
        ReadSection(e, section, current, (p, key, c) => p.Name switch
        {
            "language" => c with { Language = ReadShares(p.Value, key, g => Languages.LanguageCode.TryParse(g, out var code) ? code.ToString() : null, "a language code like \"eng_Latn\"") },
            "domain" => c with { Domain = ReadShares(p.Value, key, g => KnownDomains.Contains(g) ? g : null, "one of " + string.Join(", ", KnownDomains)) },
            "source" => c with { Source = ReadShares(p.Value, key, g => KnownSources.Contains(g) ? g : null, "one of " + string.Join(", ", KnownSources)) },
            "length" => c with { Length = ReadLengthShares(p.Value, key) },
            _ => throw Unknown(key),
        });

    private static ImmutableArray<GroupShare> ReadLengthShares(JsonElement e, string key)
    {
        var shares = ReadShares(e, key, g => LengthRange.TryParse(g, out _, out _) ? g : null, "a token range like \"4096-16384\" or \"16384-\"");
        var ranges = shares.Select(s => LengthRange.TryParse(s.Group, out var min, out var max) ? (Min: min, Max: max ?? long.MaxValue, s.Group) : default).OrderBy(r => r.Min).ToArray();
        for (var i = 1; i < ranges.Length; i++)
        {
            if (ranges[i].Min < ranges[i - 1].Max)
            {
                throw new ConfigException(key, e.GetRawText(), $"length ranges \"{ranges[i - 1].Group}\" and \"{ranges[i].Group}\" overlap");
            }
        }

        return shares;
    }

    /// <summary>Reads <c>{"group": share, ...}</c>: shares 0–1 adding up to at most 1; groups sorted ordinally.</summary>
    private static ImmutableArray<GroupShare> ReadShares(JsonElement e, string key, Func<string, string?> normalize, string expected)
    {
        Expect(e, key, JsonValueKind.Object);
        var shares = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject())
        {
            var group = normalize(p.Name) ?? throw new ConfigException(key + "." + p.Name, null, "expected " + expected);
            shares[group] = ReadDouble(p.Value, key + "." + p.Name, 0, 1);
        }

        var sum = shares.Values.Sum();
        if (sum > 1 + 1e-9)
        {
            throw new ConfigException(key, e.GetRawText(), string.Create(CultureInfo.InvariantCulture, $"shares add up to {sum:0.####}; they may add up to at most 1 (the rest goes to the groups not named)"));
        }

        return [.. shares.Select(s => new GroupShare(s.Key, s.Value))];
    }

    private static ImmutableArray<string> ReadNames(JsonElement e, string key, string[] known)
    {
        Expect(e, key, JsonValueKind.Array);
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var item in e.EnumerateArray())
        {
            var value = ReadNonEmptyString(item, key);
            if (!known.Contains(value))
            {
                throw new ConfigException(key, item.GetRawText(), "expected one of " + string.Join(", ", known));
            }

            seen.Add(value);
        }

        return [.. seen];
    }

    private static void WriteList(Utf8JsonWriter w, string key, ImmutableArray<string> values)
    {
        w.WriteStartArray(key);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static void WriteShares(Utf8JsonWriter w, string key, ImmutableArray<GroupShare> shares)
    {
        w.WriteStartObject(key);
        foreach (var s in shares.OrderBy(s => s.Group, StringComparer.Ordinal))
        {
            w.WriteNumber(s.Group, s.Share);
        }

        w.WriteEndObject();
    }
}
