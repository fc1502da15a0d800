using Corpus.Tests.Shared;
using System.Diagnostics;
using HfTokenizer = Tokenizers.DotNet.Tokenizer;

namespace Corpus.Tokenizer.Tests;

/// <summary>Our tokenizer and the Hugging Face reference (Tokenizers.DotNet), each loaded once for the suite.</summary>
public sealed class TokenizerFixture : IDisposable
{
    public TokenizerFixture()
    {
        var stopwatch = Stopwatch.StartNew();
        Ours = QwenTokenizer.Load(RepoData.TokenizerJsonPath);
        LoadTime = stopwatch.Elapsed;
        Reference = new HfTokenizer(RepoData.TokenizerJsonPath);
    }

    internal QwenTokenizer Ours { get; }

    internal TimeSpan LoadTime { get; }

    internal HfTokenizer Reference { get; }

    /// <summary>Hugging Face's ids for <paramref name="text"/> (added tokens in it become their ids).</summary>
    internal int[] ReferenceEncode(string text)
    {
        lock (Reference)
        {
            return [.. Reference.Encode(text).Select(id => checked((int)id))];
        }
    }

    internal string ReferenceDecode(IEnumerable<int> ids)
    {
        lock (Reference)
        {
            return Reference.Decode([.. ids.Select(id => (uint)id)]);
        }
    }

    public void Dispose() => Reference.Dispose();
}

[CollectionDefinition(Name)]
public sealed class TokenizerCollection : ICollectionFixture<TokenizerFixture>
{
    public const string Name = "tokenizer";
}
