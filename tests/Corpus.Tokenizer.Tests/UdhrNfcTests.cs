using Corpus.Tests.Shared;
using System.Text;
using Corpus.Core.Text;

namespace Corpus.Tokenizer.Tests;

public sealed class UdhrNfcTests
{
    [Fact]
    public void NormalizeIfNeeded_returns_null_exactly_when_text_is_already_nfc()
    {
        foreach (var (name, text) in RepoData.UdhrTranslations)
        {
            string nfc = text.Normalize(NormalizationForm.FormC);
            string nfd = text.Normalize(NormalizationForm.FormD);
            (Nfc.NormalizeIfNeeded(nfc) ?? nfc).Should().Be(nfc, name);
            (Nfc.NormalizeIfNeeded(nfd) ?? nfd).Should().Be(nfc, name);
            if (text == nfc)
            {
                Nfc.NormalizeIfNeeded(text).Should().BeNull(name);
            }
        }
    }
}
