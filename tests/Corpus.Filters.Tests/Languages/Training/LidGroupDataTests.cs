using Corpus.Filters.Languages.Training;

namespace Corpus.Filters.Tests.Languages.Training;

public class LidGroupDataTests
{
    [Fact]
    public void Each_groups_file_has_its_labels_lines_in_the_training_files_order()
    {
        var dir = Directory.CreateTempSubdirectory("corpus-lid-groupdata-");
        try
        {
            var train = Path.Combine(dir.FullName, "train.txt");
            File.WriteAllText(train, "__label__zul_Latn a\n__label__eng_Latn b\n__label__xho_Latn c\n__label__tir_Ethi d\n__label__zul_Latn e\n__label__zul_Latnx f\n");
            LidLanguageGroup[] groups = [new("nguni", ["zul_Latn", "xho_Latn"]), new("ethiosemitic", ["amh_Ethi", "tir_Ethi"])];

            var counts = LidGroupData.Write(train, groups, g => Path.Combine(dir.FullName, g.Name + ".txt"));

            File.ReadAllText(Path.Combine(dir.FullName, "nguni.txt")).Should().Be("__label__zul_Latn a\n__label__xho_Latn c\n__label__zul_Latn e\n");
            File.ReadAllText(Path.Combine(dir.FullName, "ethiosemitic.txt")).Should().Be("__label__tir_Ethi d\n");
            counts["nguni"].Should().Equal(new Dictionary<string, int> { ["xho_Latn"] = 1, ["zul_Latn"] = 2 });
            counts["ethiosemitic"].Should().Equal(new Dictionary<string, int> { ["tir_Ethi"] = 1 }, "Amharic has no line");
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void A_label_in_two_groups_is_refused_by_name()
    {
        LidLanguageGroup[] groups = [new("nguni", ["zul_Latn"]), new("other", ["zul_Latn"])];

        var write = () => LidGroupData.Write("unused.txt", groups, g => g.Name);

        write.Should().Throw<ArgumentException>().WithMessage("*'zul_Latn'*'nguni'*'other'*");
    }
}
