using System.Buffers;
using System.Globalization;
using AngleSharp.Dom;

namespace Corpus.Ingest.Html;

/// <summary>
/// Short blocks that read as boilerplate by their words rather than their markup: lead-ins that end the
/// article and open a related-links, comments or contact section ("Mehr zum Thema", "Read also",
/// "Czytaj także" — boilerpipe's terminating blocks), and one-line page furniture (a lone date,
/// "Last modified …", photo credits and copyright lines). The vocabulary covers the languages most
/// crawled pages are in (en, de, fr, pl, es, it, pt); no rule is tied to a site.
/// </summary>
internal static class BoilerplateLines
{
    /// <summary>Longest lead-in (non-whitespace characters) that can end the article.</summary>
    public const int MaxTerminatingChars = 60;

    /// <summary>Longest block that can be a one-line date, credit or update notice.</summary>
    public const int MaxMetaLineChars = 120;

    private static readonly string[] TerminatingStarts =
    [
        // en
        "related", "read more", "read also", "read next", "more on this", "more from", "more stories", "you may also like",
        "you might also like", "you may be interested", "see also", "further reading", "recommended for you",
        "about the author", "comments", "leave a comment", "leave a reply", "post a comment", "share this",
        "most read", "most popular", "contact:", "media contact", "press contact",
        // de
        "mehr zum thema", "mehr themen", "weitere informationen", "weitere infos", "weitere beiträge", "weitere artikel",
        "weitere themen", "verwandte", "ähnliche artikel", "ähnliche beiträge", "das könnte sie auch", "das könnte dich auch",
        "das thema könnte", "könnte sie auch interessieren", "könnte dich auch interessieren", "auch interessant",
        "schon gelesen", "lust auf mehr", "zum weiterlesen", "lesen sie auch", "lesen sie mehr", "lies auch",
        "über den autor", "über die autorin", "kommentare", "kommentar schreiben", "kontakt:", "pressekontakt",
        "ansprechpartner", "zurück zur",
        // fr
        "à lire aussi", "a lire aussi", "lire aussi", "lire la suite", "voir aussi", "sur le même sujet", "articles similaires",
        "vous aimerez aussi", "vous aimerez", "commentaires", "à propos de l'auteur", "audios et vidéos",
        // pl
        "czytaj także", "czytaj też", "czytaj również", "zobacz także", "zobacz też", "zobacz również", "przeczytaj także",
        "przeczytaj też", "przeczytaj również", "polecamy", "podobne artykuły", "powiązane", "komentarze",
        "więcej na ten temat", "więcej informacji",
        // es, it, pt
        "te puede interesar", "lee también", "noticias relacionadas", "artículos relacionados", "comentarios",
        "leggi anche", "potrebbe interessarti", "articoli correlati", "commenti", "leia também", "veja também",
    ];

    private static readonly string[] CreditStarts =
    [
        "foto:", "fotos:", "foto ©", "bild:", "bilder:", "bildquelle", "bildnachweis", "titelbild", "abbildung:",
        "photo:", "photos:", "photo :", "photo credit", "image:", "image credit", "image illustrative", "illustration:",
        "credit:", "credits:", "source:", "quelle:", "źródło:", "fot.", "zdjęcie:", "copyright", "©",
    ];

    private static readonly string[] UpdateStarts =
    [
        "last modified", "last updated", "updated:", "updated on", "published on", "published:", "posted on", "posted:",
        "erstellt am", "veröffentlicht am", "veröffentlicht:", "aktualisiert am", "aktualisiert:", "zuletzt aktualisiert",
        "letzte änderung", "letzte aktualisierung", "stand:", "der beitrag wurde am", "dieser beitrag wurde am",
        "publié le", "mis à jour", "opublikowano", "aktualizacja:", "ultima modifica", "pubblicato il",
        "publicado el", "actualizado", "news date",
    ];

    /// <summary>Characters a line loses from its start, besides whitespace (brackets, dashes, quote marks, bullets).</summary>
    private const string LeadingPunctuation = "([-–»>*";

