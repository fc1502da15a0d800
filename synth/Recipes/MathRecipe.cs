using System.Text;
using Corpus.Synth.Engines;
using Corpus.Synth.Verification;

namespace Corpus.Synth.Recipes;

/// <summary>
/// Math: seeded problems are solved as they are; otherwise the model first writes a word problem or a
/// competition problem on a picked topic and difficulty (two few-shot examples when given), then each
/// sample solves it step by step with the final answer in <c>\boxed{}</c> (Qwen's own math prompt).
/// </summary>
internal sealed class MathRecipe(SynthRecipeOptions options) : ISynthRecipe
{
    /// <summary>What follows every math problem (the prompt Qwen's math models are evaluated with).</summary>
    public const string Instruction = "Please reason step by step, and put your final answer within \\boxed{}.";

    public SynthTaskKind Kind => SynthTaskKind.Math;

    public SynthPlan Plan(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if (options.Seeds.Count > 0)
        {
            var seed = options.Seeds[index % options.Seeds.Count];
            return new SynthPlan(index, $"math/seed/{seed.Format}", Kind, options.Thinking, seed.Question, null, seed.KnownAnswer, null, seed.Id);
        }

        var picks = new RecipePicks(options.Seed, index, "math");
        var style = picks.Pick(SynthTopics.MathStyles);
        var topic = picks.Pick(SynthTopics.Math);
        var difficulty = picks.Pick(SynthTopics.Difficulties);
        var examples = picks.PickDistinct(options.FewShot, 2);
        var ask = new StringBuilder();
        ask.Append("Write one new ").Append(difficulty).Append(' ').Append(style).Append(" about ").Append(topic).Append(". ");
        ask.Append(style == "word problem"
            ? "Make it a short story with concrete numbers that takes a few steps of arithmetic or algebra, with one numeric answer. "
            : "Make it like a problem from a mathematics competition (AMC, AIME), with one exact final answer. ");
        ask.Append("Write only the problem: no solution, no answer, no hints.");
        foreach (var example in examples)
        {
            ask.Append("\n\nExample of a problem:\n").Append(example.Question);
        }

        var messages = new[] { ChatMessage.System("You write clear, self-contained math problems."), ChatMessage.User(ask.ToString()) };
        var task = $"math/{Slug(style)}/{Slug(topic)}/{difficulty}";
        return new SynthPlan(index, task, Kind, options.Thinking, null, messages);
    }

    public string? ReadProblem(string written)
    {
        var text = ThinkingText.Split(written).Answer;
        text = RecipeText.WithoutLabel(text, "Problem");
        text = RecipeText.CutAtLine(text, "Solution", "Answer", "Hint");
        return text.Length == 0 ? null : text;
    }

    public IReadOnlyList<ChatMessage> SolveMessages(SynthPlan plan, string problem) =>
        [ChatMessage.User(problem.Trim() + "\n\n" + Instruction)];

    internal static string Slug(string text) => text.Replace(' ', '-');
}
