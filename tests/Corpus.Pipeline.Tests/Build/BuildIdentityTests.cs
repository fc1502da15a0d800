using Corpus.Core.Configuration;
using Corpus.Pipeline.Build;

namespace Corpus.Pipeline.Tests.Build;

public class BuildIdentityTests
{
    [Fact]
    public void The_models_hash_covers_the_language_models_group_models_beside_it()
    {
        var dir = Directory.CreateTempSubdirectory("corpus-identity-");
        try
        {
            var model = Path.Combine(dir.FullName, "lid.bin");
            File.WriteAllText(model, "main model bytes");
            var config = new ClassifyConfig { LanguageModel = model };
            var alone = BuildIdentity.HashModels(config, "unused");

            var group = Path.Combine(dir.FullName, "lid.group-nguni.bin");
            File.WriteAllText(group, "group model bytes");
            var withGroup = BuildIdentity.HashModels(config, "unused");
            File.WriteAllText(group, "other group model bytes");
            var changedGroup = BuildIdentity.HashModels(config, "unused");
            File.WriteAllText(Path.Combine(dir.FullName, "elsewhere.group-nguni.bin"), "not beside lid.bin");

            withGroup.Should().NotBe(alone, "a group model decides labels too");
            changedGroup.Should().NotBe(withGroup);
            BuildIdentity.HashModels(config, "unused").Should().Be(changedGroup, "only the model's own group files count");
            BuildIdentity.HashModels(config with { Language = false }, "unused").Should().NotBe(changedGroup);

            var ngrams = Path.Combine(dir.FullName, "lid.group-polynesian.ngrams");
            File.WriteAllText(ngrams, "n-gram group model bytes");
            var withNgrams = BuildIdentity.HashModels(config, "unused");
            withNgrams.Should().NotBe(changedGroup, "a character n-gram group model decides labels too");

            File.WriteAllText(Path.Combine(dir.FullName, "lid.group-nguni.ngrams"), "a second model of the group");
            var twoModels = () => BuildIdentity.HashModels(config, "unused");
            twoModels.Should().NotThrow("the filter phase is the one that refuses two models of a group, naming both").Which.Should().NotBe(withNgrams);
            var load = () => Corpus.Pipeline.Phases.DocumentLabeler.Create(config);
            load.Should().Throw<BuildException>().WithMessage("*classify.language_model*'nguni' has two models*lid.group-nguni.bin*lid.group-nguni.ngrams*");
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
