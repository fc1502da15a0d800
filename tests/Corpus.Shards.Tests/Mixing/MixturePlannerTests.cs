using System.Collections.Immutable;
using Corpus.Core.Configuration;
using Corpus.Shards.Mixing;

namespace Corpus.Shards.Tests.Mixing;

public class MixturePlannerTests
{
    private const long Seed = 42;

    private static readonly string[] Languages = ["eng_Latn", "fra_Latn", "cmn_Hans", "arb_Arab", "hin_Deva"];
    private static readonly string[] Domains = ["general", "code", "math", "stem", "news"];

    /// <summary>A seeded corpus: log-normal lengths, skewed language and domain frequencies.</summary>
    private static List<StageDocument> Corpus(int count, int seed = 7)
    {
        var random = new Random(seed);
        var docs = new List<StageDocument>(count);
        for (var i = 0; i < count; i++)
        {
            var language = Languages[Math.Min(Languages.Length - 1, (int)(-Math.Log(1 - random.NextDouble()) * 1.2))];
            var domain = Domains[Math.Min(Domains.Length - 1, (int)(-Math.Log(1 - random.NextDouble()) * 1.5))];
            var tokens = (long)Math.Clamp(Math.Exp(6 + random.NextDouble() * 4.5), 20, 60_000);
            docs.Add(new StageDocument($"doc-{i:D6}", language, domain, i % 10 == 0 ? "synthetic" : "web", tokens, random.NextDouble() * 5));
        }

        return docs;
    }

    private static (StageMix Mix, Dictionary<string, long> Selected) PlanAndApply(StagePlan plan, IEnumerable<StageDocument> docs, Func<StageDocument, string> groupOf)
    {
        var rules = new StageRules(plan);
        var histogram = new StageHistogram();
        var eligible = docs.Where(d => rules.IsEligible(d)).ToList();
        foreach (var d in eligible)
        {
            histogram.Add(rules.CellOf(d), MixingHash.Bucket(MixingHash.Draw(Seed, plan.Name, d.Id)), 1, d.Tokens);
        }

        var mix = MixturePlanner.Plan(plan, histogram);
        var selected = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var d in eligible)
        {
            var copies = mix.Copies(rules.CellOf(d), MixingHash.Bucket(MixingHash.Draw(Seed, plan.Name, d.Id)));
            copies.Should().BeLessThanOrEqualTo((int)Math.Ceiling(plan.MaxEpochs));
            selected[groupOf(d)] = selected.GetValueOrDefault(groupOf(d)) + copies * d.Tokens;
        }

