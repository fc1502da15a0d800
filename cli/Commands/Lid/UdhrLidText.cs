using Corpus.Filters.Languages.Training;
using Corpus.Ingest.Sample;

namespace Corpus.Cli.Commands.Lid;

/// <summary>UDHR text for language ID: training passages and held-out test paragraphs, labelled (see docs/language-id.md).</summary>
internal static class UdhrLidText
{
    /// <summary>Shortest held-out paragraph evaluated.</summary>
    public const int MinTestLength = 100;

    /// <summary>Passages of every article that is not held out (and the preamble), per translation: short paragraphs joined up to <paramref name="minLength"/> characters, long ones cut near <paramref name="maxLength"/>.</summary>
    public static IEnumerable<LidText> Training(IReadOnlyList<UdhrTranslation> translations, int minLength, int maxLength)
    {
        foreach (var (label, t) in Labelled(translations))
        {
            foreach (var section in t.Sections.Where(s => !LidUdhr.IsHeldOut(s.ArticleNumber)))
            {
                foreach (var passage in LidTrainingData.Passages(section.Paragraphs, minLength, maxLength))
                {
                    yield return new LidText(label, passage);
                }
            }
        }
    }

    /// <summary>Every held-out paragraph of at least <see cref="MinTestLength"/> characters, whitespace collapsed.</summary>
    public static IEnumerable<LidText> HeldOut(IReadOnlyList<UdhrTranslation> translations)
    {
        foreach (var (label, t) in Labelled(translations))
        {
            foreach (var section in t.Sections.Where(s => LidUdhr.IsHeldOut(s.ArticleNumber)))
            {
                foreach (var p in section.Paragraphs)
                {
                    var text = string.Join(' ', p.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                    if (text.Length >= MinTestLength)
                    {
                        yield return new LidText(label, text);
                    }
                }
            }
        }
    }

    private static IEnumerable<(string Label, UdhrTranslation Translation)> Labelled(IReadOnlyList<UdhrTranslation> translations)
    {
        foreach (var t in translations)
        {
            var sample = string.Join(' ', t.Sections.SelectMany(s => s.Paragraphs));
            if (t.Iso6393 is { } iso && LidUdhr.Label(iso, t.Code, sample) is { } label)
            {
                yield return (label, t);
            }
        }
    }
}