    /// <summary>
    /// Characters of an element's text that <see cref="LineText"/> keeps: every rule reads at most the
    /// start (lead-ins of up to 30 characters), the length up to 120 and whether a digit occurs.
    /// </summary>
    private const int LineTextChars = 256;

    /// <summary>The room <see cref="LineText"/> needs: the kept characters and the <c>" 0"</c> that may follow them.</summary>
    public const int LineBufferChars = LineTextChars + 4;

    [ThreadStatic]
    private static char[]? t_lineRaw;

    [ThreadStatic]
    private static Stack<INode>? t_lineStack;

    /// <summary>Words a date line may hold besides numbers: month and weekday names, "am", "um", "at", ….</summary>
    private static readonly HashSet<string> DateWords = BuildDateWords();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DateWordsBySpan = DateWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly SearchValues<char> WhiteSpace = SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace).ToArray());

    private static readonly SearchValues<char> Leading = SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => char.IsWhiteSpace(c) || LeadingPunctuation.Contains(c)).ToArray());

    /// <summary>
    /// Writes the element's text as the rules read it into <paramref name="line"/> (at least
    /// <see cref="LineBufferChars"/> long) and returns its length: its <c>TextContent</c> lower-cased
    /// (invariant), without leading whitespace and <see cref="LeadingPunctuation"/>, whitespace runs as one
    /// space, and past <see cref="LineTextChars"/> characters cut off, with <c>" 0"</c> appended when a digit
    /// comes later. Every rule answers for the cut line as for the whole text, and the walk stops early, so
    /// short blocks nested in one another do not each read their whole subtree's text. Nothing is allocated:
    /// the renderer asks this of nearly every paragraph of a page.
    /// </summary>
    public static int LineText(IElement element, Span<char> line)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(line.Length, LineBufferChars);
        var raw = t_lineRaw ??= new char[LineBufferChars];
        var stack = t_lineStack ??= new Stack<INode>();
        stack.Clear();
        var length = 0;
        var pendingSpace = false;
        var hasDigit = false;
        stack.Push(element);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            Core.Documents.DocumentDeadline.Check();
            if (node is IText text)
            {
                var data = text.Data.AsSpan();
                while (data.Length > 0)
                {
                    if (length >= LineTextChars)
                    {
                        if (hasDigit || data.IndexOfAnyInRange('0', '9') >= 0)
                        {
                            stack.Clear();
                            raw[length++] = ' ';
                            raw[length++] = '0';
                            return raw.AsSpan(0, length).ToLowerInvariant(line);
                        }

                        break;
                    }

                    var skip = data.IndexOfAnyExcept(length == 0 ? Leading : WhiteSpace);
                    if (skip < 0)
                    {
                        pendingSpace |= length > 0;
                        break;
                    }

                    pendingSpace |= skip > 0 && length > 0;
                    data = data[skip..];
                    var word = data.IndexOfAny(WhiteSpace);
                    var take = word < 0 ? data.Length : word;
                    take = Math.Min(take, LineTextChars + 1 - length);
                    if (pendingSpace)
                    {
                        raw[length++] = ' ';
                        pendingSpace = false;
                    }

                    hasDigit |= data[..take].IndexOfAnyInRange('0', '9') >= 0;
                    data[..take].CopyTo(raw.AsSpan(length));
                    length += take;
                    data = data[take..];
                }
            }
            else if (node is IElement e)
            {
                var nodes = e.ChildNodes;
                for (var k = nodes.Length - 1; k >= 0; k--)
                {
                    stack.Push(nodes[k]);
                }
            }
        }

        return raw.AsSpan(0, length).ToLowerInvariant(line);
    }

    /// <summary>A short lead-in that opens what follows the article: related links, comments, contact.</summary>
    /// <param name="line">The block's text as <see cref="LineText"/> gives it.</param>
    public static bool IsTerminating(ReadOnlySpan<char> line) => TerminatingLeadIn(line) > 0;

    /// <summary>
    /// An inline teaser: a lead-in followed by the title it points to ("Read more: Storm hits the coast"),
    /// as opposed to a lead-in standing alone as a heading.
    /// </summary>
    /// <param name="line">The block's text as <see cref="LineText"/> gives it.</param>
    public static bool IsTeaser(ReadOnlySpan<char> line)
    {
        var leadIn = TerminatingLeadIn(line);
        return leadIn > 0 && line.Length >= leadIn + 12;
    }

    /// <summary>The length of the terminating lead-in the line starts with, or 0.</summary>
    private static int TerminatingLeadIn(ReadOnlySpan<char> line)
    {
        foreach (var s in TerminatingStarts)
        {
            if (line.StartsWith(s, StringComparison.Ordinal))
            {
                return s.Length;
            }
        }

        return 0;
    }

    /// <summary>A one-line date, update notice or credit line.</summary>
    /// <param name="line">The block's text as <see cref="LineText"/> gives it.</param>
    public static bool IsMetaLine(ReadOnlySpan<char> line)
    {
        var t = line;
        if (t.Length == 0)
        {
            return false;
        }

        if (StartsWithAny(t, CreditStarts) || (t.Contains('©') && t.Length <= 80))
        {
            return true;
        }

        var hasDigit = t.IndexOfAnyInRange('0', '9') >= 0;
        return hasDigit && (StartsWithAny(t, UpdateStarts) || IsDateOnly(t));
    }

    /// <summary>Nothing but a date or time: numbers, month and weekday names, and small joining words.</summary>
    private static bool IsDateOnly(ReadOnlySpan<char> t)
    {
        if (t.Length > 48)
        {
            return false;
        }

        if (!LooksLikeDate(t))
        {
            return false;
        }

        var words = 0;
        foreach (var range in t.SplitAny(" ,./-:|()–—"))
        {
            var token = t[range];
            if (token.IsEmpty || (char.IsAsciiDigit(token[0]) && token.Length <= 4 + 2))
            {
                continue;
            }

            if (!DateWordsBySpan.Contains(token))
            {
                return false;
            }

            words++;
        }

        return words <= 4;
    }

    /// <summary>A month or weekday name, or numbers joined like a date (12.03.2021, 2021-03-12, 3/12/21).</summary>
    private static bool LooksLikeDate(ReadOnlySpan<char> t)
    {
        foreach (var range in t.SplitAny(" ,()|"))
        {
            var token = t[range];
            if (token.IsEmpty)
            {
                continue;
            }

            if (DateWordsBySpan.Contains(token.TrimEnd('.')) && token.Length > 2)
            {
                return true;
            }

            var separators = 0;
            var digits = 0;
            foreach (var c in token)
            {
                if (char.IsAsciiDigit(c))
                {
                    digits++;
                }
                else if (c is '.' or '-' or '/')
                {
                    separators++;
                }
            }

            if (separators >= 2 && digits >= 4 && digits + separators == token.Length)
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWithAny(ReadOnlySpan<char> t, string[] starts)
    {
        foreach (var s in starts)
        {
            if (t.StartsWith(s, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string> BuildDateWords()
    {
        var words = new HashSet<string>(StringComparer.Ordinal)
        {
            "am", "um", "uhr", "at", "on", "pm", "h", "le", "à", "de", "del", "di", "do", "of", "the", "den", "dnia", "r", "godz",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "okt", "nov", "dec", "dez",
            "januar", "jänner", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember",
            "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
            "janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
            "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października",
            "listopada", "grudnia",
            "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre",
            "diciembre", "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre",
        };
        var info = CultureInfo.InvariantCulture.DateTimeFormat;
        foreach (var name in info.MonthNames.Concat(info.DayNames).Concat(info.AbbreviatedDayNames))
        {
            if (name.Length > 0)
            {
                words.Add(name.ToLowerInvariant());
            }
        }

        return words;
    }
}
