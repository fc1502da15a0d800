using System.Text;
using AngleSharp.Dom;

namespace Corpus.Ingest.Html;

/// <summary>
/// Writes the chosen elements as text with light Markdown, skipping dropped elements and blocks made
/// mostly of links (menus, tag clouds, related lists that had no telling class name).
/// </summary>
internal sealed class ContentRenderer(MarkdownTextWriter writer, MainContentOptions options)
{
    /// <summary>Past this depth the rest of a subtree is written as running text, without recursion.</summary>
    private const int MaxDepth = 160;

    private static readonly string[] HeadingMarkers = ["# ", "## ", "### ", "#### ", "##### ", "###### "];

    private int _listDepth;
    private bool _inDataTable;
    private bool _ended;
    private int _rootProse;

    /// <summary>
    /// Good-paragraph characters after the element being rendered inside the current root: for every
    /// element on the way down, what its kept siblings after it hold.
    /// </summary>
    private int _proseAfter;

    private readonly char[] _line = new char[BoilerplateLines.LineBufferChars];
    private IElement? _lineOf;
    private int _lineLength;

    /// <summary>Renders the chosen roots in order; the article may end early at a terminating lead-in.</summary>
    public void RenderRoots(IReadOnlyList<NodeStats> roots)
    {
        _rootProse = roots.Sum(r => r.GoodParagraphChars);
        foreach (var root in roots)
        {
            if (_ended)
            {
                break;
            }

            RenderElement(root, 0, isRoot: true);
        }
    }

    /// <summary>
    /// Renders the element's child nodes in order: its text, and its kept child elements, met through
    /// <see cref="NodeStats.FirstChild"/> and <see cref="NodeStats.NextSibling"/> as the walk reaches them (no
    /// lookup per child, which on a page of hundreds of thousands of elements costs a cache miss each).
    /// </summary>
    private void RenderChildren(NodeStats parent, int depth)
    {
        var remaining = 0;
        for (var kid = parent.FirstChild; kid is not null; kid = kid.NextSibling)
        {
            if (!kid.Dropped)
            {
                remaining += kid.GoodParagraphChars;
            }
        }

        _proseAfter += remaining;
        var nodes = parent.Element.ChildNodes; // by index: AngleSharp's NextSibling searches the parent's list
        var next = parent.FirstChild;
        for (var k = 0; k < nodes.Length && !_ended; k++)
        {
            var node = nodes[k];
            if (node is IText text)
            {
                writer.Text(text.Data);
            }
            else if (node is IElement child && NextKept(ref next, child) is { } stats)
            {
                remaining -= stats.GoodParagraphChars;
                _proseAfter -= stats.GoodParagraphChars;
                if (depth >= MaxDepth)
                {
                    WriteFlat(stats);
                }
                else if (EndsArticle(stats))
                {
                    _ended = true;
                }
                else if (!IsLinkDenseBlock(stats) && !IsDroppedLine(stats))
                {
                    RenderElement(stats, depth + 1, isRoot: false);
                }
            }
        }

        _proseAfter -= remaining;
    }

    /// <summary>
    /// When <paramref name="child"/> is the measured element <paramref name="next"/> stands for, moves
    /// <paramref name="next"/> on and returns its stats unless it was dropped; otherwise null (an element the
    /// analysis left out, or a dropped one).
    /// </summary>
    private static NodeStats? NextKept(ref NodeStats? next, IElement child)
    {
        if (next is null || !ReferenceEquals(next.Element, child))
        {
            return null;
        }

        var stats = next;
        next = next.NextSibling;
        return stats.Dropped ? null : stats;
    }

    /// <summary>
    /// A short lead-in ("Related", "Mehr zum Thema", "Czytaj także", "Kontakt:") with at most half as much
    /// prose after it as before it: it and everything after it are the page's tail, not the article.
    /// </summary>
    private bool EndsArticle(NodeStats s)
    {
        if (!IsLineBlock(s.Tag) || s.TextChars is 0 or > BoilerplateLines.MaxTerminatingChars || IsTeaser(s)
            || !BoilerplateLines.IsTerminating(Line(s.Element)))
        {
            return false;
        }

        var after = _proseAfter;
        var before = _rootProse - after - s.GoodParagraphChars;
        return before > 0 && after * 2 <= before;
    }

