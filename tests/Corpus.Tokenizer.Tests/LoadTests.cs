using Corpus.Tests.Shared;
using System.Text.Json.Nodes;

namespace Corpus.Tokenizer.Tests;

[Collection(TokenizerCollection.Name)]
public sealed class LoadTests(TokenizerFixture fixture) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("corpus-tokenizer-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Load_of_malformed_json_throws_invalid_data_naming_the_file()
    {
        string path = Write("broken.json", "{\"model\": {\"type\": \"BPE\", ");
        var load = () => QwenTokenizer.Load(path);
        load.Should().Throw<InvalidDataException>().WithMessage($"*{path}*JSON*");
    }

    [Fact]
    public void Load_of_a_non_bpe_model_throws_invalid_data_naming_the_file_and_the_model()
    {
        var json = QwenJson();
        json["model"]!["type"] = "WordPiece";
        string path = Write("wordpiece.json", json.ToJsonString());
        var load = () => QwenTokenizer.Load(path);
        load.Should().Throw<InvalidDataException>().WithMessage($"*{path}*model type 'WordPiece'*");
    }

    [Fact]
    public void Load_of_an_unsupported_normalizer_or_pre_tokenizer_throws_invalid_data()
    {
        var nfkc = QwenJson();
        nfkc["normalizer"] = new JsonObject { ["type"] = "NFKC" };
        string nfkcPath = Write("nfkc.json", nfkc.ToJsonString());
        FluentActions.Invoking(() => QwenTokenizer.Load(nfkcPath)).Should().Throw<InvalidDataException>().WithMessage($"*{nfkcPath}*NFKC*");

        var metaspace = QwenJson();
        metaspace["pre_tokenizer"] = new JsonObject { ["type"] = "Metaspace" };
        string metaspacePath = Write("metaspace.json", metaspace.ToJsonString());
        FluentActions.Invoking(() => QwenTokenizer.Load(metaspacePath)).Should().Throw<InvalidDataException>().WithMessage($"*{metaspacePath}*Metaspace*");
    }

    [Fact]
    public void Load_accepts_merges_written_as_space_separated_strings()
    {
        var json = QwenJson();
        var merges = json["model"]!["merges"]!.AsArray();
        var asStrings = new JsonArray([.. merges.Select(m => (JsonNode)JsonValue.Create($"{m![0]} {m[1]}"))]);
        json["model"]!["merges"] = asStrings;
        string path = Write("string-merges.json", json.ToJsonString());

        var tokenizer = QwenTokenizer.Load(path);
        string text = Samples.Adversarial["mixed scripts"] + Samples.SourceCode["python-tabs"];
        tokenizer.Encode(text).Should().Equal(fixture.Ours.Encode(text));
    }

    [Fact]
    public void LoadDefault_reads_the_tokenizer_copied_beside_the_assembly()
    {
        File.Exists(QwenTokenizer.DefaultPath).Should().BeTrue();
        var tokenizer = QwenTokenizer.LoadDefault();
        tokenizer.Sha256.Should().Be(fixture.Ours.Sha256);
        tokenizer.Encode("Hello world").Should().Equal(fixture.Ours.Encode("Hello world"));
    }

    private static JsonNode QwenJson() => JsonNode.Parse(File.ReadAllText(RepoData.TokenizerJsonPath))!;

    private string Write(string name, string content)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
