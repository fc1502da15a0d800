using Corpus.Synth.Sandbox;
using Corpus.Synth.Verification;

namespace Corpus.Synth.Tests.Verification;

public sealed class CodeVerifierTests
{
    private static readonly SandboxOptions Fast = new() { WallTime = TimeSpan.FromSeconds(2), CpuSeconds = 2, MemoryBytes = 256L << 20 };

    /// <summary>HumanEval/0: a <c>check(candidate)</c> function.</summary>
    private static readonly CodeTests HumanEval = new(
        """
        METADATA = {'author': 'jt', 'dataset': 'test'}


        def check(candidate):
            assert candidate([1.0, 2.0, 3.9, 4.0, 5.0, 2.2], 0.3) == True
            assert candidate([1.0, 2.0, 3.9, 4.0, 5.0, 2.2], 0.05) == False
            assert candidate([1.0, 2.0, 5.9, 4.0, 5.0], 0.95) == True
        """,
        "has_close_elements");

    /// <summary>MBPP/11: plain asserts.</summary>
    private static readonly CodeTests Mbpp = new(
        """
        assert remove_Occ("hello","l") == "heo"
        assert remove_Occ("abcda","a") == "bcd"
        assert remove_Occ("PHP","P") == "H"
        """,
        "remove_Occ");

    private static async Task<CodeVerifier> VerifierAsync() =>
        new(await PythonSandbox.CreateAsync(Fast), new SynthVerifierOptions { Sandbox = Fast, MaxDegreeOfParallelism = 4 });

    private static SynthCandidate Code(string code, string before = "Here is my solution:") => new(null, $"{before}\n\n```python\n{code}\n```\n");

    private static SynthProblem Problem(CodeTests? tests) => new(SynthTaskKind.Code, "Write the function.", Tests: tests);

    [Fact]
    public async Task HumanEval_check_passes_for_right_code_and_fails_for_wrong_code()
    {
        var verifier = await VerifierAsync();

        var verdicts = await verifier.VerifyAsync(Problem(HumanEval),
        [
            Code("""
                def has_close_elements(numbers, threshold):
                    for i, a in enumerate(numbers):
                        for j, b in enumerate(numbers):
                            if i != j and abs(a - b) < threshold:
                                return True
                    return False
                """),
            Code("def has_close_elements(numbers, threshold):\n    return False"),
            Code("def has_close(numbers, threshold):\n    return True"),
        ]);

        verdicts[0].Should().Be(new SynthVerdict(true, "seed tests passed"));
        verdicts[1].Should().Be(new SynthVerdict(false, "seed tests failed: exit code 1: AssertionError (assert candidate([1.0, 2.0, 3.9, 4.0, 5.0, 2.2], 0.3) == True)"));
        verdicts[2].Should().Be(new SynthVerdict(false, "seed tests failed: exit code 1: NameError: name 'has_close_elements' is not defined"));
    }

    [Fact]
    public async Task Mbpp_asserts_run_against_the_first_python_block()
    {
        var verifier = await VerifierAsync();
        const string right = "def remove_Occ(s, ch):\n    return s.replace(ch, '', 1)[::-1].replace(ch, '', 1)[::-1]";

        var verdicts = await verifier.VerifyAsync(Problem(Mbpp),
        [
            Code(right),
            Code("def remove_Occ(s, ch):\n    return s.replace(ch, '', 1)"),
            new SynthCandidate(null, $"```python\n{right}\n```\n\nA wrong variant:\n\n```python\ndef remove_Occ(s, ch):\n    return s\n```\n"),
            new SynthCandidate(null, "def remove_Occ(s, ch): return s"),
        ]);

        verdicts.Should().Equal(
            new SynthVerdict(true, "seed tests passed"),
            new SynthVerdict(false, "seed tests failed: exit code 1: AssertionError (assert remove_Occ(\"hello\",\"l\") == \"heo\")"),
            new SynthVerdict(true, "seed tests passed"),
            new SynthVerdict(false, "no fenced python block"));
    }

    [Fact]
    public async Task Misbehaving_code_is_rejected_with_the_sandbox_reason()
    {
        var verifier = await VerifierAsync();

        var verdicts = await verifier.VerifyAsync(Problem(Mbpp),
        [
            Code("import time\ndef remove_Occ(s, ch):\n    while True:\n        time.sleep(1)"),
            Code("def remove_Occ(s, ch):\n    return bytearray(10 * 1024 ** 3)"),
            Code("import os\ndef remove_Occ(s, ch):\n    while True:\n        try:\n            os.fork()\n        except OSError:\n            pass"),
            Code("import socket\ndef remove_Occ(s, ch):\n    socket.create_connection(('1.1.1.1', 80), timeout=1)"),
        ]);

        verdicts.Should().Equal(
            new SynthVerdict(false, "seed tests failed: timed out after 2 s"),
            new SynthVerdict(false, "seed tests failed: memory limit of 256 MiB exceeded: MemoryError (return bytearray(10 * 1024 ** 3))"),
            new SynthVerdict(false, "seed tests failed: timed out after 2 s"),
            new SynthVerdict(false, "seed tests failed: exit code 1: OSError: [Errno 101] Network is unreachable"));
    }

    [Fact]
    public async Task Without_seed_tests_the_candidates_own_tests_run()
    {
        var verifier = await VerifierAsync();
        const string function = "def square(x):\n    return x * x";

        var verdicts = await verifier.VerifyAsync(Problem(tests: null),
        [
            new SynthCandidate(null, $"```python\n{function}\n```\n\nTests:\n\n```python\nassert square(3) == 9\nassert square(-2) == 4\n```\n"),
            new SynthCandidate(null, "```python\ndef square(x):\n    return x + x\n```\n\n```python\nassert square(3) == 9\n```\n"),
            new SynthCandidate(null, $"```python\n{function}\n\ndef test_square():\n    assert square(2) == 5\n```\n"),
            new SynthCandidate(null, $"```python\n{function}\n\nimport unittest\n\nclass T(unittest.TestCase):\n    def test_it(self):\n        self.assertEqual(square(4), 16)\n\nif __name__ == '__main__':\n    unittest.main()\n```\n"),
            new SynthCandidate(null, $"```python\n{function}\n```\n"),
        ]);

        verdicts.Should().Equal(
            new SynthVerdict(true, "own tests passed"),
            new SynthVerdict(false, "own tests failed: exit code 1: AssertionError (assert square(3) == 9)"),
            new SynthVerdict(false, "own tests failed: exit code 1: AssertionError (assert square(2) == 5)"),
            new SynthVerdict(true, "own tests passed"),
            new SynthVerdict(false, "no tests in the answer (no assert or unittest.main)"));
    }

    [Fact]
    public async Task Concurrent_calls_share_the_bound_on_programs_at_once()
    {
        var verifier = new CodeVerifier(await PythonSandbox.CreateAsync(Fast), new SynthVerifierOptions { Sandbox = Fast, MaxDegreeOfParallelism = 1 });
        var sleeper = new[] { new SynthCandidate(null, "```python\nimport time\ntime.sleep(0.8)\nassert True\n```") };
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var verdicts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => verifier.VerifyAsync(Problem(tests: null), sleeper)));

        verdicts.SelectMany(v => v).Should().AllSatisfy(v => v.Should().Be(new SynthVerdict(true, "own tests passed")));
        clock.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(2.4), "three 0.8 s programs ran one at a time");
    }
}
