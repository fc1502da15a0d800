using Corpus.Core.Languages;
using Corpus.Filters.Languages;

namespace Corpus.Filters.Tests.Languages;

public sealed class LanguageTableTests
{
    [Fact]
    public void Table_covers_the_qwen3_languages_with_valid_codes()
    {
        LanguageTable.All.Should().HaveCountGreaterThanOrEqualTo(119);
        LanguageTable.All.Select(p => p.Code).Should().OnlyHaveUniqueItems();
        foreach (var profile in LanguageTable.All)
        {
            LanguageCode.TryParse(profile.Code, out _).Should().BeTrue(profile.Code);
        }

        LanguageTable.For(LanguageCode.Parse("eng_Latn")).StopWords.Should().Equal("the", "be", "to", "of", "and", "that", "have", "with");
        LanguageTable.For(LanguageCode.Parse("zho_Hans")).Segmentation.Should().Be(Segmentation.Characters);
        LanguageTable.For(LanguageCode.Parse("khm_Khmr")).Segmentation.Should().Be(Segmentation.Syllables);
        LanguageTable.For(LanguageCode.Parse("rus_Cyrl")).StopWords.Should().Contain("и");
        LanguageTable.For(LanguageCode.Parse("xyz_Thai")).Segmentation.Should().Be(Segmentation.Syllables);
    }

    [Fact]
    public void Han_and_kana_are_one_word_per_character() =>
        WordSegmenter.Split("我爱北京。Hello 世界", Segmentation.Characters).Should().Equal("我", "爱", "北", "京", "。", "Hello", "世", "界");

    [Fact]
    public void Thai_and_khmer_split_into_grapheme_clusters()
    {
        WordSegmenter.Split("ที่นี่", Segmentation.Syllables).Should().Equal("ที่", "นี่");
        WordSegmenter.Split("ខ្មែរ", Segmentation.Syllables).Should().Equal("ខ្មែ", "រ");
    }

    [Fact]
    public void Spaced_scripts_split_punctuation_off_words() =>
        WordSegmenter.Split("Don't stop... e-mail 3.14, ok!", Segmentation.Spaces).Should().Equal("Don't", "stop", "...", "e-mail", "3.14", ",", "ok", "!");
}
