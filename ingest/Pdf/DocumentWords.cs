namespace Corpus.Ingest.Pdf;

/// <summary>The lower-case words of a document, hyphenated compounds included, as seen inside its lines (not at their ends).</summary>
internal sealed class DocumentWords
{
    private readonly HashSet<string> _words = new(StringComparer.Ordinal);

    public static DocumentWords Of(IEnumerable<PdfLine> lines)
    {
        var words = new DocumentWords();
        foreach (var line in lines)
        {
            var tokens = line.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < tokens.Length; i++)
            {
                var token = tokens[i].Trim(Punctuation);
                if (token.Length == 0 || (i == tokens.Length - 1 && token.EndsWith('-')))
                {
                    continue;
                }

                words._words.Add(token.ToLowerInvariant());
            }
        }

        return words;
    }

    public bool Contains(string word) => _words.Contains(word.ToLowerInvariant());

    private static readonly char[] Punctuation = ['.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '[', ']', '“', '”', '‘', '’'];
}
