using System.Text;
using AngleSharp.Dom;

namespace Corpus.Ingest.Html;

/// <summary>
/// Reduces an HTML page to its visible text with AngleSharp: scripts, styles and other invisible
/// elements dropped, block elements on their own lines, runs of whitespace collapsed outside
/// <c>pre</c>. This is the plain reduction the <c>files</c> source uses; main-content extraction
/// (boilerplate removal) is a separate, later extractor.
/// </summary>
public static class HtmlTextExtractor
{
    private static readonly HashSet<string> Invisible = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object", "embed", "canvas",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html",
        "legend", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "ul",
    };

    /// <summary>The page's title (from <c>title</c>, else the first <c>h1</c>) and its visible text.</summary>
    public static (string? Title, string Text) Extract(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var document = HtmlDocuments.Parse(html);
        var title = Clean(document.Title);
        if (string.IsNullOrEmpty(title))
        {
            title = Clean(document.QuerySelector("h1")?.TextContent);
        }

        var text = new TextCollector();
        if (document.Body is { } body)
        {
            Walk(body, text);
        }

        return (string.IsNullOrEmpty(title) ? null : title, text.ToString());
    }

    /// <summary>Document order with an explicit stack: a block's closing line break is a frame of its own.</summary>
    private static void Walk(IElement body, TextCollector text)
    {
        var stack = new Stack<(INode Node, bool Preformatted, bool Closing)>();
        PushChildren(stack, body, preformatted: false);
        while (stack.Count > 0)
        {
            var (node, preformatted, closing) = stack.Pop();
            Core.Documents.DocumentDeadline.Check();
            switch (node)
            {
                case IElement e when closing:
                    text.BreakLine(IsParagraph(e.LocalName));
                    break;
                case IText t:
                    text.Append(t.Data, preformatted);
                    break;
                case IElement e when Invisible.Contains(e.LocalName) || e.HasAttribute("hidden"):
                    break;
                case IElement e:
                    var block = Blocks.Contains(e.LocalName);
                    if (block)
                    {
                        text.BreakLine(IsParagraph(e.LocalName));
                    }

                    if (e.LocalName == "br")
                    {
                        text.BreakLine(paragraph: false);
                        break;
                    }

                    if (e.LocalName is "td" or "th")
                    {
                        text.Separate();
                    }

                    if (block)
                    {
                        stack.Push((e, preformatted, true));
                    }

                    PushChildren(stack, e, preformatted || e.LocalName is "pre" or "textarea");
                    break;
            }
        }
    }

    private static void PushChildren(Stack<(INode, bool, bool)> stack, INode parent, bool preformatted)
    {
        var nodes = parent.ChildNodes;
        for (var k = nodes.Length - 1; k >= 0; k--)
        {
            stack.Push((nodes[k], preformatted, false));
        }
    }

    private static bool IsParagraph(string name) =>
        name is "p" or "pre" or "table" or "blockquote" or "ul" or "ol" || (name.Length == 2 && name[0] == 'h' && char.IsAsciiDigit(name[1]));

    private static string? Clean(string? s) => s is null ? null : string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Builds text with collapsed whitespace and at most one blank line between blocks.</summary>
    private sealed class TextCollector
    {
        private readonly StringBuilder _sb = new();
        private int _pendingNewlines;
        private bool _pendingSpace;

        public void Append(string data, bool preformatted)
        {
            if (preformatted)
            {
                foreach (var c in data)
                {
                    if (c == '\n')
                    {
                        _sb.Append('\n');
                    }
                    else
                    {
                        Emit(c);
                    }
                }

                return;
            }

            foreach (var c in data)
            {
                if (char.IsWhiteSpace(c))
                {
                    _pendingSpace = true;
                }
                else
                {
                    Emit(c);
                }
            }
        }

        public void BreakLine(bool paragraph)
        {
            if (_sb.Length == 0)
            {
                return;
            }

            _pendingNewlines = Math.Max(_pendingNewlines, paragraph ? 2 : 1);
            _pendingSpace = false;
        }

        public void Separate()
        {
            if (_sb.Length > 0 && _pendingNewlines == 0)
            {
                _pendingSpace = true;
            }
        }

        private void Emit(char c)
        {
            if (_pendingNewlines > 0)
            {
                while (_sb.Length > 0 && _sb[^1] is ' ' or '\t')
                {
                    _sb.Length--;
                }

                _sb.Append('\n', _pendingNewlines);
                _pendingNewlines = 0;
                _pendingSpace = false;
            }
            else if (_pendingSpace && _sb.Length > 0 && _sb[^1] != '\n')
            {
                _sb.Append(' ');
            }

            _pendingSpace = false;
            _sb.Append(c);
        }

        public override string ToString() => _sb.ToString();
    }
}
