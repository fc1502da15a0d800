using Corpus.Synth.Sandbox;
using Corpus.Synth.Verification;

namespace Corpus.Synth.Tests.Verification;

public sealed class MathVerifierTests
{
    private static readonly SandboxOptions Fast = new() { WallTime = TimeSpan.FromSeconds(2), CpuSeconds = 2, MemoryBytes = 256L << 20 };

    private static async Task<MathVerifier> VerifierAsync(int? minAgreement = null) =>
        new(await PythonSandbox.CreateAsync(Fast), new SynthVerifierOptions { Sandbox = Fast, MaxDegreeOfParallelism = 4, MinAgreement = minAgreement });

    private static SynthCandidate[] Answers(params string[] answers) => answers.Select(a => new SynthCandidate("thinking…", a)).ToArray();

    private static SynthProblem Problem(string? known = null) => new(SynthTaskKind.Math, "How many clips?", known);

    [Fact]
    public async Task Known_answer_judges_every_candidate()
    {
        var verifier = await VerifierAsync();

        var verdicts = await verifier.VerifyAsync(
            Problem(Gsm8kAnswer.Parse("48 + 24 = 72\n#### 72")),
            Answers("So she sold \\boxed{72} clips.", "\\boxed{71}", "I think it is 72.", "$\\boxed{\\dfrac{144}{2}}$", "\\boxed{72.0} and later \\boxed{70}"));

        verdicts.Should().Equal(
            new SynthVerdict(true, "boxed 72 equals known answer 72"),
            new SynthVerdict(false, "boxed 71 differs from known answer 72"),
            new SynthVerdict(false, "no \\boxed{} answer"),
            new SynthVerdict(true, "boxed 144/2 equals known answer 72"),
            new SynthVerdict(false, "boxed 70 differs from known answer 72"));
    }

    [Fact]
    public async Task Without_a_known_answer_the_strict_majority_is_kept()
    {
        var verifier = await VerifierAsync();

        var verdicts = await verifier.VerifyAsync(Problem(), Answers("\\boxed{42}", "\\boxed{42.0}", "\\boxed{41}", "\\boxed{\\frac{84}{2}}", "no answer"));

        verdicts.Should().Equal(
            new SynthVerdict(true, "3 of 5 agree on 42"),
            new SynthVerdict(true, "3 of 5 agree on 42"),
            new SynthVerdict(false, "boxed 41 disagrees with the majority: 3 of 5 agree on 42"),
            new SynthVerdict(true, "3 of 5 agree on 42"),
            new SynthVerdict(false, "no \\boxed{} answer"));
    }

    [Fact]
    public async Task Without_a_majority_every_candidate_is_rejected()
    {
        var verifier = await VerifierAsync();

        var split = await verifier.VerifyAsync(Problem(), Answers("\\boxed{42}", "\\boxed{42}", "\\boxed{41}", "\\boxed{40}", "\\boxed{39}"));
        var tied = await verifier.VerifyAsync(Problem(), Answers("\\boxed{42}", "\\boxed{41}", "\\boxed{42}", "\\boxed{41}"));
        var alone = await verifier.VerifyAsync(Problem(), Answers("\\boxed{42}"));

        split.Should().AllSatisfy(v => v.Should().Be(new SynthVerdict(false, "no majority: at most 2 of 5 agree (on 42), 3 needed")));
        tied.Should().AllSatisfy(v => v.Should().Be(new SynthVerdict(false, "no majority: 2 of 4 agree on 42 and 2 on 41")));
        alone.Should().Equal(new SynthVerdict(false, "no majority: at most 1 of 1 agree (on 42), 2 needed"));
    }

    [Fact]
    public async Task Min_agreement_lowers_the_bar()
    {
        var verifier = await VerifierAsync(minAgreement: 2);

        var verdicts = await verifier.VerifyAsync(Problem(), Answers("\\boxed{42}", "\\boxed{42}", "\\boxed{41}", "\\boxed{40}", "\\boxed{39}"));

        verdicts.Select(v => v.Accepted).Should().Equal(true, true, false, false, false);
        verdicts[0].Reason.Should().Be("2 of 5 agree on 42");
    }

    [Fact]
    public async Task A_program_in_the_answer_must_print_the_boxed_answer()
    {
        var verifier = await VerifierAsync();
        static string WithProgram(string boxed, string program) => $"Let me compute.\n\n```python\n{program}\n```\n\nSo the answer is \\boxed{{{boxed}}}.";

        var verdicts = await verifier.VerifyAsync(Problem("12"), Answers(
            WithProgram("12", "print('working')\nprint(3 * 4)"),
            WithProgram("12", "print(3 * 5)"),
            WithProgram("12", "print('thinking')\nwhile True:\n    pass"),
            WithProgram("12", "print(1 / 0)"),
            WithProgram("11", "print(11)"),
            WithProgram("12", "x = 3 * 4")));

        verdicts.Should().Equal(
            new SynthVerdict(true, "boxed 12 equals known answer 12; its program prints 12"),
            new SynthVerdict(false, "boxed 12 equals known answer 12, but its program prints 15"),
            new SynthVerdict(false, "boxed 12 equals known answer 12, but its program failed: timed out after 2 s"),
            new SynthVerdict(false, "boxed 12 equals known answer 12, but its program failed: exit code 1: ZeroDivisionError: division by zero"),
            new SynthVerdict(false, "boxed 11 differs from known answer 12"),
            new SynthVerdict(true, "boxed 12 equals known answer 12"));
    }
}
