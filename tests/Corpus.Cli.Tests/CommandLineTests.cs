namespace Corpus.Cli.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Tokenize_writes_one_line_of_ids_per_lf_line_and_keeps_cr()
    {
        var (code, stdout, stderr) = TestEnvironment.Run("Hello world\nsecond\r\n\nlast", "tokenize");
        code.Should().Be(0, stderr);
        var lines = stdout.Split('\n');
        lines.Should().HaveCount(5, "four input lines, each ending with LF in the output");
        lines[2].Should().BeEmpty("an empty line has no ids");
        lines[^1].Should().BeEmpty();
        var decoded = TestEnvironment.Run(stdout, "tokenize", "--decode");
        decoded.ExitCode.Should().Be(0, decoded.Stderr);
        decoded.Stdout.Should().Be("Hello world\nsecond\r\n\nlast\n");
    }

    [Fact]
    public void Tokenize_encodes_special_token_text_as_text_unless_asked()
    {
        var plain = TestEnvironment.Run("<|im_start|>", "tokenize").Stdout.Trim();
        var special = TestEnvironment.Run("<|im_start|>", "tokenize", "--special").Stdout.Trim();
        special.Should().Be("151644");
        plain.Split(' ').Should().HaveCountGreaterThan(1).And.NotContain("151644");
    }

    [Fact]
    public void Model_tiny_writes_a_gguf_that_is_byte_identical_for_the_same_seed()
    {
        var dir = TestEnvironment.NewTempDir("tiny");
        try
        {
            string[] Write(string name, string seed) => ["model", "tiny", "--out", Path.Combine(dir, name), "--seed", seed, "--dim", "16", "--layers", "1"];
            var first = TestEnvironment.Run(null, Write("a.gguf", "7"));
            var second = TestEnvironment.Run(null, Write("b.gguf", "7"));
            var other = TestEnvironment.Run(null, Write("c.gguf", "8"));

            first.ExitCode.Should().Be(0, first.Stderr);
            second.ExitCode.Should().Be(0, second.Stderr);
            other.ExitCode.Should().Be(0, other.Stderr);
            first.Stdout.Should().Contain("qwen3, 1 blocks, hidden 16, f32 weights, seed 7");
            var bytes = File.ReadAllBytes(Path.Combine(dir, "a.gguf"));
            bytes[..4].Should().Equal("GGUF"u8.ToArray());
            File.ReadAllBytes(Path.Combine(dir, "b.gguf")).Should().Equal(bytes);
            File.ReadAllBytes(Path.Combine(dir, "c.gguf")).Should().NotEqual(bytes);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Model_tiny_stores_its_weights_as_q8_0_when_asked_and_refuses_an_unknown_type()
    {
        var dir = TestEnvironment.NewTempDir("tiny-q8");
        try
        {
            string[] Write(string name, string type) => ["model", "tiny", "--out", Path.Combine(dir, name), "--dim", "32", "--layers", "1", "--type", type];
            var f32 = TestEnvironment.Run(null, Write("f32.gguf", "f32"));
            var q8 = TestEnvironment.Run(null, Write("q8.gguf", "q8_0"));
            var bad = TestEnvironment.Run(null, Write("bad.gguf", "q4_k"));

            f32.ExitCode.Should().Be(0, f32.Stderr);
            q8.ExitCode.Should().Be(0, q8.Stderr);
            q8.Stdout.Should().Contain("q8_0 weights");
            new FileInfo(Path.Combine(dir, "q8.gguf")).Length.Should().BeLessThan(new FileInfo(Path.Combine(dir, "f32.gguf")).Length / 2);
            bad.ExitCode.Should().Be(2);
            bad.Stderr.Should().Contain("--type must be f32, f16 or q8_0, not 'q4_k'");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Model_tiny_without_out_is_a_usage_error()
    {
        var (code, _, stderr) = TestEnvironment.Run(null, "model", "tiny", "--seed", "1");

        code.Should().Be(2);
        stderr.Should().Contain("--out");
    }

    [Fact]
    public void Tokenize_writes_every_line_in_order_before_a_line_that_is_not_utf8_then_names_it()
    {
        var dir = TestEnvironment.NewTempDir("tok-bad");
        try
        {
            var lines = Enumerable.Range(1, 20_000).Select(i => $"line {i} {new string('z', i % 300)}").ToList();
            using (var file = File.Create(Path.Combine(dir, "in.txt")))
            {
                foreach (var line in lines)
                {
                    file.Write(System.Text.Encoding.UTF8.GetBytes(line + "\n"));
                }

                file.Write([0x61, 0xFF, 0x62, (byte)'\n']);
                file.Write("after\n"u8);
            }

            var (code, _, stderr) = TestEnvironment.Run(null, "tokenize", "--in", Path.Combine(dir, "in.txt"), "--out", Path.Combine(dir, "out.txt"));

            code.Should().Be(1);
            stderr.Should().Contain("line 20001 is not valid UTF-8");
            var written = File.ReadAllLines(Path.Combine(dir, "out.txt"));
            written.Should().HaveCount(20_000);
            var decoded = TestEnvironment.Run(string.Join('\n', written[^3..]) + "\n", "tokenize", "--decode").Stdout;
            decoded.Should().Be(string.Join('\n', lines[^3..]) + "\n");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Tokenize_reads_and_writes_files()
    {
        var dir = TestEnvironment.NewTempDir("tok");
        try
        {
            File.WriteAllText(Path.Combine(dir, "in.txt"), "a b c\n");
            var (code, _, stderr) = TestEnvironment.Run(null, "tokenize", "--in", Path.Combine(dir, "in.txt"), "--out", Path.Combine(dir, "out.txt"));
            code.Should().Be(0, stderr);
            File.ReadAllText(Path.Combine(dir, "out.txt")).Should().MatchRegex("^[0-9]+( [0-9]+)*\n$");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Decoding_a_bad_id_fails_naming_the_line()
    {
        var (code, _, stderr) = TestEnvironment.Run("1 2\n3 x9\n", "tokenize", "--decode");
        code.Should().Be(1);
        stderr.Should().Contain("line 2").And.Contain("x9");
    }

    [Theory]
    [InlineData(2, new string[0])]
    [InlineData(2, new[] { "frobnicate" })]
    [InlineData(2, new[] { "build", "--out", "x" })]
    [InlineData(2, new[] { "build", "--input", "x", "--out", "y", "--workers", "zero" })]
    [InlineData(2, new[] { "tokenize", "--bogus" })]
    [InlineData(2, new[] { "shards", "verify" })]
    [InlineData(0, new[] { "--help" })]
    [InlineData(0, new[] { "build", "--help" })]
    [InlineData(0, new[] { "shards", "verify", "--help" })]
    public void Exit_codes_are_0_success_and_2_usage(int expected, string[] args)
    {
        var (code, stdout, stderr) = TestEnvironment.Run(null, args);
        code.Should().Be(expected, stdout + stderr);
        if (expected == 2)
        {
            stderr.Should().NotBeEmpty();
        }
    }

    [Fact]
    public void Launcher_passes_arguments_stdin_and_exit_code_through()
    {
        var launcher = Path.Combine(TestEnvironment.RepoRoot, "corpus");
        var (code, stdout, stderr) = TestEnvironment.RunProcess(launcher, ["tokenize"], "hi\n", TimeSpan.FromMinutes(10));
        code.Should().Be(0, stderr);
        stdout.Should().MatchRegex("^[0-9]+\n$");
        TestEnvironment.RunProcess(launcher, ["tokenize", "--nope"], null, TimeSpan.FromMinutes(10)).ExitCode.Should().Be(2);
        TestEnvironment.RunProcess(launcher, ["shards", "verify", "/no/such/dir"], null, TimeSpan.FromMinutes(10)).ExitCode.Should().Be(1);
    }
}
