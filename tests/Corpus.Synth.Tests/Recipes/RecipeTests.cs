using Corpus.Synth.Recipes;
using Corpus.Synth.Verification;

namespace Corpus.Synth.Tests.Recipes;

public sealed class RecipeTests
{
    private static readonly SeedProblem Gsm = new("g1", SynthTaskKind.Math, "Tom has 3 apples and buys 4 more. How many apples does he have?", "7", null, "gsm8k");
    private static readonly SeedProblem Gsm2 = new("g2", SynthTaskKind.Math, "A box holds 12 eggs. How many eggs are in 5 boxes?", "60", null, "gsm8k");

    [Fact]
    public void Same_seed_gives_the_same_plans_and_another_seed_other_picks()
    {
        var a = SynthRecipes.Create(new SynthRecipeOptions { Kind = SynthTaskKind.Math, Seed = 5 });
        var b = SynthRecipes.Create(new SynthRecipeOptions { Kind = SynthTaskKind.Math, Seed = 5 });
        var c = SynthRecipes.Create(new SynthRecipeOptions { Kind = SynthTaskKind.Math, Seed = 6 });

        var plansA = Enumerable.Range(0, 40).Select(a.Plan).ToList();
        var plansB = Enumerable.Range(0, 40).Select(b.Plan).ToList();
        var plansC = Enumerable.Range(0, 40).Select(c.Plan).ToList();

        plansA.Select(p => (p.Task, p.WriteProblem![1].Content)).Should().Equal(plansB.Select(p => (p.Task, p.WriteProblem![1].Content)));
        plansA.Select(p => p.Task).Should().NotEqual(plansC.Select(p => p.Task));
        plansA.Select(p => p.Task.Split('/')[2]).Distinct().Count().Should().BeGreaterThan(8, "topics spread over the built-in list");
        plansA.Should().OnlyContain(p => p.Problem == null && p.Task.StartsWith("math/", StringComparison.Ordinal));
        plansA.Select(p => p.Task.Split('/')[1]).Should().Contain("word-problem").And.Contain("competition-problem");
        plansA.Select(p => p.Task.Split('/')[3]).Distinct().Should().BeEquivalentTo(SynthTopics.Difficulties);
    }

    [Fact]
    public void Written_math_problem_is_asked_with_topic_difficulty_and_few_shot_examples()
    {
        var recipe = SynthRecipes.Create(new SynthRecipeOptions { Kind = SynthTaskKind.Math, Seed = 1, FewShot = [Gsm, Gsm2] });

        var plan = recipe.Plan(3);

        var ask = plan.WriteProblem![^1].Content;
        var parts = plan.Task.Split('/');
        ask.Should().Contain(parts[3]).And.Contain(parts[2].Replace('-', ' ')).And.Contain("no solution");
        ask.Should().Contain(Gsm.Question).And.Contain(Gsm2.Question);
    }

    [Fact]
    public void Seeded_math_is_solved_step_by_step_with_a_boxed_answer_and_keeps_its_known_answer()
    {
        var recipe = SynthRecipes.Create(new SynthRecipeOptions { Kind = SynthTaskKind.Math, Seeds = [Gsm, Gsm2], Thinking = false });

        var plans = Enumerable.Range(0, 3).Select(recipe.Plan).ToList();

        plans.Select(p => p.KnownAnswer).Should().Equal("7", "60", "7");
        plans.Select(p => p.SeedId).Should().Equal("g1", "g2", "g1");
        plans.Should().OnlyContain(p => p.WriteProblem == null && !p.Thinking && p.Task == "math/seed/gsm8k");
        var messages = recipe.SolveMessages(plans[0], plans[0].Problem!);
        messages.Should().ContainSingle().Which.Content.Should().Be(Gsm.Question + "\n\nPlease reason step by step, and put your final answer within \\boxed{}.");
    }

    [Fact]
    public void Code_tasks_ask_for_a_function_with_a_docstring_and_tests_in_fenced_blocks()
    {
        var recipe = SynthRecipes.Create(new SynthRecipeOptions { Kind = SynthTaskKind.Code, Seed = 2 });

        var plan = recipe.Plan(0);
        var solve = recipe.SolveMessages(plan, "Write a function `count_vowels(s)` that returns the number of vowels in s.")[0].Content;

        plan.Task.Should().StartWith("code/task/");
        plan.WriteProblem![^1].Content.Should().Contain("Python programming task").And.Contain("single function");
        solve.Should().Contain("docstring").And.Contain("```python").And.Contain("unit tests").And.StartWith("Write a function `count_vowels(s)`");
    }

    [Fact]
    public void Humaneval_and_mbpp_seeds_are_asked_in_their_own_forms()
    {
        var humaneval = new SeedProblem("HumanEval/0", SynthTaskKind.Code, "def add(a, b):\n    \"\"\"Add.\"\"\"\n", null, new CodeTests("def check(candidate):\n    assert candidate(1, 2) == 3", "add"), "humaneval");
        var mbpp = new SeedProblem("11", SynthTaskKind.Code, "Write a function to add two numbers.", null, new CodeTests("assert add(1, 2) == 3\n", "add"), "mbpp");
        var recipe = SynthRecipes.Create(new SynthRecipeOptions { Kind = SynthTaskKind.Code, Seeds = [humaneval, mbpp] });

        var first = recipe.Plan(0);
        var second = recipe.Plan(1);

        first.Tests.Should().Be(humaneval.Tests);
        recipe.SolveMessages(first, first.Problem!)[0].Content.Should().Contain("```python\ndef add(a, b):").And.Contain("Complete the following Python function");
        recipe.SolveMessages(second, second.Problem!)[0].Content.Should().Contain("Your code should pass these tests:\n\nassert add(1, 2) == 3");
    }

    [Fact]
    public void Problem_read_from_the_model_drops_labels_and_any_solution()
    {
        var recipe = SynthRecipes.Create(new SynthRecipeOptions { Kind = SynthTaskKind.Math });

        recipe.ReadProblem("**Problem:** A train travels 60 km in 1.5 hours. What is its speed?\n\n**Solution:** 40 km/h").Should().Be("A train travels 60 km in 1.5 hours. What is its speed?");
        recipe.ReadProblem("<think>\n\n</think>\n\nHow many primes are below 20?").Should().Be("How many primes are below 20?");
        recipe.ReadProblem("  \n").Should().BeNull();
    }

    [Fact]
    public void Seeds_of_the_other_kind_are_refused()
    {
        var act = () => SynthRecipes.Create(new SynthRecipeOptions { Kind = SynthTaskKind.Code, Seeds = [Gsm] });

        act.Should().Throw<ArgumentException>().WithMessage("*g1*Math*Code*");
    }
}
