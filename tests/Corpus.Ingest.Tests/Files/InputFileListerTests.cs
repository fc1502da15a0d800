using Corpus.Ingest.Files;

namespace Corpus.Ingest.Tests.Files;

public class InputFileListerTests
{
    [Fact]
    public void Lists_depth_first_in_ordinal_order_skipping_dot_entries()
    {
        using var dir = new TempFolder();
        foreach (var f in new[] { "b.txt", "a/z.txt", "a/B.txt", "C.txt", ".git/config", "a/.hidden.txt", "a/c/d.md" })
        {
            dir.Write(f, "x");
        }

        InputFileLister.List(dir.Path).Select(f => f.RelativePath).Should().Equal("C.txt", "a/B.txt", "a/c/d.md", "a/z.txt", "b.txt");
    }

    [Fact]
    public void Missing_folder_is_an_error_naming_it()
    {
        var act = () => InputFileLister.List("/no/such/folder").ToList();
        act.Should().Throw<DirectoryNotFoundException>().WithMessage("*/no/such/folder*");
    }
}
