using System.Text;

namespace Corpus.Filters.Tests.Quality;

/// <summary>Crafted, non-repetitive text in several scripts: pseudo-words of fixed length with stop words at known places.</summary>
internal static class Gen
{
    public static readonly string[] Scripts = ["eng_Latn", "rus_Cyrl", "arb_Arab", "zho_Hans", "tha_Thai"];

    private static readonly Dictionary<string, (string Letters, string[] Stop, string Joiner, int Length)> Alphabets = new()
    {
        ["eng_Latn"] = ("bcdfghklmnprstvz", ["the", "of"], " ", 5),
        ["rus_Cyrl"] = ("бвгджзклмнпрстфх", ["и", "на"], " ", 5),
        ["arb_Arab"] = ("بتثجحخدذرزسشصضطظ", ["في", "من"], " ", 5),
        ["zho_Hans"] = ("天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致雨露结为霜金生丽水玉出昆冈剑号巨阙珠称夜光果珍李柰菜重芥姜海咸河淡鳞潜羽翔龙师火帝鸟官", ["的", "和"], "", 1),
        ["tha_Thai"] = ("กขคงจฉชซญดตถทธนบปผพฟมยรลวสหอฮ", ["ที่"], "", 2),
    };

    /// <summary>One word; for Thai a consonant with a vowel mark (one grapheme cluster).</summary>
    public static string Word(string script, Random random)
    {
        var (letters, _, _, length) = Alphabets[script];
        if (script == "tha_Thai")
        {
            return $"{letters[random.Next(letters.Length)]}{"ิึุู"[random.Next(4)]}";
        }

        var sb = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            sb.Append(letters[random.Next(letters.Length)]);
        }

        return sb.ToString();
    }

    /// <summary><paramref name="words"/> words (stop words every fifth), joined the script's way, ending in a full stop.</summary>
    public static string Sentence(string script, int words, Random random)
    {
        var (_, stop, joiner, _) = Alphabets[script];
        var parts = new List<string>();
        for (var i = 0; i < words; i++)
        {
            parts.Add(i % 5 == 2 ? stop[i / 5 % stop.Length] : Word(script, random));
        }

        return string.Join(joiner, parts) + (script == "zho_Hans" ? "。" : ".");
    }

    /// <summary>Lines of sentences; every sentence a line.</summary>
    public static string Document(string script, int lines = 12, int wordsPerLine = 12, int seed = 1)
    {
        var random = new Random(seed);
        return string.Join('\n', Enumerable.Range(0, lines).Select(_ => Sentence(script, wordsPerLine, random)));
    }
}
