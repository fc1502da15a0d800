using System.Text;
using Corpus.Synth.Engines;
using Corpus.Synth.Verification;

namespace Corpus.Synth.Recipes;

/// <summary>
/// Python code: HumanEval seeds are completed from their signature and docstring, MBPP seeds from their
/// text and tests; otherwise the model first writes a task (one function: its name, arguments, result,
/// an example) on a picked topic and difficulty, then each sample answers with the function and its
/// docstring in one fenced block and unit tests (asserts) in a second.
/// </summary>
internal sealed class CodeRecipe(SynthRecipeOptions options) : ISynthRecipe
{
    /// <summary>How a written task is answered.</summary>
    public const string Instruction =
        "Answer with the Python function, with a docstring, in one ```python fenced block, " +
        "then unit tests for it (plain assert statements that call the function) in a second ```python fenced block.";

    public SynthTaskKind Kind => SynthTaskKind.Code;

    public SynthPlan Plan(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if (options.Seeds.Count > 0)
        {
            var seed = options.Seeds[index % options.Seeds.Count];
            return new SynthPlan(index, $"code/seed/{seed.Format}", Kind, options.Thinking, seed.Question, null, null, seed.Tests, seed.Id);
        }

        var picks = new RecipePicks(options.Seed, index, "code");
        var topic = picks.Pick(SynthTopics.Code);
        var difficulty = picks.Pick(SynthTopics.Difficulties);
        var examples = picks.PickDistinct(options.FewShot, 2);
        var ask = new StringBuilder();
        ask.Append("Write one new ").Append(difficulty).Append(" Python programming task about ").Append(topic).Append(". ");
        ask.Append("Ask for a single function: give its name, its arguments and what it returns, with one or two examples of input and output. ");
        ask.Append("Write only the task: no solution and no code.");
        foreach (var example in examples)
        {
            ask.Append("\n\nExample of a task:\n").Append(example.Question);
        }

        var messages = new[] { ChatMessage.System("You write clear, self-contained Python programming tasks."), ChatMessage.User(ask.ToString()) };
        return new SynthPlan(index, $"code/task/{MathRecipe.Slug(topic)}/{difficulty}", Kind, options.Thinking, null, messages);
    }

    public string? ReadProblem(string written)
    {
        var text = ThinkingText.Split(written).Answer;
        text = RecipeText.WithoutLabel(text, "Task");
        text = RecipeText.CutAtLine(text, "Solution");
        return text.Length == 0 ? null : text;
    }

    public IReadOnlyList<ChatMessage> SolveMessages(SynthPlan plan, string problem)
    {
        ArgumentNullException.ThrowIfNull(plan);
        string ask = plan.SeedId is null
            ? problem.Trim() + "\n\n" + Instruction
            : plan.Task.EndsWith("/humaneval", StringComparison.Ordinal)
                ? "Complete the following Python function. Answer with the whole function (its signature, docstring and body) in one ```python fenced block.\n\n```python\n" + problem.TrimEnd() + "\n```"
                : problem.Trim() + "\nYour code should pass these tests:\n\n" + (plan.Tests?.Code.Trim() ?? string.Empty) + "\n\nAnswer with the Python function in one ```python fenced block.";
        return [ChatMessage.User(ask)];
    }
}
