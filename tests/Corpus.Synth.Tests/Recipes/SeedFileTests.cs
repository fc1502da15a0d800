using Corpus.Synth.Recipes;
using Corpus.Synth.Verification;

namespace Corpus.Synth.Tests.Recipes;

public sealed class SeedFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("corpus-seeds-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(params string[] lines)
    {
        var path = Path.Combine(_folder, "seeds.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void Gsm8k_answers_are_the_text_after_the_marks_without_commas()
    {
        var path = Write(
            """{"question": "Natalia sold clips to 48 friends in April, and half as many in May. How many in all?", "answer": "In May she sold 48/2 = <<48/2=24>>24 clips.\nIn all 48+24 = <<48+24=72>>72.\n#### 72"}""",
            """{"question": "How many cents?", "answer": "Work.\n#### 1,250 "}""",
            """{"problem": "Find $x$ if $2x = 10$.", "answer": "5", "id": 7}""");

        var set = SeedFile.Load(path, SynthTaskKind.Math);

        set.Errors.Should().BeEmpty();
        set.Problems.Select(p => p.KnownAnswer).Should().Equal("72", "1250", "5");
        set.Problems.Select(p => p.Format).Should().Equal("gsm8k", "gsm8k", "math");
        set.Problems[0].Id.Should().Be("seeds.jsonl:1", "records without an id are named by file and line");
        set.Problems[2].Id.Should().Be("7");
        set.Problems[0].Question.Should().StartWith("Natalia sold clips");
    }

    [Fact]
    public void Humaneval_and_mbpp_records_give_tests_and_the_function_under_test()
    {
        var path = Write(
            """{"task_id": "HumanEval/0", "prompt": "def add(a, b):\n    \"\"\"Add two numbers.\"\"\"\n", "test": "def check(candidate):\n    assert candidate(1, 2) == 3\n", "entry_point": "add"}""",
            """{"task_id": 11, "text": "Write a python function to remove first and last occurrence of a given character from the string.", "test_list": ["assert math.isclose(remove_Occ(\"hello\",\"l\"), 1)", "assert remove_Occ(\"abcda\",\"a\") == \"bcd\""], "test_setup_code": "import math"}""");

        var set = SeedFile.Load(path, SynthTaskKind.Code);

        set.Errors.Should().BeEmpty();
        set.Problems[0].Tests.Should().Be(new CodeTests("def check(candidate):\n    assert candidate(1, 2) == 3\n", "add"));
        set.Problems[0].Format.Should().Be("humaneval");
        set.Problems[1].Tests!.EntryPoint.Should().Be("remove_Occ", "math.isclose is not the function under test");
        set.Problems[1].Tests!.Code.Should().StartWith("import math\nassert math.isclose");
        set.Problems[1].Id.Should().Be("11");
    }

    [Fact]
    public void Bad_lines_are_reported_with_their_line_and_reason_and_the_rest_is_read()
    {
        var path = Write(
            """{"question": "ok?", "answer": "#### 3"}""",
            "not json",
            "",
            """{"question": "no answer"}""",
            """{"question": "empty", "answer": "reasoning ####  "}""",
            "[1, 2]",
            """{"question": "fine", "answer": "4"}""");

        var set = SeedFile.Load(path, SynthTaskKind.Math);

        set.Problems.Select(p => p.KnownAnswer).Should().Equal("3", "4");
        set.Errors.Select(e => e.Line).Should().Equal(2, 4, 5, 6);
        set.Errors[0].ToString().Should().StartWith(path + ":2: not JSON");
        set.Errors[1].Reason.Should().Contain("'answer'");
        set.Errors[2].Reason.Should().Contain("nothing after '####'");
        set.Errors[3].Reason.Should().Be("not a JSON object");
    }

    [Fact]
    public void Code_records_of_no_known_form_are_errors_not_crashes()
    {
        var path = Write(
            """{"question": "a math seed", "answer": "1"}""",
            """{"text": "mbpp without tests", "test_list": []}""",
            """{"text": "tests call nothing", "test_list": ["assert True"]}""",
            """{"prompt": "def f():", "test": "assert f() is None", "entry_point": "not an identifier"}""");

        var set = SeedFile.Load(path, SynthTaskKind.Code);

        set.Problems.Should().BeEmpty();
        set.Errors.Select(e => e.Reason).Should().SatisfyRespectively(
            r => r.Should().Contain("neither a HumanEval record"),
            r => r.Should().Contain("test_list"),
            r => r.Should().Contain("no function call"),
            r => r.Should().Contain("not a Python identifier"));
    }

    [Fact]
    public void Missing_file_names_the_path()
    {
        var missing = Path.Combine(_folder, "none.jsonl");

        var act = () => SeedFile.Load(missing, SynthTaskKind.Math);

        act.Should().Throw<FileNotFoundException>().WithMessage($"*{missing}*");
    }
}
