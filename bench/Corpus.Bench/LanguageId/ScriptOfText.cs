using System.Globalization;
using System.Text;

namespace Corpus.Bench.LanguageId;

/// <summary>
/// The ISO 15924 script most of a text's letters are written in, for the tools that name a language but
/// not its script (CLD3, franc, Lingua): "Latn", "Cyrl", "Arab", … Han text is told apart as "Hans" or
/// "Hant" by counting characters that exist in only one of the two forms; Han with kana is "Jpan", Han
/// with Hangul "Hang". "Zyyy" when the text has no letters this table knows.
/// </summary>
internal static class ScriptOfText
{
    // (first, last, script): the blocks of the scripts the evaluated languages use. Not all of Unicode:
    // a letter outside every range is not counted.
    private static readonly (int First, int Last, string Script)[] Ranges =
    [
        (0x0041, 0x005A, "Latn"), (0x0061, 0x007A, "Latn"), (0x00C0, 0x024F, "Latn"), (0x0250, 0x02AF, "Latn"),
        (0x1E00, 0x1EFF, "Latn"), (0x2C60, 0x2C7F, "Latn"), (0xA720, 0xA7FF, "Latn"), (0xAB30, 0xAB6F, "Latn"),
        (0xFF21, 0xFF3A, "Latn"), (0xFF41, 0xFF5A, "Latn"),
        (0x0370, 0x03FF, "Grek"), (0x1F00, 0x1FFF, "Grek"),
        (0x0400, 0x052F, "Cyrl"), (0x1C80, 0x1C8F, "Cyrl"), (0x2DE0, 0x2DFF, "Cyrl"), (0xA640, 0xA69F, "Cyrl"),
        (0x0530, 0x058F, "Armn"), (0xFB13, 0xFB17, "Armn"),
        (0x0590, 0x05FF, "Hebr"), (0xFB1D, 0xFB4F, "Hebr"),
        (0x0600, 0x06FF, "Arab"), (0x0750, 0x077F, "Arab"), (0x0870, 0x08FF, "Arab"), (0xFB50, 0xFDFF, "Arab"), (0xFE70, 0xFEFF, "Arab"),
        (0x0700, 0x074F, "Syrc"), (0x0780, 0x07BF, "Thaa"), (0x07C0, 0x07FF, "Nkoo"),
        (0x0900, 0x097F, "Deva"), (0xA8E0, 0xA8FF, "Deva"), (0x0980, 0x09FF, "Beng"), (0x0A00, 0x0A7F, "Guru"),
        (0x0A80, 0x0AFF, "Gujr"), (0x0B00, 0x0B7F, "Orya"), (0x0B80, 0x0BFF, "Taml"), (0x0C00, 0x0C7F, "Telu"),
        (0x0C80, 0x0CFF, "Knda"), (0x0D00, 0x0D7F, "Mlym"), (0x0D80, 0x0DFF, "Sinh"),
        (0x0E00, 0x0E7F, "Thai"), (0x0E80, 0x0EFF, "Laoo"), (0x0F00, 0x0FFF, "Tibt"),
        (0x1000, 0x109F, "Mymr"), (0xA9E0, 0xA9FF, "Mymr"), (0xAA60, 0xAA7F, "Mymr"),
        (0x10A0, 0x10FF, "Geor"), (0x1C90, 0x1CBF, "Geor"), (0x2D00, 0x2D2F, "Geor"),
        (0x1100, 0x11FF, "Hang"), (0x3130, 0x318F, "Hang"), (0xA960, 0xA97F, "Hang"), (0xAC00, 0xD7FF, "Hang"),
        (0x1200, 0x139F, "Ethi"), (0x2D80, 0x2DDF, "Ethi"), (0xAB00, 0xAB2F, "Ethi"),
        (0x13A0, 0x13FF, "Cher"), (0xAB70, 0xABBF, "Cher"), (0x1400, 0x167F, "Cans"), (0x18B0, 0x18FF, "Cans"),
        (0x1700, 0x171F, "Tglg"), (0x1780, 0x17FF, "Khmr"), (0x19E0, 0x19FF, "Khmr"), (0x1800, 0x18AF, "Mong"),
        (0x1A20, 0x1AAF, "Lana"), (0x1B00, 0x1B7F, "Bali"), (0x1B80, 0x1BBF, "Sund"), (0x1C50, 0x1C7F, "Olck"),
        (0xA980, 0xA9DF, "Java"), (0x2D30, 0x2D7F, "Tfng"), (0xA000, 0xA4CF, "Yiii"), (0xA500, 0xA63F, "Vaii"),
        (0x3040, 0x309F, "Hira"), (0x30A0, 0x30FF, "Kana"), (0x31F0, 0x31FF, "Kana"), (0xFF66, 0xFF9F, "Kana"),
        (0x3100, 0x312F, "Bopo"), (0xAA80, 0xAADF, "Tavt"), (0x11100, 0x1114F, "Cakm"), (0x11300, 0x1137F, "Gran"), (0x1E900, 0x1E95F, "Adlm"),
        (0x3400, 0x4DBF, "Hani"), (0x4E00, 0x9FFF, "Hani"), (0xF900, 0xFAFF, "Hani"), (0x20000, 0x3FFFF, "Hani"),
    ];

