using Corpus.Core.Languages;
using Corpus.FastText;
using Corpus.Filters.Languages;
using Corpus.Filters.Languages.Training;

namespace Corpus.Filters.Tests.Languages;

public class LanguageGroupTests
{
    private const string Alpha = "alpha alpha alpha alpha alpha alpha alpha alpha alpha alpha alpha alpha";
    private const string Gamma = "gamma gamma gamma gamma gamma gamma gamma gamma gamma gamma gamma gamma";

    private static readonly FastTextTrainingOptions Tiny = new() { Dim = 4, Epoch = 5, LearningRate = 0.5, Bucket = 1000, MinCount = 1 };

    // The main model: "alpha" is Xhosa, "beta" Zulu, "gamma" English.
    private static readonly Lazy<FastTextModel> Main = new(() => LanguageIdentifierTests.TrainOn(
        ["__label__xho_Latn alpha alpha", "__label__zul_Latn beta beta", "__label__eng_Latn gamma gamma"], Tiny));

    // The group's own model says the opposite: "alpha" is Zulu.
    private static readonly Lazy<FastTextModel> Group = new(() => LanguageIdentifierTests.TrainOn(
        ["__label__xho_Latn beta beta", "__label__zul_Latn alpha alpha"], Tiny));

    private static readonly LanguageIdentifierOptions Options = new() { MinScore = 0, Qwen3Weight = 1 };

    [Fact]
    public void A_group_model_divides_the_groups_probability_when_the_main_model_picks_one_of_its_languages()
    {
        var alone = new LanguageIdentifier(Main.Value, Options);
        var grouped = new LanguageIdentifier(Main.Value, Options, [("nguni", Group.Value)]);

        alone.Identify(Alpha).Language.Should().Be(LanguageCode.Parse("xho_Latn"));
        var refined = grouped.Identify(Alpha);
        refined.Language.Should().Be(LanguageCode.Parse("zul_Latn"), "the group's model decides between its languages");

        var main = Main.Value.Predict(Alpha, k: 3).ToDictionary(p => p.Label, p => (double)p.Probability);
        var group = Group.Value.Predict(Alpha, k: 2).ToDictionary(p => p.Label, p => (double)p.Probability);
        var mass = main["__label__xho_Latn"] + main["__label__zul_Latn"];
        var expected = mass * group["__label__zul_Latn"] / (group["__label__zul_Latn"] + group["__label__xho_Latn"]);
        refined.Shares[0].Probability.Should().BeApproximately(expected, 1e-5, "the group keeps the probability the main model gave it");

        grouped.Identify(Gamma).Should().BeEquivalentTo(alone.Identify(Gamma), "English is in no group: the main model's answer stands");
        grouped.Groups.Should().ContainSingle().Which.Name.Should().Be("nguni");
    }

    [Fact]
    public void A_group_whose_languages_together_outweigh_the_answer_decides_too()
    {
        // "alpha" is Venda four times in ten, Xhosa and Zulu three times each: Venda alone is the best label,
        // the Nguni group together is likelier.
        var main = LanguageIdentifierTests.TrainOn(
            ["__label__ven_Latn alpha alpha", "__label__ven_Latn alpha alpha", "__label__ven_Latn alpha alpha", "__label__ven_Latn alpha alpha",
             "__label__xho_Latn alpha alpha", "__label__xho_Latn alpha alpha", "__label__xho_Latn alpha alpha",
             "__label__zul_Latn alpha alpha", "__label__zul_Latn alpha alpha", "__label__zul_Latn alpha alpha"],
            Tiny, rounds: 50);
        main.Predict(Alpha)[0].Label.Should().Be("__label__ven_Latn");

        new LanguageIdentifier(main, Options).Identify(Alpha).Language.Should().Be(LanguageCode.Parse("ven_Latn"));
        new LanguageIdentifier(main, Options, [("nguni", Group.Value)]).Identify(Alpha).Language
            .Should().Be(LanguageCode.Parse("zul_Latn"), "the group's 0.6 outweighs Venda's 0.4, and its model says Zulu");
        var ranked = new LanguageIdentifier(main, Options, [("nguni", Group.Value)]).Rank(Alpha, 3);
        ranked.Select(c => c.Language.ToString()).Should().Equal(["zul_Latn", "xho_Latn", "ven_Latn"], "the group that decided comes first, its best first");
        ranked[2].Probability.Should().BeApproximately(main.Predict(Alpha)[0].Probability, 1e-6, "Venda keeps the main model's probability");
        ranked[0].Probability.Should().BeGreaterThan(ranked[1].Probability);
    }

