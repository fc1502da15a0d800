using Corpus.Core.Documents;

namespace Corpus.Core.Tests.Documents;

public class DocumentIdTests
{
    [Fact]
    public void Id_is_32_hex_digits_and_stable()
    {
        var id = DocumentId.Compute("a/b.txt", "hello");
        id.Should().MatchRegex("^[0-9a-f]{32}$");
        DocumentId.Compute("a/b.txt", "hello").Should().Be(id);
    }

    [Fact]
    public void Id_depends_on_source_and_content()
    {
        var id = DocumentId.Compute("a/b.txt", "hello");
        DocumentId.Compute("a/c.txt", "hello").Should().NotBe(id);
        DocumentId.Compute("a/b.txt", "hello!").Should().NotBe(id);
    }

    [Fact]
    public void Source_and_content_boundary_is_unambiguous()
    {
        DocumentId.Compute("ab", "c").Should().NotBe(DocumentId.Compute("a", "bc"));
    }

    [Fact]
    public void Id_matches_the_documented_construction()
    {
        // sha256("x" + 0x00 + "y"), first 16 bytes
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("x\0y"u8))[..32];
        DocumentId.Compute("x", "y").Should().Be(expected);
    }
}
