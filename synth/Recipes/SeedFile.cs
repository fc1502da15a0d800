using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Corpus.Synth.Verification;

namespace Corpus.Synth.Recipes;

/// <summary>
/// Reads seed problems with known answers from JSONL, one record a line. Math: <c>question</c> (or
/// <c>problem</c>) and <c>answer</c>, GSM8K's <c>reasoning #### 72</c> form taken as the text after
/// <c>####</c>, trimmed, commas removed. Code: HumanEval records (<c>prompt</c>, <c>test</c>,
/// <c>entry_point</c>) or MBPP records (<c>text</c>, <c>test_list</c>, optional <c>test_setup_code</c>; the
/// function name is the first function the tests call). A line that is not such a record is reported
/// with its line number and reason, never thrown; blank lines are skipped.
/// </summary>
public static partial class SeedFile
{
    private static readonly HashSet<string> NotTheFunction = new(StringComparer.Ordinal)
    {
        "abs", "all", "any", "bool", "dict", "float", "frozenset", "int", "isclose", "len", "list", "max",
        "min", "round", "set", "sorted", "str", "sum", "tuple", "type", "isinstance", "map", "filter", "zip", "range",
    };

    /// <summary>Reads <paramref name="path"/> as seeds of <paramref name="kind"/>.</summary>
    /// <exception cref="FileNotFoundException">No file there.</exception>
    public static SeedSet Load(string path, SynthTaskKind kind)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"no seeds file at {path}", path);
        }

        var problems = new List<SeedProblem>();
        var errors = new List<SeedError>();
        int number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(line);
                var id = IdOf(json.RootElement) ?? string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(path)}:{number}");
                var problem = json.RootElement.ValueKind != JsonValueKind.Object
                    ? throw new InvalidDataException("not a JSON object")
                    : kind == SynthTaskKind.Math ? Math(json.RootElement, id) : Code(json.RootElement, id);
                problems.Add(problem);
            }
            catch (JsonException e)
            {
                errors.Add(new SeedError(path, number, $"not JSON: {e.Message}"));
            }
            catch (InvalidDataException e)
            {
                errors.Add(new SeedError(path, number, e.Message));
            }
        }

        return new SeedSet(problems, errors);
    }

    /// <summary>GSM8K's final answer: the text after the last <c>####</c>, trimmed, commas removed; other answers trimmed.</summary>
    internal static string KnownAnswer(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        int mark = answer.LastIndexOf("####", StringComparison.Ordinal);
        return mark < 0 ? answer.Trim() : answer[(mark + 4)..].Trim().Replace(",", string.Empty, StringComparison.Ordinal);
    }

    private static SeedProblem Math(JsonElement root, string id)
    {
        var question = Text(root, "question") ?? Text(root, "problem")
            ?? throw new InvalidDataException("no 'question' (or 'problem') string: a math seed needs question and answer");
        var answer = Text(root, "answer") ?? throw new InvalidDataException("no 'answer' string: a math seed needs question and answer");
        var known = KnownAnswer(answer);
        if (known.Length == 0)
        {
            throw new InvalidDataException(answer.Contains("####", StringComparison.Ordinal) ? "nothing after '####' in 'answer'" : "'answer' is empty");
        }

        return new SeedProblem(id, SynthTaskKind.Math, question.Trim(), known, null, answer.Contains("####", StringComparison.Ordinal) ? "gsm8k" : "math");
    }

    private static SeedProblem Code(JsonElement root, string id)
    {
        if (Text(root, "prompt") is { } prompt)
        {
            var test = Text(root, "test") ?? throw new InvalidDataException("HumanEval record without a 'test' string");
            var entry = Text(root, "entry_point") ?? throw new InvalidDataException("HumanEval record without an 'entry_point' string");
            if (!IdentifierPattern().IsMatch(entry))
            {
                throw new InvalidDataException($"'entry_point' '{entry}' is not a Python identifier");
            }

            return new SeedProblem(id, SynthTaskKind.Code, prompt, null, new CodeTests(test, entry), "humaneval");
        }

        if (Text(root, "text") is { } text)
        {
            if (!root.TryGetProperty("test_list", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0
                || list.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String))
            {
                throw new InvalidDataException("MBPP record without a non-empty 'test_list' array of strings");
            }

            var tests = list.EnumerateArray().Select(t => t.GetString()!).ToList();
            var entry = FunctionCalledBy(tests) ?? throw new InvalidDataException("no function call found in 'test_list' to name the function under test");
            var setup = Text(root, "test_setup_code");
            var code = string.Join('\n', string.IsNullOrWhiteSpace(setup) ? tests : [setup, .. tests]) + "\n";
            return new SeedProblem(id, SynthTaskKind.Code, text.Trim(), null, new CodeTests(code, entry), "mbpp");
        }

        throw new InvalidDataException("neither a HumanEval record (prompt, test, entry_point) nor an MBPP record (text, test_list)");
    }

    /// <summary>The first function the tests call that is not a Python built-in (MBPP names it nowhere else).</summary>
    internal static string? FunctionCalledBy(IEnumerable<string> tests)
    {
        foreach (var test in tests)
        {
            foreach (Match m in CallPattern().Matches(test))
            {
                var name = m.Groups[1].Value;
                if (!NotTheFunction.Contains(name) && name != "assert" && name != "not")
                {
                    return name;
                }
            }
        }

        return null;
    }

    private static string? IdOf(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var field in (string[])["task_id", "id"])
        {
            if (root.TryGetProperty(field, out var value))
            {
                return value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Number => value.GetRawText(),
                    _ => null,
                };
            }
        }

        return null;
    }

    private static string? Text(JsonElement root, string field) =>
        root.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;

    /// <summary>A call <c>name(</c> not preceded by a dot (so <c>math.isclose(</c> is skipped).</summary>
    [GeneratedRegex(@"(?<![\w.])([A-Za-z_]\w*)\s*\(")]
    private static partial Regex CallPattern();

    [GeneratedRegex(@"^[A-Za-z_]\w*$")]
    private static partial Regex IdentifierPattern();
}