    /// <summary>An inline "Read also: …" teaser or a lone date, update notice or credit line.</summary>
    private bool IsDroppedLine(NodeStats s)
    {
        if (s.TextChars is 0 or > BoilerplateLines.MaxMetaLineChars || HasBlockChild(s.Element))
        {
            return false;
        }

        return IsTeaser(s) || ((IsLineBlock(s.Tag) || s.Tag is "time" or "small" or "address" or "figure" or "span")
            && BoilerplateLines.IsMetaLine(Line(s.Element)));
    }

    /// <summary>"Read also: &lt;a&gt;title&lt;/a&gt;": a lead-in and a mostly linked title, inline in the article.</summary>
    private bool IsTeaser(NodeStats s) =>
        IsLineBlock(s.Tag) && s.LinkChars * 2 >= s.TextChars && BoilerplateLines.IsTeaser(Line(s.Element));

    /// <summary>The element's text as the word rules read it; they ask about one element up to four times in a row.</summary>
    private ReadOnlySpan<char> Line(IElement e)
    {
        if (!ReferenceEquals(e, _lineOf))
        {
            _lineLength = BoilerplateLines.LineText(e, _line);
            _lineOf = e;
        }

        return _line.AsSpan(0, _lineLength);
    }

    private static bool HasBlockChild(IElement e)
    {
        var nodes = e.ChildNodes;
        for (var k = 0; k < nodes.Length; k++)
        {
            if (nodes[k] is IElement child
                && (IsLineBlock(child.LocalName) || child.LocalName is "ul" or "ol" or "table" or "figure" or "blockquote"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLineBlock(string tag) =>
        tag is "p" or "div" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "section" or "header" or "dt" or "li";

    private void RenderElement(NodeStats stats, int depth, bool isRoot)
    {
        var e = stats.Element;
        var blockBreak = _listDepth > 0 ? 1 : 2;
        switch (stats.Tag)
        {
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                writer.Marker(HeadingMarkers[stats.Tag[1] - '1'], 2);
                RenderChildren(stats, depth);
                writer.EndMarked(2);
                break;
            case "ul" or "ol":
                writer.LineBreak();
                _listDepth++;
                RenderChildren(stats, depth);
                _listDepth--;
                writer.EndMarked(_listDepth > 0 ? 1 : 2);
                break;
            case "li":
                writer.Marker(_listDepth <= 1 ? "- " : new string(' ', 2 * (_listDepth - 1)) + "- ", 1);
                RenderChildren(stats, depth);
                writer.EndMarked(1);
                break;
            case "dt" or "dd" or "tr" or "caption":
                writer.LineBreak();
                RenderChildren(stats, depth);
                writer.LineBreak();
                break;
            case "br":
                writer.LineBreak();
                break;
            case "hr":
                writer.BlockBreak();
                break;
            case "pre":
                writer.Code(Verbatim(stats));
                break;
            case "blockquote":
                writer.BlockBreak();
                writer.PushPrefix("> ");
                RenderChildren(stats, depth);
                writer.BlockBreak();
                writer.PopPrefix(2);
                break;
            case "table":
                RenderTable(stats, depth, isRoot);
                break;
            case "td" or "th":
                if (_inDataTable)
                {
                    writer.CellSeparator();
                    RenderChildren(stats, depth);
                }
                else
                {
                    Block(stats, depth, blockBreak);
                }

                break;
            case "p" or "div" or "section" or "article" or "main" or "header" or "figure" or "figcaption" or "address"
                or "details" or "summary" or "center" or "dl" or "fieldset" or "hgroup" or "form" or "body" or "legend":
                Block(stats, depth, blockBreak);
                break;
            default:
                RenderChildren(stats, depth);
                break;
        }
    }

    private void Block(NodeStats stats, int depth, int breaks)
    {
        if (breaks == 2)
        {
            writer.BlockBreak();
        }
        else
        {
            writer.LineBreak();
        }

        RenderChildren(stats, depth);
        if (breaks == 2)
        {
            writer.BlockBreak();
        }
        else
        {
            writer.LineBreak();
        }
    }

    private void RenderTable(NodeStats table, int depth, bool isRoot)
    {
        if (!options.IncludeTables && !isRoot)
        {
            return;
        }

        var outer = _inDataTable;
        _inDataTable = !isRoot && !outer && IsDataTable(table.Element);
        writer.BlockBreak();
        RenderChildren(table, depth);
        writer.BlockBreak();
        _inDataTable = outer;
    }

    /// <summary>A table of data, not of layout: no cell holds a block (paragraph, list, heading, table).</summary>
    private static bool IsDataTable(IElement table)
    {
        var stack = new Stack<IElement>();
        foreach (var child in table.Children)
        {
            stack.Push(child);
        }

        while (stack.Count > 0)
        {
            var e = stack.Pop();
            Core.Documents.DocumentDeadline.Check();
            switch (e.LocalName)
            {
                case "p" or "div" or "table" or "ul" or "ol" or "pre" or "blockquote" or "h1" or "h2" or "h3" or "h4"
                    or "h5" or "h6" or "article" or "section":
                    return false;
            }

            foreach (var child in e.Children)
            {
                stack.Push(child);
            }
        }

        return true;
    }

    /// <summary>A list, box or paragraph whose text is mostly links: navigation that escaped the class rules.</summary>
    private static bool IsLinkDenseBlock(NodeStats s)
    {
        if (s.TextChars == 0 || s.LinkChars == 0)
        {
            return false;
        }

        return s.Tag switch
        {
            "ul" or "ol" or "dl" or "div" or "section" or "table" or "tbody" or "tr" or "header" or "form" => s.LinkDensity > 0.5 && s.GoodParagraphChars * 2 < s.TextChars,
            "p" or "h2" or "h3" or "h4" or "h5" or "h6" => s.LinkDensity > 0.6 && s.PlainChars < 30,
            "li" => s.LinkDensity > 0.7 && s.PlainChars < 40 && s.Parent is { } p && p.LinkDensity > 0.5,
            _ => false,
        };
    }

    /// <summary>The text of a <c>pre</c>, line breaks and all (<c>br</c> counts as one).</summary>
    private static string Verbatim(NodeStats pre)
    {
        var sb = new StringBuilder();
        WalkKept(
            pre,
            text => sb.Append(text),
            e =>
            {
                if (e.Tag == "br")
                {
                    sb.Append('\n');
                }
            },
            leave: null);
        return sb.ToString();
    }

    /// <summary>Deep subtrees: the kept text, one line per element that is a block, no recursion.</summary>
    private void WriteFlat(NodeStats root)
    {
        BreakAtFlatBlock(root);
        WalkKept(root, writer.Text, BreakAtFlatBlock, BreakAtFlatBlock);
        BreakAtFlatBlock(root);
    }

    private void BreakAtFlatBlock(NodeStats e)
    {
        if (e.Tag is "p" or "div" or "br" or "li" or "tr")
        {
            writer.LineBreak();
        }
    }

    /// <summary>
    /// The kept subtree under <paramref name="root"/> in document order, with an explicit stack: each
    /// text node to <paramref name="text"/>, each kept element below the root to <paramref name="element"/>
    /// before what it holds and to <paramref name="leave"/> after. Kept children are met through
    /// <see cref="NodeStats.FirstChild"/> and <see cref="NodeStats.NextSibling"/> as the walk reaches them.
    /// </summary>
    private static void WalkKept(NodeStats root, Action<string> text, Action<NodeStats> element, Action<NodeStats>? leave)
    {
        var stack = new Stack<(NodeStats Stats, int Node, NodeStats? Next)>();
        stack.Push((root, 0, root.FirstChild));
        while (stack.Count > 0)
        {
            var (stats, k, next) = stack.Pop();
            Core.Documents.DocumentDeadline.Check();
            var nodes = stats.Element.ChildNodes;
            var descended = false;
            for (; k < nodes.Length && !descended; k++)
            {
                var node = nodes[k];
                if (node is IText t)
                {
                    text(t.Data);
                }
                else if (node is IElement child && NextKept(ref next, child) is { } kid)
                {
                    element(kid);
                    stack.Push((stats, k + 1, next));
                    stack.Push((kid, 0, kid.FirstChild));
                    descended = true;
                }
            }

            if (!descended && !ReferenceEquals(stats, root))
            {
                leave?.Invoke(stats);
            }
        }
    }
}
