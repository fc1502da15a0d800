using System.Text.Json;
using Corpus.Synth.Engines;
using Corpus.Synth.Sandbox;
using Corpus.Synth.Verification;
using Corpus.Tests.Shared;

namespace Corpus.Synth.Tests.Verification;

/// <summary>Samples fetched from a scripted OpenAI-compatible server, as the synth phase gets them, then verified.</summary>
public sealed class SynthVerifierTests
{
    private static readonly SandboxOptions Fast = new() { WallTime = TimeSpan.FromSeconds(2), CpuSeconds = 2, MemoryBytes = 256L << 20, MaxProcesses = 16 };

    private static readonly CodeTests AddTests = new("def check(candidate):\n    assert candidate(2, 3) == 5\n    assert candidate(-1, 1) == 0\n", "add");

    /// <summary>Prompt → (problem, what the scripted model answers, kept?, the reason).</summary>
    private static readonly (string Prompt, SynthProblem Problem, string Reply, bool Kept, string Reason)[] Cases =
    [
        ("math right", new(SynthTaskKind.Math, "math right", "72"), "48 + 24 = 72, so \\boxed{72}.", true, "boxed 72 equals known answer 72"),
        ("math wrong", new(SynthTaskKind.Math, "math wrong", "72"), "48 + 23 = 71, so \\boxed{71}.", false, "boxed 71 differs from known answer 72"),
        ("math unfinished", new(SynthTaskKind.Math, "math unfinished", "72"), "48 + 24 = \\boxed{7", false, "no \\boxed{} answer"),
        ("math program lies", new(SynthTaskKind.Math, "math program lies", "72"), "```python\nprint(48 + 23)\n```\n\\boxed{72}", false, "boxed 72 equals known answer 72, but its program prints 71"),
        ("code right", new(SynthTaskKind.Code, "code right", Tests: AddTests), "```python\ndef add(a, b):\n    return a + b\n```", true, "seed tests passed"),
        ("code wrong", new(SynthTaskKind.Code, "code wrong", Tests: AddTests), "```python\ndef add(a, b):\n    return a - b\n```", false, "seed tests failed: exit code 1: AssertionError (assert candidate(2, 3) == 5)"),
        ("code loops", new(SynthTaskKind.Code, "code loops", Tests: AddTests), "```python\ndef add(a, b):\n    while True:\n        pass\n```", false, "seed tests failed: timed out after 2 s"),
        ("code forks", new(SynthTaskKind.Code, "code forks", Tests: AddTests), "```python\nimport os\ndef add(a, b):\n    while True:\n        try:\n            os.fork()\n        except OSError:\n            pass\n```", false, "seed tests failed: timed out after 2 s"),
        ("code allocates", new(SynthTaskKind.Code, "code allocates", Tests: AddTests), "```python\ndef add(a, b):\n    return len(bytearray(10 * 1024 ** 3))\n```", false, "seed tests failed: memory limit of 256 MiB exceeded: MemoryError (return len(bytearray(10 * 1024 ** 3)))"),
        ("code connects", new(SynthTaskKind.Code, "code connects", Tests: AddTests), "```python\nimport urllib.request\ndef add(a, b):\n    return urllib.request.urlopen('http://127.0.0.1:9/', timeout=1).status\n```", false, "seed tests failed: exit code 1: urllib.error.URLError: <urlopen error [Errno 101] Network is unreachable>"),
        ("code own tests", new(SynthTaskKind.Code, "code own tests"), "```python\ndef add(a, b):\n    return a + b\n```\n```python\nassert add(1, 1) == 2\n```", true, "own tests passed"),
        ("math after the bad ones", new(SynthTaskKind.Math, "math after the bad ones", "1/2"), "\\boxed{0.5}", true, "boxed 0.5 equals known answer 1/2"),
    ];

    [Fact]
    public async Task Scripted_samples_are_kept_when_right_and_rejected_with_their_reason_when_wrong()
    {
        var replies = Cases.ToDictionary(c => c.Prompt, c => c.Reply);
        await using var server = ScriptedChatServer.Start(r => ScriptedReply.Answer(replies[r.UserMessage]));
        using var engine = new OpenAiCompatibleEngine(new OpenAiCompatibleEngineOptions { BaseUrl = new Uri(server.BaseUrl) });
        var verifier = await SynthVerifier.CreateAsync(new SynthVerifierOptions { Sandbox = Fast, MaxDegreeOfParallelism = 4 });

        var verdicts = await Task.WhenAll(Cases.Select(async c =>
        {
            var completion = await engine.CompleteAsync(new ChatRequest { Model = "scripted", Messages = [ChatMessage.User(c.Prompt)] });
            var verdict = await verifier.VerifyAsync(c.Problem, [new SynthCandidate(null, completion.Text)]);
            return (c.Prompt, Verdict: verdict.Single());
        }));

        verdicts.Should().Equal(Cases.Select(c => (c.Prompt, new SynthVerdict(c.Kept, c.Reason))));
    }

    [Fact]
    public async Task Majority_of_k_over_scripted_samples()
    {
        var answers = new[] { "\\boxed{9}", "\\boxed{9.0}", "\\boxed{8}", "\\boxed{\\frac{18}{2}}" };
        // The sample is picked by the request's seed, so a retried request gets the same answer.
        await using var server = ScriptedChatServer.Start(r => ScriptedReply.Answer(answers[JsonDocument.Parse(r.Body).RootElement.GetProperty("seed").GetInt32()]));
        using var engine = new OpenAiCompatibleEngine(new OpenAiCompatibleEngineOptions { BaseUrl = new Uri(server.BaseUrl) });
        var verifier = await SynthVerifier.CreateAsync(new SynthVerifierOptions { Sandbox = Fast });
        var candidates = new List<SynthCandidate>();
        for (var i = 0; i < answers.Length; i++)
        {
            var completion = await engine.CompleteAsync(new ChatRequest { Model = "scripted", Messages = [ChatMessage.User("3 * 3?")], Seed = i });
            candidates.Add(new SynthCandidate(null, completion.Text));
        }

        var verdicts = await verifier.VerifyAsync(new SynthProblem(SynthTaskKind.Math, "3 * 3?"), candidates);

        verdicts.Select(v => v.Accepted).Should().Equal(true, true, false, true);
        verdicts[2].Reason.Should().Be("boxed 8 disagrees with the majority: 3 of 4 agree on 9");
    }

    [Fact]
    public async Task Where_the_sandbox_refuses_code_verification_throws_and_math_without_programs_goes_on()
    {
        var refusing = PythonSandbox.ForSetup(Fast, new SandboxSetup("/usr/bin/python3", false, null, null, null, "no namespaces: test"));
        var verifier = new SynthVerifier(refusing, new SynthVerifierOptions { Sandbox = Fast });

        var math = await verifier.VerifyAsync(new SynthProblem(SynthTaskKind.Math, "1 + 1?", "2"), [new SynthCandidate(null, "\\boxed{2}")]);
        var code = () => verifier.VerifyAsync(new SynthProblem(SynthTaskKind.Code, "add", Tests: AddTests), [new SynthCandidate(null, "```python\ndef add(a, b):\n    return a + b\n```")]);

        math.Should().Equal(new SynthVerdict(true, "boxed 2 equals known answer 2"));
        await code.Should().ThrowAsync<SandboxUnavailableException>().WithMessage("refusing to run generated code without network isolation*");
    }
}
