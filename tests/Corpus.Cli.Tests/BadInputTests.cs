using System.Text;
using DuckDB.NET.Data;

namespace Corpus.Cli.Tests;

public sealed class BadInputTests : IDisposable
{
    private readonly string _root = TestEnvironment.NewTempDir("bad-input");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Bad_files_become_rejects_with_reasons_and_the_rest_is_built()
    {
        var input = Path.Combine(_root, "input");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "good-1.txt"), "The first good document.\n", new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(input, "good-2.md"), "# Second\n\nAnother good one.\n", new UTF8Encoding(false));
        File.WriteAllBytes(Path.Combine(input, "empty.txt"), []);
        File.WriteAllBytes(Path.Combine(input, "latin1.txt"), Encoding.Latin1.GetBytes("caf\u00e9 cr\u00e8me"));
        File.CreateSymbolicLink(Path.Combine(input, "unreadable.txt"), Path.Combine(_root, "nowhere.txt"));
        using (var big = new FileStream(Path.Combine(input, "huge.txt"), FileMode.Create))
        {
            big.SetLength(200L * 1024 * 1024); // sparse: 200 MB on paper, nothing on disk
        }

        File.WriteAllBytes(Path.Combine(input, "photo.jpg"), [0xFF, 0xD8, 0xFF]);
        var output = Path.Combine(_root, "out");

        var config = Path.Combine(_root, "ingest-only.json");
        File.WriteAllText(config, """{"filters": {"enabled": false}, "dedup": {"enabled": false}}""");
        var (code, stdout, stderr) = TestEnvironment.Run(null, "build", "--input", input, "--out", output, "--config", config);
        code.Should().Be(0, stderr);
        stdout.Should().Contain("2 documents").And.Contain("5 rejects");

        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT url, phase, reason, detail FROM read_parquet('{output}/rejects/*.parquet') ORDER BY url";
        var rejects = new List<(string Url, string Phase, string Reason, string Detail)>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                rejects.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)));
            }
        }

        rejects.Select(r => (r.Url, r.Reason)).Should().Equal(
            ("empty.txt", "empty"),
            ("huge.txt", "too-large"),
            ("latin1.txt", "invalid-utf8"),
            ("photo.jpg", "unsupported-extension"),
            ("unreadable.txt", "unreadable"));
        rejects.Should().OnlyContain(r => r.Phase == "ingest" && r.Detail.Length > 0);
        rejects.Single(r => r.Url == "huge.txt").Detail.Should().Contain("209715200");
        TestEnvironment.Run(null, "shards", "verify", output).ExitCode.Should().Be(0);
    }

    [Fact]
    public void Missing_input_folder_fails_naming_it()
    {
        var (code, _, stderr) = TestEnvironment.Run(null, "build", "--input", Path.Combine(_root, "absent"), "--out", Path.Combine(_root, "o"));
        code.Should().Be(1);
        stderr.Should().Contain("absent").And.Contain("does not exist");
    }

    [Fact]
    public void Invalid_config_fails_naming_the_key_and_value()
    {
        Directory.CreateDirectory(Path.Combine(_root, "in"));
        var config = Path.Combine(_root, "c.json");
        File.WriteAllText(config, """{"shards": {"max_shard_bytes": -5}}""");
        var (code, _, stderr) = TestEnvironment.Run(null, "build", "--input", Path.Combine(_root, "in"), "--out", Path.Combine(_root, "o"), "--config", config);
        code.Should().Be(1);
        stderr.Should().Contain("shards.max_shard_bytes").And.Contain("-5");
    }
}
