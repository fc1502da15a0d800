using System.Text;

namespace Corpus.Ingest.Pdf;

/// <summary>
/// Replaces presentation forms by their letters: Latin ligatures (ﬁ → fi), Armenian and Hebrew presentation
/// forms, Arabic presentation forms A and B (positional forms → base letters). This is NFKC restricted to those
/// blocks (table in <c>PresentationForms.g.cs</c>); everything else is left as it is. Control characters go.
/// </summary>
internal static partial class LigatureNormalizer
{
    public static string Normalize(string text)
    {
        if (!NeedsWork(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (Forms.TryGetValue(c, out var mapped))
            {
                sb.Append(mapped);
            }
            else if (c == '\t')
            {
                sb.Append(' ');
            }
            else if (!char.IsControl(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static bool NeedsWork(string text)
    {
        foreach (var c in text)
        {
            if (c is >= '\uFB00' and <= '\uFEFF' || char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}
