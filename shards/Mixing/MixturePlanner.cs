using System.Collections.Immutable;
using System.Globalization;
using Corpus.Core.Configuration;

namespace Corpus.Shards.Mixing;

/// <summary>
/// Decides a stage's mix from its <see cref="StageHistogram"/>: a sampling rate per cell found by
/// raking (iterative proportional fitting) towards every dimension's shares, each rate capped at
/// the stage's <c>max_epochs</c>, then scaled so the selected tokens meet the budget; then each
/// cell's fractional copies become a threshold on the documents' draw buckets, with the rounding
/// carried from cell to cell so the stage total lands within one bucket of the budget.
/// </summary>
public static class MixturePlanner
{
    /// <summary>How far a selected share may be from its target and still count as met: 2 percentage points.</summary>
    public const double MixtureTolerance = 0.02;

    /// <summary>How far the selected tokens may be from the budget: 1%.</summary>
    public const double BudgetTolerance = 0.01;

    /// <summary>The group name that stands for every group a mixture does not name.</summary>
    public const string Others = "(others)";

    private const int RakingRounds = 200;

    /// <summary>Plans <paramref name="plan"/> over <paramref name="histogram"/>.</summary>
    public static StageMix Plan(StagePlan plan, StageHistogram histogram)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(histogram);
        var cells = histogram.Cells.ToArray();
        var available = cells.Select(histogram.TotalOf).ToArray();
        var tokens = available.Select(a => (double)a.Tokens).ToArray();
        var eligibleTokens = available.Sum(a => a.Tokens);
        var eligibleDocuments = available.Sum(a => a.Documents);
        var budget = plan.TokenBudget ?? eligibleTokens;
        var cap = plan.MaxEpochs;
        var dimensions = Dimensions(plan.Mixture);

        var rates = new double[cells.Length];
        Array.Fill(rates, eligibleTokens == 0 ? 0 : Math.Min(cap, (double)budget / eligibleTokens));
        if (eligibleTokens > 0)
        {
            for (var round = 0; round < RakingRounds && dimensions.Count > 0; round++)
            {
                var change = 0.0;
                foreach (var (dimension, shares) in dimensions)
                {
                    change = Math.Max(change, Rake(cells, tokens, rates, dimension, shares, budget, cap));
                }

                if (plan.TokenBudget is null)
                {
                    // No budget: the largest one the shares allow within the caps, at most the eligible tokens.
                    var planned = (long)Math.Round(Planned(tokens, rates));
                    change = Math.Max(change, (double)(budget - Math.Min(budget, planned)) / Math.Max(1, budget));
                    budget = Math.Min(budget, planned);
                }

                if (change < 1e-9)
                {
                    break;
                }
            }

            FillBudget(tokens, rates, budget, cap);
        }

        if (plan.TokenBudget is null)
        {
            budget = (long)Math.Round(Planned(tokens, rates));
        }

        var decisions = Decide(histogram, cells, available, rates, cap);
        var checks = Check(dimensions, cells, available, decisions, cap);
        string? budgetNote = null;
        var reachable = eligibleTokens * cap;
        if (budget > reachable * (1 + BudgetTolerance))
        {
            budgetNote = string.Create(CultureInfo.InvariantCulture, $"the budget of {budget:N0} tokens is more than the eligible documents give at {cap:0.##} epochs ({reachable:N0})");
        }

