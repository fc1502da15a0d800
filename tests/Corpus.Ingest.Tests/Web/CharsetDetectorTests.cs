using System.Text;
using Corpus.Ingest.Web;

namespace Corpus.Ingest.Tests.Web;

public class CharsetDetectorTests
{
    [Fact]
    public void Content_type_charset_is_used()
    {
        byte[] body = [0x63, 0x61, 0x66, 0xE9];
        CharsetDetector.Decode(body, "text/html; charset=windows-1252").Should().Be("café");
        CharsetDetector.Decode(body, "text/html; charset=\"ISO-8859-1\"").Should().Be("café");
    }

    [Fact]
    public void Iso_8859_1_label_means_windows_1252() =>
        CharsetDetector.Decode([0x80], "text/plain; charset=iso-8859-1").Should().Be("€");

    [Fact]
    public void A_bom_wins_over_the_header()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("café")];
        CharsetDetector.Decode(body, "text/html; charset=windows-1252").Should().Be("café");
        CharsetDetector.Decode([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("hé")], null).Should().Be("hé");
        CharsetDetector.Decode([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("hé")], null).Should().Be("hé");
    }

    [Fact]
    public void Meta_charset_is_found_in_the_first_1024_bytes()
    {
        var shiftJis = CodePagesEncodingProvider.Instance.GetEncoding("shift_jis")!;
        var body = shiftJis.GetBytes("<html><head><meta charset=\"Shift_JIS\"></head><body>日本語</body></html>");
        CharsetDetector.Decode(body, "text/html").Should().Contain("日本語");
    }

    [Fact]
    public void Meta_http_equiv_content_type_is_found()
    {
        var gbk = CodePagesEncodingProvider.Instance.GetEncoding("gbk")!;
        var body = gbk.GetBytes("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><p>中文</p>");
        CharsetDetector.Decode(body, null).Should().Contain("中文");
    }

    // Found by bench/fuzz/run-sharpfuzz.sh (charset): the runtime names UTF-7 but throws NotSupportedException for it.
    [Theory]
    [InlineData("text/html; charset=utf-7", "hi")]
    [InlineData("text/html", "<meta charset=\"utf-7\">hi")]
    [InlineData("textin; text/html; charset=utf-7", "\uFFFD<!doctype html>")]
    public void A_utf7_label_is_unknown_and_the_page_decodes_as_utf8(string contentType, string body)
    {
        CharsetDetector.Decode(Encoding.UTF8.GetBytes(body), contentType).Should().Be(body);
        CharsetDetector.Detect(Encoding.UTF8.GetBytes(body), contentType).WebName.Should().Be("utf-8");
        CharsetDetector.FromLabel("utf-7").Should().BeNull();
    }

    [Fact]
    public void Meta_past_1024_bytes_is_not_read()
    {
        var body = Encoding.Latin1.GetBytes("<html>" + new string(' ', 1100) + "<meta charset=windows-1252>\u00e9");
        CharsetDetector.Detect(body, null).WebName.Should().Be("utf-8");
    }

    [Fact]
    public void Default_is_utf8_with_replacement_of_invalid_bytes()
    {
        CharsetDetector.Decode(Encoding.UTF8.GetBytes("ünïcode"), null).Should().Be("ünïcode");
        CharsetDetector.Decode([0x61, 0xFF, 0x62], null).Should().Be("a\uFFFDb");
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16le")]
    [InlineData("iso-8859-2")]
    [InlineData("iso-8859-5")]
    [InlineData("iso-8859-15")]
    [InlineData("windows-1250")]
    [InlineData("windows-1251")]
    [InlineData("windows-1256")]
    [InlineData("koi8-r")]
    [InlineData("shift_jis")]
    [InlineData("euc-jp")]
    [InlineData("iso-2022-jp")]
    [InlineData("gbk")]
    [InlineData("gb18030")]
    [InlineData("big5")]
    [InlineData("euc-kr")]
    public void Common_encodings_are_known(string label) =>
        CharsetDetector.FromLabel(label).Should().NotBeNull();

    [Fact]
    public void Unknown_labels_fall_back_to_utf8() =>
        CharsetDetector.Detect(Encoding.UTF8.GetBytes("x"), "text/html; charset=x-made-up").WebName.Should().Be("utf-8");
}
