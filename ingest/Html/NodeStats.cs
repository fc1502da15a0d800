using AngleSharp.Dom;

namespace Corpus.Ingest.Html;

/// <summary>
/// Text measures of one kept element and everything under it. Character counts leave out whitespace,
/// so layouts that indent heavily weigh the same as compact ones.
/// </summary>
internal sealed class NodeStats(IElement element, NodeStats? parent, ClassVerdict verdict)
{
    public IElement Element { get; } = element;

    public NodeStats? Parent { get; } = parent;

    public ClassVerdict Verdict { get; } = verdict;

    /// <summary>
    /// The first of the element's measured child elements; the rest follow through <see cref="NextSibling"/>,
    /// in document order (dropped ones too: see <see cref="Dropped"/>). Links, not a list per element: a page
    /// of hundreds of thousands of elements would otherwise hold as many lists, and its widest element one
    /// list as long as the page.
    /// </summary>
    public NodeStats? FirstChild { get; private set; }

    /// <summary>The next measured child element of the same parent.</summary>
    public NodeStats? NextSibling { get; private set; }

    private NodeStats? _lastChild;

    public void AddChild(NodeStats child)
    {
        if (_lastChild is null)
        {
            FirstChild = child;
        }
        else
        {
            _lastChild.NextSibling = child;
        }

        _lastChild = child;
    }

    /// <summary>Non-whitespace characters of all text below.</summary>
    public int TextChars { get; set; }

    /// <summary>Non-whitespace characters of text inside links below.</summary>
    public int LinkChars { get; set; }

    /// <summary>Commas below (a sign of running prose).</summary>
    public int Commas { get; set; }

    /// <summary>Non-whitespace characters of the element's own text nodes.</summary>
    public int DirectTextChars { get; set; }

    /// <summary>Commas in the element's own text nodes.</summary>
    public int DirectCommas { get; set; }

    /// <summary>Characters of "good" paragraphs below: prose blocks of some length with few links.</summary>
    public int GoodParagraphChars { get; set; }

    /// <summary><c>h1</c> elements below or at this element.</summary>
    public int H1Count { get; set; }

    /// <summary><c>article</c>, <c>main</c> or <c>[itemprop=articleBody]</c> elements below or at this element.</summary>
    public int ArticleCount { get; set; }

    /// <summary>Dropped as boilerplate (or under a dropped element).</summary>
    public bool Dropped { get; set; }

    /// <summary>The readability-style score; meaningful only when <see cref="Scored"/>.</summary>
    public double Score { get; set; }

    public bool Scored { get; set; }

    public double LinkDensity => TextChars == 0 ? 0 : (double)LinkChars / TextChars;

    /// <summary>Text that is not link text.</summary>
    public int PlainChars => TextChars - LinkChars;

    public double FinalScore => Score * (1 - LinkDensity);

    public string Tag => Element.LocalName;

    public bool IsInside(NodeStats other)
    {
        for (var s = this; s is not null; s = s.Parent)
        {
            if (ReferenceEquals(s, other))
            {
                return true;
            }
        }

        return false;
    }

    public void AddTotals(NodeStats child, int sign)
    {
        TextChars += sign * child.TextChars;
        LinkChars += sign * child.LinkChars;
        Commas += sign * child.Commas;
        GoodParagraphChars += sign * child.GoodParagraphChars;
    }
}