    // Characters of everyday Chinese (and of the UDHR) that exist in only one of the two forms: the
    // simplified form on the first line, its traditional form at the same position on the second.
    private const string SimplifiedOnly =
        "这们个来说对时会为国过还发后没经动问关点现学实应进种开长样从见东两车门书话听让谁认识觉头体边间岁办电买卖钱难论题务产业机员华与无义权条约护视众亚万专严丽举乐乱争亲优传伤价类鉴于组织联际劳历选罚审诉讼财卫属谐职责设资济术艺获创愿观该须参给贸证写级统计划报纪网络区单总对设义标们"
        + "简马鸟鱼龙风飞云气热脑脸声师币带帮广庆库异弃张弹强归当录彻径忆忧怀态恋惊惯戏战户扩扫扬担拥择挤换据损摄旧显晓暂杀杂极构树桥档梦检楼欢毕汉汤沟泪浅测满灭灯灵炉烟爱牺状独猎环疗监盖盘礼离称积稳穷竞笔签节范纸线练细终结继续维综绿罗肃胜舰药营虽补装规览讨训议记讲许评词试询语误请读课谈调负贡败货质购贵费赛赵转轮软轻较辑输达迁运远违连迟适递逻遗邮邻酱释针钟铁银链错键闭闻阅阳阴陆险随隐顺顾领频颜饭馆驱验鲜黄齐龄";
    private const string TraditionalOnly =
        "這們個來說對時會為國過還發後沒經動問關點現學實應進種開長樣從見東兩車門書話聽讓誰認識覺頭體邊間歲辦電買賣錢難論題務產業機員華與無義權條約護視眾亞萬專嚴麗舉樂亂爭親優傳傷價類鑑於組織聯際勞歷選罰審訴訟財衛屬諧職責設資濟術藝獲創願觀該須參給貿證寫級統計劃報紀網絡區單總對設義標們"
        + "簡馬鳥魚龍風飛雲氣熱腦臉聲師幣帶幫廣慶庫異棄張彈強歸當錄徹徑憶憂懷態戀驚慣戲戰戶擴掃揚擔擁擇擠換據損攝舊顯曉暫殺雜極構樹橋檔夢檢樓歡畢漢湯溝淚淺測滿滅燈靈爐煙愛犧狀獨獵環療監蓋盤禮離稱積穩窮競筆簽節範紙線練細終結繼續維綜綠羅肅勝艦藥營雖補裝規覽討訓議記講許評詞試詢語誤請讀課談調負貢敗貨質購貴費賽趙轉輪軟輕較輯輸達遷運遠違連遲適遞邏遺郵鄰醬釋針鐘鐵銀鏈錯鍵閉聞閱陽陰陸險隨隱順顧領頻顏飯館驅驗鮮黃齊齡";

    private static readonly HashSet<int> Simplified = RunesOf(SimplifiedOnly);
    private static readonly HashSet<int> Traditional = RunesOf(TraditionalOnly);

    /// <summary>Whether <paramref name="script"/> is an ISO 15924 code this class can return.</summary>
    public static bool IsKnownScript(string script) =>
        script is "Hans" or "Hant" or "Jpan" || Ranges.Any(range => range.Script == script);

    /// <summary>The dominant script of <paramref name="text"/>.</summary>
    public static string Of(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        int simplified = 0, traditional = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is not (UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark))
            {
                continue;
            }

            if (ScriptOf(rune.Value) is not { } script)
            {
                continue;
            }

            counts[script] = counts.GetValueOrDefault(script) + 1;
            if (script == "Hani")
            {
                simplified += Simplified.Contains(rune.Value) ? 1 : 0;
                traditional += Traditional.Contains(rune.Value) ? 1 : 0;
            }
        }

        if (counts.Count == 0)
        {
            return "Zyyy";
        }

        var kana = counts.GetValueOrDefault("Hira") + counts.GetValueOrDefault("Kana");
        var han = counts.GetValueOrDefault("Hani");
        var hangul = counts.GetValueOrDefault("Hang");
        counts.Remove("Hira");
        counts.Remove("Kana");
        counts.Remove("Bopo");
        if (kana > 0)
        {
            counts["Jpan"] = han + kana; // Japanese mixes kanji and kana: together they are one script.
            counts.Remove("Hani");
        }
        else if (hangul > 0 && han > 0)
        {
            counts["Hang"] = hangul + han; // Korean text with hanja stays Korean.
            counts.Remove("Hani");
        }

        var top = counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).First().Key;
        return top == "Hani" ? (traditional > simplified ? "Hant" : "Hans") : top;
    }

    private static string? ScriptOf(int codePoint)
    {
        // The table is short; a linear scan is cheap next to any of the tools it serves.
        foreach (var (first, last, script) in Ranges)
        {
            if (codePoint >= first && codePoint <= last)
            {
                return script;
            }
        }

        return null;
    }

    private static HashSet<int> RunesOf(string characters)
    {
        var set = new HashSet<int>();
        foreach (var rune in characters.EnumerateRunes())
        {
            set.Add(rune.Value);
        }

        return set;
    }
}
