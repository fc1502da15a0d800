using Corpus.Core.Languages;
using Corpus.Filters.Quality;

namespace Corpus.Filters.Tests.Quality;

/// <summary>Hand-written prose passes with every default; typical web debris does not.</summary>
public sealed class NaturalTextTests
{
    private const string English = """
        The river rises in the hills to the north of the town and runs for about forty miles before it reaches the sea.
        For most of that distance it is slow and wide, and farmers have used its water to irrigate their fields for centuries.
        In the spring, when the snow melts, the level can rise by several feet in a single night.
        Older residents still remember the flood of 1952, which carried away two bridges and most of the mill.
        Since then the council has built a series of low walls along the banks, and the damage has been much smaller.
        Today the river is better known for its fishing, and visitors come from far away to spend a quiet weekend on the water.
        """;

    private const string Russian = """
        Река берёт начало в холмах к северу от города и течёт около шестидесяти километров, прежде чем впадает в море.
        На большей части этого пути она медленная и широкая, и крестьяне веками поливают её водой свои поля.
        Весной, когда тает снег, уровень воды может подняться на несколько метров за одну ночь.
        Старые жители до сих пор помнят наводнение пятьдесят второго года, которое унесло два моста и почти всю мельницу.
        С тех пор на берегах построили невысокие стены, и ущерб от паводков стал гораздо меньше.
        Сегодня река известна прежде всего рыбалкой, и люди приезжают издалека, чтобы провести на воде спокойные выходные.
        """;

    private const string Chinese = """
        这条河发源于城北的山丘，流经大约六十公里后注入大海。
        在大部分河段，它水流缓慢而宽阔，几百年来农民一直用它的水来灌溉田地。
        春天积雪融化的时候，水位可能在一夜之间上涨好几米。
        老居民至今还记得五十年代的那场洪水，它冲走了两座桥和磨坊的大部分。
        从那以后，人们在河岸上修建了一系列矮墙，洪水造成的损失也小了很多。
        如今这条河更以钓鱼闻名，游客们从很远的地方来到这里，在水上度过一个安静的周末。
        """;

    [Theory]
    [InlineData(English, "eng_Latn")]
    [InlineData(Russian, "rus_Cyrl")]
    [InlineData(Chinese, "zho_Hans")]
    public void Prose_is_kept(string text, string language)
    {
        var verdict = QualityFilter.Create().Evaluate(text, LanguageCode.Parse(language), "https://example.org/river");
        verdict.Rule.Should().BeNull();
        verdict.Text.Should().Be(text.Trim());
    }

    [Fact]
    public void Navigation_debris_is_rejected()
    {
        var menu = string.Join('\n', Enumerable.Repeat("Home\nAbout us\nContact\nLogin\nShop", 6)) + "\n" + English;
        QualityFilter.Create().Evaluate(menu, LanguageCode.Parse("eng_Latn")).Kept.Should().BeFalse();
    }

    [Fact]
    public void Language_is_english_when_not_given() =>
        QualityFilter.Create().Evaluate(English, null).Kept.Should().BeTrue();
}