        return new StageMix(plan.Name, budget, eligibleDocuments, eligibleTokens, budgetNote, decisions, checks);
    }

    private static List<(MixDimension Dimension, ImmutableArray<GroupShare> Shares)> Dimensions(StageMixture mixture)
    {
        var list = new List<(MixDimension, ImmutableArray<GroupShare>)>();
        void AddIf(MixDimension d, ImmutableArray<GroupShare> s)
        {
            if (!s.IsDefaultOrEmpty)
            {
                list.Add((d, s));
            }
        }

        AddIf(MixDimension.Language, mixture.Language);
        AddIf(MixDimension.Domain, mixture.Domain);
        AddIf(MixDimension.Source, mixture.Source);
        AddIf(MixDimension.Length, mixture.Length);
        return list;
    }

    /// <summary>
    /// One raking step on one dimension: scales each named group with data to its share of the
    /// budget and the groups not named, together, to what is left (the shares of named groups
    /// without data go to them too); when no unnamed group has data the named shares are
    /// renormalized. Rates are then capped. Returns the largest relative change.
    /// </summary>
    private static double Rake(MixCell[] cells, double[] tokens, double[] rates, MixDimension dimension, ImmutableArray<GroupShare> shares, long budget, double cap)
    {
        var named = shares.ToDictionary(s => s.Group, s => s.Share, StringComparer.Ordinal);
        var availableByGroup = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < cells.Length; i++)
        {
            var g = cells[i].GroupOf(dimension);
            availableByGroup[g] = availableByGroup.GetValueOrDefault(g) + tokens[i];
        }

        var namedWithData = named.Where(n => availableByGroup.GetValueOrDefault(n.Key) > 0).ToDictionary(n => n.Key, n => n.Value, StringComparer.Ordinal);
        var othersHaveData = availableByGroup.Any(a => !named.ContainsKey(a.Key) && a.Value > 0);
        var namedSum = namedWithData.Values.Sum();
        var othersShare = othersHaveData ? Math.Max(0, 1 - namedSum) : 0;
        var scale = othersHaveData ? 1 : (namedSum > 0 ? 1 / namedSum : 0);

        var current = new Dictionary<string, double>(StringComparer.Ordinal);
        var currentOthers = 0.0;
        for (var i = 0; i < cells.Length; i++)
        {
            var g = cells[i].GroupOf(dimension);
            if (named.ContainsKey(g))
            {
                current[g] = current.GetValueOrDefault(g) + rates[i] * tokens[i];
            }
            else
            {
                currentOthers += rates[i] * tokens[i];
            }
        }

        var change = 0.0;
        for (var i = 0; i < cells.Length; i++)
        {
            var g = cells[i].GroupOf(dimension);
            double target, now, groupTokens;
            if (named.TryGetValue(g, out var share))
            {
                target = share * scale * budget;
                now = current.GetValueOrDefault(g);
                groupTokens = availableByGroup[g];
            }
            else
            {
                target = othersShare * budget;
                now = currentOthers;
                groupTokens = availableByGroup.Where(a => !named.ContainsKey(a.Key)).Sum(a => a.Value);
            }

            var next = now > 0 ? rates[i] * target / now : (groupTokens > 0 ? target / groupTokens : 0);
            next = Math.Min(cap, next);
            change = Math.Max(change, Math.Abs(next - rates[i]) / Math.Max(1e-12, Math.Max(next, rates[i])));
            rates[i] = next;
        }

        return change;
    }

    private static double Planned(double[] tokens, double[] rates)
    {
        var total = 0.0;
        for (var i = 0; i < rates.Length; i++)
        {
            total += rates[i] * tokens[i];
        }

        return total;
    }

    /// <summary>Scales the rates so the planned tokens meet the budget: down uniformly, or up over the cells not yet at the cap.</summary>
    private static void FillBudget(double[] tokens, double[] rates, long budget, double cap)
    {
        for (var round = 0; round < 64; round++)
        {
            var total = 0.0;
            var room = 0.0;
            for (var i = 0; i < rates.Length; i++)
            {
                total += rates[i] * tokens[i];
                if (rates[i] > 0 && rates[i] < cap)
                {
                    room += rates[i] * tokens[i];
                }
            }

            if (Math.Abs(total - budget) <= budget * 1e-9)
            {
                return;
            }

            if (total > budget)
            {
                var down = budget / total;
                for (var i = 0; i < rates.Length; i++)
                {
                    rates[i] *= down;
                }

                return;
            }

            if (room <= 0)
            {
                return;
            }

            var up = 1 + (budget - total) / room;
            for (var i = 0; i < rates.Length; i++)
            {
                if (rates[i] > 0 && rates[i] < cap)
                {
                    rates[i] = Math.Min(cap, rates[i] * up);
                }
            }
        }
    }

    /// <summary>Turns rates into whole copies plus a bucket threshold per cell, carrying the rounding forward.</summary>
    private static CellDecision[] Decide(StageHistogram histogram, MixCell[] cells, (long Documents, long Tokens)[] available, double[] rates, double cap)
    {
        var decisions = new CellDecision[cells.Length];
        var carry = 0.0;
        var maxCopies = (int)Math.Ceiling(cap - 1e-9);
        for (var i = 0; i < cells.Length; i++)
        {
            var planned = rates[i] * available[i].Tokens;
            var whole = Math.Min(maxCopies, (int)Math.Floor(rates[i] + 1e-9));
            var want = planned - (double)whole * available[i].Tokens + carry;
            var threshold = 0;
            long extraTokens = 0, extraDocuments = 0;
            if (whole < maxCopies && want > 0)
            {
                foreach (var (bucket, documents, bucketTokens) in histogram.BucketsOf(cells[i]))
                {
                    // Take the bucket when that lands closer to what is wanted than leaving it.
                    if (Math.Abs(want - (extraTokens + bucketTokens)) > Math.Abs(want - extraTokens))
                    {
                        break;
                    }

                    extraTokens += bucketTokens;
                    extraDocuments += documents;
                    threshold = bucket + 1;
                }
            }

            carry = want - extraTokens;
            decisions[i] = new CellDecision(
                cells[i],
                available[i].Documents,
                available[i].Tokens,
                rates[i],
                whole,
                threshold,
                (long)whole * available[i].Documents + extraDocuments,
                (long)whole * available[i].Tokens + extraTokens);
        }

        return decisions;
    }

    private static List<MixtureCheck> Check(List<(MixDimension Dimension, ImmutableArray<GroupShare> Shares)> dimensions, MixCell[] cells, (long Documents, long Tokens)[] available, CellDecision[] decisions, double cap)
    {
        var checks = new List<MixtureCheck>();
        var selectedTotal = decisions.Sum(d => d.SelectedTokens);
        foreach (var (dimension, shares) in dimensions)
        {
            var named = shares.Select(s => s.Group).ToHashSet(StringComparer.Ordinal);
            var groups = shares.Select(s => (s.Group, s.Share)).ToList();
            var namedSum = shares.Sum(s => s.Share);
            var othersExist = cells.Any(c => !named.Contains(c.GroupOf(dimension)));
            if (othersExist || namedSum < 1 - 1e-9)
            {
                groups.Add((Others, Math.Max(0, 1 - namedSum)));
            }

            var rows = groups.Select(g =>
            {
                var members = Enumerable.Range(0, cells.Length)
                    .Where(i => g.Group == Others ? !named.Contains(cells[i].GroupOf(dimension)) : cells[i].GroupOf(dimension) == g.Group)
                    .ToArray();
                var availableTokens = members.Sum(i => available[i].Tokens);
                var selected = members.Sum(i => decisions[i].SelectedTokens);
                var capped = members.Length > 0 && members.All(i => decisions[i].Rate >= cap - 1e-9);
                return (g.Group, g.Share, availableTokens, selected, capped);
            }).ToList();

            var shortGroups = rows.Where(r => r.availableTokens == 0 && r.Share > 0).Select(r => r.Group).ToList();
            foreach (var (group, share, availableTokens, selected, capped) in rows)
            {
                var measured = selectedTotal > 0 ? (double)selected / selectedTotal : 0;
                var met = Math.Abs(measured - share) <= MixtureTolerance;
                var note = met ? string.Empty
                    : availableTokens == 0 ? "no data"
                    : measured < share && capped ? string.Create(CultureInfo.InvariantCulture, $"not enough data: {availableTokens:N0} tokens at most {cap:0.##} epochs")
                    : measured > share && shortGroups.Count > 0 ? "takes the share of groups without data (" + string.Join(", ", shortGroups) + ")"
                    : "traded off against the stage's other targets and caps";
                checks.Add(new MixtureCheck(dimension, group, share, measured, availableTokens, selected, met, note));
            }
        }

        return checks;
    }
}
