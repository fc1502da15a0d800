using Corpus.Filters.Decontamination;

namespace Corpus.Filters.Tests.Decontamination;

public sealed class DecontaminatorTests : IDisposable
{
    private static readonly string[] Questions =
    [
        "Janet\u2019s ducks lay 16 eggs per day. She eats three for breakfast every morning and bakes muffins for her friends every day with four. She sells the remainder at the farmers' market daily for $2 per fresh duck egg. How much in dollars does she make every day at the farmers' market?",
        "A robe takes 2 bolts of blue fiber and half that much white fiber. How many bolts in total does it take to make one robe if the tailor also adds a small trim of silk to every single one?",
        "Josh decides to try flipping a house. He buys a house for $80,000 and then puts in $50,000 in repairs. This increased the value of the house by 150%. How much profit did he make?",
    ];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "corpus-decon-" + Guid.NewGuid().ToString("N"));

    public DecontaminatorTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, true);

    private string Write(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    /// <summary>Words as the decontaminator counts them: runs of letters and digits.</summary>
    private static string[] Words(string text) =>
        System.Text.RegularExpressions.Regex.Split(text, @"[^\p{L}\p{N}]+").Where(w => w.Length > 0).ToArray();

    private Decontaminator Gsm8k(int n = 13)
    {
        var lines = Questions.Select(q => System.Text.Json.JsonSerializer.Serialize(new { question = q, answer = "Some working.\n#### 18" }));
        return Decontaminator.Create([new EvalSet("gsm8k", Write("gsm8k.jsonl", lines))], new DecontaminationOptions { NGram = n });
    }

    [Fact]
    public void Every_document_carrying_a_13_gram_of_a_problem_is_removed_and_none_without()
    {
        var decon = Gsm8k();
        var random = new Random(11);
        string[] filler = ["river", "stone", "garden", "window", "quiet", "yellow", "paper", "bridge", "music", "orbit"];
        string Filler(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => filler[random.Next(filler.Length)]));
        var docs = new List<(string Id, string Text)>();
        var expected = new HashSet<string>();
        for (int i = 0; i < 60; i++)
        {
            var words = Words(Questions[i % Questions.Length]);
            int start = random.Next(words.Length - 13);
            bool carries = i % 2 == 0;
            int take = carries ? 13 + random.Next(3) : 12; // 12 consecutive words are not enough
            var snippet = string.Join(' ', words.Skip(start).Take(Math.Min(take, words.Length - start)));
            if (carries)
            {
                snippet = i % 4 == 0 ? snippet.ToUpperInvariant() : snippet.Replace(" ", "\n  ", StringComparison.Ordinal);
                expected.Add($"doc-{i}");
            }

            docs.Add(($"doc-{i}", $"{Filler(40)} {snippet} {Filler(40)}"));
        }

        var result = decon.Run(docs);
        result.Checked.Should().Be(60);
        result.RemovedIds.Should().BeEquivalentTo(expected);
        result.RemovedPerEvalSet["gsm8k"].Should().Be(expected.Count);
    }

    [Fact]
    public void Twelve_words_then_a_break_do_not_match()
    {
        var decon = Gsm8k();
        var words = Words(Questions[2]);
        var text = string.Join(' ', words.Take(12)) + " banana " + string.Join(' ', words.Skip(12).Take(12));
        decon.Check(text).Should().BeEmpty();
        decon.Check(string.Join(' ', words.Skip(3).Take(13))).Should().Equal("gsm8k");
    }

    [Fact]
    public void Math_humaneval_and_mbpp_fields_are_loaded_and_counted_per_set()
    {
        const string Solution = "We have that r equals the square root of zero squared plus three squared which is three and the angle is pi over two";
        const string Code = "def remove_occ(s, ch): for i in range(len(s)): if s[i] == ch: s = s[0:i] + s[i + 1:] break return s";
        const string Test = "def check(candidate): assert candidate([1.0, 2.0, 3.0], 0.5) == False assert candidate([1.0, 2.8, 3.0], 0.3) == True";
        var math = Write("math.jsonl", [System.Text.Json.JsonSerializer.Serialize(new { problem = "Convert the point.", solution = Solution })]);
        var mbpp = Write("mbpp.jsonl", [System.Text.Json.JsonSerializer.Serialize(new { text = "Remove characters.", code = Code, test_list = new[] { "assert remove_Occ(\"hello\",\"l\") == \"heo\"" } })]);
        var humaneval = Write("humaneval.jsonl", [System.Text.Json.JsonSerializer.Serialize(new { task_id = "HumanEval/0", prompt = "def f():", canonical_solution = "    return 1", test = Test })]);
        var decon = Decontaminator.Create([new EvalSet("math", math), new EvalSet("mbpp", mbpp), new EvalSet("humaneval", humaneval)]);
        decon.NGramCount.Should().BeGreaterThan(0);
        var result = decon.Run(
        [
            ("a", "Intro. " + Solution + " Outro."),
            ("b", "x = 1\n" + Code),
            ("c", "tests:\n" + Test + "\n" + Solution),
            ("d", "nothing to see here at all, just a plain paragraph of ordinary words that match no set whatsoever"),
        ]);
        result.RemovedIds.Should().Equal("a", "b", "c");
        result.RemovedPerEvalSet.Should().BeEquivalentTo(new Dictionary<string, int> { ["math"] = 2, ["mbpp"] = 1, ["humaneval"] = 1 });
    }

    [Fact]
    public void N_gram_length_is_configurable()
    {
        var decon = Gsm8k(n: 5);
        decon.Check("he buys a house for $80,000 today").Should().Equal("gsm8k");
        Gsm8k().Check("he buys a house for $80,000 today").Should().BeEmpty();
    }
}
