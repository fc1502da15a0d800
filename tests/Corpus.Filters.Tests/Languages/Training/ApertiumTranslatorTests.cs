using System.Text;
using Corpus.Filters.Languages.Training;
using Corpus.Tests.Shared;

namespace Corpus.Filters.Tests.Languages.Training;

/// <summary>The real Apertium, downloaded at the pinned versions and unpacked (not installed) by fetch-apertium.sh.</summary>
public sealed class ApertiumPackages
{
    public ApertiumPackages()
    {
        var fetch = ProcessRunner.Run("bash", [Path.Combine(RepoData.Root, "tests", "Corpus.Filters.Tests", "Languages", "Training", "fetch-apertium.sh")]);
        if (fetch.ExitCode != 0)
        {
            throw new InvalidOperationException("fetch-apertium.sh failed: " + fetch.Error);
        }

        Root = fetch.Output.Trim();
    }

    /// <summary>The folder the packages are unpacked into.</summary>
    public string Root { get; }
}

public class ApertiumTranslatorTests(ApertiumPackages packages) : IClassFixture<ApertiumPackages>
{
    [Fact]
    public void Indonesian_becomes_malay_from_the_unpacked_packages_line_for_line()
    {
        var translator = new ApertiumTranslator(packages.Root);
        string[] lines =
        [
            "Pemerintah mengatakan bahwa uang itu tidak bisa dipakai karena rusak.",
            "Berkas tidak ditemukan.",
            "Halo",
            "[Simpan] {0} ^ $ \\ @ * # / <b>tebal</b>",
        ];

        translator.Unavailable("ind-zlm").Should().BeNull();
        var malay = translator.Translate("ind-zlm", lines);

        malay.Should().HaveCount(lines.Length);
        malay[0].Should().Be("Kerajaan mengatakan bahawa wang itu tidak boleh dipakai kerana rusak.",
            "Malay words for government, that, money, can and because; the final full stop Apertium's line format drops is kept");
        malay[1].Should().Be("Fail tidak ditemukan.");
        malay[2].Should().Be("Halo", "a word both languages write alike stays");
        malay[3].Should().Contain("[Simpan]").And.Contain("<b>", "the stream format's special characters pass through without shifting lines");
    }

    [Fact]
    public void Translating_many_lines_keeps_their_order()
    {
        var translator = new ApertiumTranslator(packages.Root);
        var lines = Enumerable.Range(0, 3000).Select(i => $"Berkas nomor {i} tidak ditemukan karena uang").ToList();

        var malay = translator.Translate("ind-zlm", lines);

        malay.Select((m, i) => m == $"Fail nombor {i} tidak ditemukan kerana wang").Should().AllBeEquivalentTo(true);
    }

    [Fact]
    public void A_pair_that_is_not_unpacked_is_unavailable_and_named()
    {
        var translator = new ApertiumTranslator(packages.Root);

        translator.Unavailable("hbs-mkd").Should().Contain("hbs-mkd.mode").And.Contain("is missing");
        translator.Unavailable("../x").Should().Contain("not an Apertium mode name");
        new ApertiumTranslator("/nonexistent").Unavailable("ind-zlm").Should().Contain("/nonexistent/usr/share/apertium/modes/ind-zlm.mode");
        var act = () => translator.Translate("hbs-mkd", ["Halo"]);
        act.Should().Throw<InvalidOperationException>().WithMessage("*hbs-mkd*missing*");
    }

    [Fact]
    public void Indonesian_catalog_strings_become_malay_training_lines_through_the_real_pair()
    {
        using var catalogs = new TempPackageRoot("""{"alpha_2": "id", "alpha_3": "ind"}""");
        var messages = Path.Combine(catalogs.Root, "usr/share/locale/id/LC_MESSAGES");
        var po = new StringBuilder("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n");
        po.Append("msgid \"File not found because of money\"\nmsgstr \"Berkas tidak ditemukan karena uang.\"\n\n");
        po.Append("msgid \"Hello\"\nmsgstr \"Halo semua\"\n\n");
        TrainingFileTests.Compile(messages, po.ToString());

        var options = new LidTrainingOptions { PackageRoot = catalogs.Root, MinLines = 1 };
        var output = new StringWriter();
        var summary = LidTrainingData.Write(options, [], output, new ApertiumTranslator(packages.Root));

        summary.Translations.Should().ContainSingle().Which.Should().Be(new LidTranslated(options.Translations[0], 2, 1, null));
        output.ToString().Should().Contain("__label__zsm_Latn Fail tidak ditemukan kerana wang.")
            .And.Contain("__label__ind_Latn ").And.NotContain("__label__zsm_Latn Halo", "a string the pair left alike is text of neither");
    }

    [Theory]
    [InlineData("Berkas tidak ditemukan.", "Fail tidak ditemukan", "Fail tidak ditemukan.")]
    [InlineData("Apa?", "Apa ", "Apa?")]
    [InlineData("Simpan sebagai:", "Simpan sebagai:", "Simpan sebagai:")]
    [InlineData("Halo", " Halo ", "Halo")]
    [InlineData("A. B", "A. B", "A. B")]
    public void A_translation_ends_in_its_lines_final_mark(string source, string translated, string expected) =>
        ApertiumTranslator.KeepFinalMark(source, translated).Should().Be(expected);
}