        return (mix, selected);
    }

    [Fact]
    public void Budget_is_met_within_one_percent_and_domain_shares_within_two_points()
    {
        var docs = Corpus(20_000);
        var eligibleTokens = docs.Sum(d => d.Tokens);
        var plan = new StagePlan
        {
            Name = "s2",
            TokenBudget = eligibleTokens * 6 / 10,
            MaxEpochs = 4,
            Mixture = new StageMixture { Domain = [new("code", 0.3), new("math", 0.2)] },
        };

        var (mix, selected) = PlanAndApply(plan, docs, d => d.Domain);

        var total = selected.Values.Sum();
        total.Should().Be(mix.SelectedTokens, "the per-document rule selects exactly what the plan counted");
        Math.Abs(total - plan.TokenBudget!.Value).Should().BeLessThanOrEqualTo((long)(plan.TokenBudget.Value * 0.01));
        mix.BudgetMet.Should().BeTrue();
        ((double)selected["code"] / total).Should().BeApproximately(0.3, 0.02);
        ((double)selected["math"] / total).Should().BeApproximately(0.2, 0.02);
        mix.Checks.Should().OnlyContain(c => c.Met, "the corpus has enough data for every target");
        mix.Checks.Select(c => c.Group).Should().Equal("code", "math", MixturePlanner.Others);
    }

    [Fact]
    public void Language_and_domain_shares_are_met_together()
    {
        var docs = Corpus(30_000);
        var plan = new StagePlan
        {
            Name = "s1",
            MaxEpochs = 3,
            Mixture = new StageMixture
            {
                Language = [new("eng_Latn", 0.4), new("hin_Deva", 0.1)],
                Domain = [new("code", 0.15)],
            },
        };

        var (mix, byLanguage) = PlanAndApply(plan, docs, d => d.Language);
        var (_, byDomain) = PlanAndApply(plan, docs, d => d.Domain);
        var total = byLanguage.Values.Sum();

        mix.Budget.Should().BeLessThanOrEqualTo(docs.Sum(d => d.Tokens), "no budget means as many tokens as the shares allow, at most what the eligible documents hold");
        mix.BudgetMet.Should().BeTrue();
        ((double)byLanguage["eng_Latn"] / total).Should().BeApproximately(0.4, 0.02);
        ((double)byLanguage["hin_Deva"] / total).Should().BeApproximately(0.1, 0.02);
        ((double)byDomain["code"] / total).Should().BeApproximately(0.15, 0.02);
    }

    [Fact]
    public void A_scarce_group_is_upsampled_only_to_the_epoch_cap_and_the_check_says_so()
    {
        var docs = Corpus(10_000);
        var plan = new StagePlan
        {
            Name = "s2",
            TokenBudget = docs.Sum(d => d.Tokens),
            MaxEpochs = 2,
            Mixture = new StageMixture { Domain = [new("news", 0.5)] },
        };

        var (mix, selected) = PlanAndApply(plan, docs, d => d.Domain);

        var available = docs.Where(d => d.Domain == "news").Sum(d => d.Tokens);
        selected["news"].Should().BeLessThanOrEqualTo(available * 2);
        var check = mix.Checks.Single(c => c.Group == "news");
        check.Met.Should().BeFalse();
        check.Note.Should().Contain("not enough data");
        mix.BudgetMet.Should().BeTrue("the other groups fill the budget");
    }

    [Fact]
    public void A_named_group_without_data_is_reported_and_its_share_goes_to_the_others()
    {
        var docs = Corpus(5_000);
        var plan = new StagePlan
        {
            Name = "s2",
            Mixture = new StageMixture { Domain = [new("reasoning", 0.2), new("code", 0.1)] },
        };

        var (mix, selected) = PlanAndApply(plan, docs, d => d.Domain);

        var reasoning = mix.Checks.Single(c => c.Group == "reasoning");
        reasoning.Met.Should().BeFalse();
        reasoning.Note.Should().Be("no data");
        mix.Checks.Single(c => c.Group == "code").Met.Should().BeTrue();
        ((double)selected["code"] / selected.Values.Sum()).Should().BeApproximately(0.1, 0.02);
    }

    [Fact]
    public void Without_a_budget_the_stage_shrinks_until_a_scarce_share_holds()
    {
        var docs = Corpus(10_000);
        var plan = new StagePlan { Name = "s2", MaxEpochs = 2, Mixture = new StageMixture { Domain = [new("news", 0.5)] } };

        var (mix, selected) = PlanAndApply(plan, docs, d => d.Domain);

        var news = docs.Where(d => d.Domain == "news").Sum(d => d.Tokens);
        mix.Budget.Should().BeCloseTo(news * 2 * 2, (uint)(news * 0.05), "news at 2 epochs is half of the stage");
        ((double)selected["news"] / selected.Values.Sum()).Should().BeApproximately(0.5, 0.02);
        mix.Checks.Should().OnlyContain(c => c.Met);
    }

    [Fact]
    public void Budget_beyond_what_the_cap_allows_is_reported()
    {
        var docs = Corpus(2_000);
        var plan = new StagePlan { Name = "s1", TokenBudget = docs.Sum(d => d.Tokens) * 5, MaxEpochs = 2 };

        var (mix, _) = PlanAndApply(plan, docs, d => d.Language);

        mix.BudgetMet.Should().BeFalse();
        mix.BudgetNote.Should().Contain("more than the eligible documents give");
        mix.SelectedTokens.Should().Be(docs.Sum(d => d.Tokens) * 2);
    }

    [Fact]
    public void Length_shares_and_eligibility_shape_a_long_context_stage()
    {
        var docs = Corpus(20_000);
        var plan = StagePlans.Qwen3.Single(s => s.Name == "s3");

        var (mix, selected) = PlanAndApply(plan, docs, d => new StageRules(plan).LengthGroup(d.Tokens));

        docs.Where(d => new StageRules(plan).IsEligible(d)).Should().OnlyContain(d => d.Tokens >= 4096);
        var total = selected.Values.Sum();
        ((double)selected["16384-"] / total).Should().BeApproximately(0.75, 0.02);
        ((double)selected["4096-16384"] / total).Should().BeApproximately(0.25, 0.02);
        mix.BudgetMet.Should().BeTrue();
    }

    [Fact]
    public void The_decision_does_not_depend_on_the_order_documents_are_counted_in()
    {
        var docs = Corpus(3_000);
        var plan = StagePlans.Qwen3.Single(s => s.Name == "s2") with { TokenBudget = 1_000_000 };
        var shuffled = docs.OrderBy(d => MixingHash.Draw(1, "shuffle", d.Id)).ToList();

        var a = PlanAndApply(plan, docs, d => d.Id).Selected;
        var b = PlanAndApply(plan, shuffled, d => d.Id).Selected;

        b.Should().Equal(a);
    }

    [Fact]
    public void Validation_draw_holds_out_about_the_configured_share()
    {
        var held = Enumerable.Range(0, 20_000).Count(i => MixingHash.IsValidation(Seed, $"doc-{i}", 0.05));

        held.Should().BeInRange(900, 1100);
        MixingHash.IsValidation(Seed, "doc-1", 0).Should().BeFalse();
    }
}