    [Fact]
    public void Group_models_beside_a_model_file_are_loaded_with_it_and_one_with_a_foreign_label_is_refused()
    {
        var dir = Directory.CreateTempSubdirectory("corpus-lid-groups-");
        try
        {
            var path = Path.Combine(dir.FullName, "lid.bin");
            Main.Value.Save(path);
            Group.Value.Save(Path.Combine(dir.FullName, "lid.group-nguni.bin"));
            Group.Value.Save(Path.Combine(dir.FullName, "other.group-ignored.bin"));

            var loaded = LanguageIdentifier.Load(path, Options);
            loaded.Groups.Select(g => g.Name).Should().Equal("nguni");
            loaded.Identify(Alpha).Language.Should().Be(LanguageCode.Parse("zul_Latn"));

            LanguageIdentifierTests.TrainOn(["__label__fra_Latn beta", "__label__zul_Latn alpha"], Tiny, rounds: 10)
                .Save(Path.Combine(dir.FullName, "lid.group-romance.bin"));
            var load = () => LanguageIdentifier.Load(path, Options);
            load.Should().Throw<InvalidDataException>().WithMessage("*'romance'*'__label__fra_Latn'*");
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void A_character_n_gram_model_beside_the_model_file_decides_for_its_group_and_two_models_of_one_group_are_refused()
    {
        var dir = Directory.CreateTempSubdirectory("corpus-lid-groups-");
        try
        {
            var path = Path.Combine(dir.FullName, "lid.bin");
            Main.Value.Save(path);

            // The n-gram model, like the fastText group model above, says "alpha" is Zulu.
            var lines = Path.Combine(dir.FullName, "nguni.txt");
            File.WriteAllLines(lines, ["__label__xho_Latn beta beta", "__label__zul_Latn alpha alpha"]);
            CharacterNgramTrainer.Train(lines).Save(Path.Combine(dir.FullName, "lid.group-nguni" + CharacterNgramModel.Extension));

            var loaded = LanguageIdentifier.Load(path, Options);
            loaded.Groups.Should().ContainSingle().Which.Name.Should().Be("nguni");
            loaded.Identify(Alpha).Language.Should().Be(LanguageCode.Parse("zul_Latn"), "the main model says Xhosa, the group's model Zulu");
            loaded.Identify(Gamma).Language.Should().Be(LanguageCode.Parse("eng_Latn"));

            Group.Value.Save(Path.Combine(dir.FullName, "lid.group-nguni.bin"));
            var load = () => LanguageIdentifier.Load(path, Options);
            load.Should().Throw<InvalidDataException>().WithMessage("*'nguni' has two models*lid.group-nguni.bin*lid.group-nguni.ngrams*");
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void The_built_in_model_comes_with_the_models_of_the_recipes_language_groups()
    {
        var builtIn = LanguageIdentifier.LoadDefault();

        builtIn.Groups.Select(g => g.Name).Should().Equal(LidRecipe.Groups.Select(g => g.Name).Order(StringComparer.Ordinal));
        var paths = LanguageIdentifier.GroupModelPaths(LanguageIdentifier.DefaultModelPath).ToDictionary(g => g.Name, g => g.Path);
        foreach (var group in LidRecipe.Groups)
        {
            Path.GetExtension(paths[group.Name]).Should().Be(group.Engine == LidGroupEngine.CharacterNgrams ? CharacterNgramModel.Extension : ".bin", $"the {group.Name} model is of the recipe's kind");
            builtIn.Groups.Single(g => g.Name == group.Name).Labels.Select(l => l["__label__".Length..])
                .Should().BeEquivalentTo(group.Labels, $"the committed {group.Name} model is the recipe's group");
        }
    }
}
