using System.Text;
using Corpus.Ingest.Sample;
using Corpus.Ingest.Warc;

namespace Corpus.Bench.Build;

/// <summary>
/// A seeded web-like corpus of any size for whole-build benchmarks: N plain-text documents of about
/// 5 KB, each in one of the UDHR's languages (every translation with enough text, in turn by a seeded
/// draw), written as WARC <c>resource</c> records into 64 MB <c>.warc.gz</c> files. Each document is
/// sentences of words drawn from its language's declaration (character runs for scripts written
/// without spaces), so every one is distinct, reads as its language to language ID and is not a
/// near-duplicate of another. The same N gives the same bytes.
/// </summary>
internal static class GeneratedWebCorpus
{
    private const int DocumentBytes = 5_000;
    private const int MinLanguageChars = 6_000;
    private const string CompleteMarker = ".complete";

    /// <summary>Writes the corpus into <paramref name="folder"/> unless a complete one is there already.</summary>
    public static void EnsureWritten(string folder, int documents)
    {
        if (File.Exists(Path.Combine(folder, CompleteMarker)))
        {
            return;
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var languages = UdhrLibrary.Load(Path.Combine(BenchInputs.RepoRoot, "cli", "bin", "Release", "net10.0", "data", "udhr-declarations.tar"))
            .Select(Vocabulary.Of)
            .Where(v => v is not null)
            .Select(v => v!)
            .ToList();
        using (var writer = WarcWriter.Create(new WarcWriterOptions { Directory = folder, Prefix = "generated", MaxFileBytes = 64L << 20, Seed = documents }))
        {
            var date = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
            var text = new StringBuilder(DocumentBytes + 512);
            for (var i = 0; i < documents; i++)
            {
                var random = new Random(unchecked((int)(0x5EED0000u ^ (uint)i)));
                var language = languages[random.Next(languages.Count)];
                text.Clear();
                language.Write(text, random, DocumentBytes);
                writer.WriteResource($"https://generated.example/{language.Code}/{i:D7}", date, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text.ToString()));
                if ((i + 1) % 50_000 == 0)
                {
                    Console.Error.WriteLine($"  generated {i + 1:N0} of {documents:N0} documents");
                }
            }
        }

        File.WriteAllText(Path.Combine(folder, CompleteMarker), documents.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>One language's words (or character runs) and how they are joined.</summary>
    private sealed record Vocabulary(string Code, string[] Words, string Separator, string Stop)
    {
        public static Vocabulary? Of(UdhrTranslation translation)
        {
            var all = string.Join(' ', translation.Sections.SelectMany(s => s.Paragraphs));
            if (all.Length < MinLanguageChars)
            {
                return null;
            }

            var spaced = all.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (spaced.Length * 12 >= all.Length)
            {
                var words = spaced.Select(w => w.Trim('.', ',', ';', ':', '(', ')', '"', '«', '»', '“', '”'))
                    .Where(w => w.Length > 0 && !w.Any(char.IsDigit))
                    .ToArray();
                return new Vocabulary(translation.Code, words, " ", ".");
            }

            // Written without spaces: runs of two to four characters of the text, joined as they are.
            var letters = all.Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsDigit(c)).ToArray();
            var runs = new List<string>();
            for (var k = 0; k + 4 <= letters.Length; k += 3)
            {
                runs.Add(new string(letters, k, 2 + (k % 3)));
            }

            return new Vocabulary(translation.Code, [.. runs], string.Empty, all.Contains('。') ? "。" : ".");
        }

        public void Write(StringBuilder text, Random random, int targetBytes)
        {
            var bytes = 0;
            while (bytes < targetBytes)
            {
                var paragraph = new StringBuilder();
                var sentences = 3 + random.Next(5);
                for (var s = 0; s < sentences; s++)
                {
                    var length = 6 + random.Next(13);
                    var start = random.Next(Words.Length); // a window of the text, then words drawn from anywhere
                    for (var w = 0; w < length; w++)
                    {
                        var word = w < 3 ? Words[(start + w) % Words.Length] : Words[random.Next(Words.Length)];
                        if (w > 0)
                        {
                            paragraph.Append(Separator);
                        }

                        paragraph.Append(word);
                    }

                    paragraph.Append(Stop);
                    if (s + 1 < sentences)
                    {
                        paragraph.Append(Separator.Length > 0 ? " " : string.Empty);
                    }
                }

                text.Append(paragraph).Append("\n\n");
                bytes += Encoding.UTF8.GetByteCount(paragraph.ToString()) + 2;
            }
        }
    }
}
