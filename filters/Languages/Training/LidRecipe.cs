using Corpus.FastText;

namespace Corpus.Filters.Languages.Training;

/// <summary>The hyper-parameters of the built-in language-ID model (see docs/language-id.md).</summary>
public static class LidRecipe
{
    /// <summary>Training options of the built-in model: dim 32, character 1-4-grams, word bigrams, words seen at least 2,000 times, 100k buckets, 15 epochs.</summary>
    public static FastTextTrainingOptions TrainingOptions { get; } = new()
    {
        Dim = 32,
        Epoch = 15,
        LearningRate = 0.5,
        WordNgrams = 2,
        MinCount = 2000,
        MinN = 1,
        MaxN = 4,
        Bucket = 100_000,
        Loss = FastTextLoss.Softmax,
        Seed = 0,
    };

    /// <summary>
    /// Groups of close languages that get a model of their own (<see cref="LanguageIdentifier"/>): languages the main
    /// model confuses with each other (East-Central Bantu is such a set rather than one branch), most of them with a
    /// few thousand lines of software strings. Most groups'
    /// models are character n-gram models (<see cref="LidGroupEngine.CharacterNgrams"/>), which tell such languages
    /// apart on news and prose better than the main model or a fastText model of the group; Sotho-Tswana and
    /// Ethiopian Semitic keep fastText models (Tigre has 138 lines: too few for n-gram counts). Which groups there are,
    /// and which model each has, was measured on NTREX-128 and the held-out UDHR (docs/language-id.md).
    /// </summary>
    public static IReadOnlyList<LidLanguageGroup> Groups { get; } =
    [
        new("nguni", ["nbl_Latn", "ssw_Latn", "xho_Latn", "zul_Latn"], LidGroupEngine.CharacterNgrams),
        new("sotho-tswana", ["nso_Latn", "sot_Latn", "tsn_Latn"]),
        new("ethiosemitic", ["amh_Ethi", "tig_Ethi", "tir_Ethi"]),
        new("cushitic", ["gaz_Latn", "gex_Latn", "som_Latn"], LidGroupEngine.CharacterNgrams),
        new("south-slavic-cyrillic", ["bul_Cyrl", "mkd_Cyrl", "srp_Cyrl"], LidGroupEngine.CharacterNgrams),
        new("ibero-romance", ["ast_Latn", "cat_Latn", "glg_Latn", "por_Latn", "spa_Latn"], LidGroupEngine.CharacterNgrams),
        new("czech-slovak", ["ces_Latn", "slk_Latn"], LidGroupEngine.CharacterNgrams),
        new("insular-nordic", ["fao_Latn", "isl_Latn"], LidGroupEngine.CharacterNgrams),
        new("polynesian", ["haw_Latn", "mri_Latn", "rar_Latn", "smo_Latn", "tah_Latn", "ton_Latn"], LidGroupEngine.CharacterNgrams),
        new("lahnda-urdu", ["pnb_Arab", "skr_Arab", "urd_Arab"], LidGroupEngine.CharacterNgrams),
        new("east-central-bantu", ["bem_Latn", "kin_Latn", "lug_Latn", "nya_Latn", "run_Latn", "sna_Latn", "swh_Latn"], LidGroupEngine.CharacterNgrams),
        new("kipchak-turkic", ["alt_Cyrl", "bak_Cyrl", "kaz_Cyrl", "kir_Cyrl", "tat_Cyrl"], LidGroupEngine.CharacterNgrams),
    ];

    /// <summary>
    /// Training options of a group's model: words seen 5 times are in its vocabulary, dim 16 and 20k buckets
    /// (about 1 MB a group); the rest as the main model's.
    /// </summary>
    public static FastTextTrainingOptions GroupTrainingOptions { get; } = TrainingOptions with { Dim = 16, MinCount = 5, Bucket = 20_000 };

    /// <summary>
    /// Training options of a group's character n-gram model (<see cref="LidGroupEngine.CharacterNgrams"/>): 1- to
    /// 5-grams of padded words seen at least 3 times in the group's text, a prior worth 1,000 n-grams.
    /// </summary>
    public static CharacterNgramOptions GroupNgramOptions { get; } = new(MinN: 1, MaxN: 5, Prior: 1000, MinCount: 3);
}
