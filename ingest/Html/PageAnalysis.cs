using AngleSharp.Dom;

namespace Corpus.Ingest.Html;

/// <summary>
/// One pass over the body that leaves out invisible and boilerplate elements and measures the rest
/// (<see cref="NodeStats"/> per kept element, in document order). Elements without stats are dropped.
/// The walk uses an explicit stack, so deep nesting cannot overflow the call stack.
/// </summary>
internal sealed class PageAnalysis
{
    private const int GoodParagraphMinChars = 40;

    private readonly List<NodeStats> _ordered = [];

    private PageAnalysis(NodeStats root) => Root = root;

    /// <summary>The body's stats: totals of the whole kept page.</summary>
    public NodeStats Root { get; }

    /// <summary>Every kept element in document order.</summary>
    public IReadOnlyList<NodeStats> Ordered => _ordered;

    public static PageAnalysis Build(IElement body)
    {
        var root = new NodeStats(body, null, ClassVerdict.None);
        var analysis = new PageAnalysis(root);
        analysis.Measure(root);
        analysis.Aggregate();
        analysis.DropBoilerplateByName();
        return analysis;
    }

    /// <summary>
    /// Pre-order over the kept elements. The stack holds, for each level on the way down, the next sibling
    /// still to visit, so it grows with the page's depth, not with its widest element.
    /// </summary>
    private void Measure(NodeStats root)
    {
        var stack = new Stack<(NodeStats Stats, bool InArticle)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (stats, inArticle) = stack.Pop();
            Core.Documents.DocumentDeadline.Check();
            if (stats.NextSibling is { } sibling)
            {
                stack.Push((sibling, inArticle));
            }

            _ordered.Add(stats);
            var tag = stats.Tag;
            var isArticle = tag is "article" or "main" || IsArticleBody(stats.Element);
            if (isArticle)
            {
                stats.ArticleCount = 1;
            }

            if (tag == "h1")
            {
                stats.H1Count = 1;
            }

            inArticle |= isArticle;
            var nodes = stats.Element.ChildNodes; // by index: AngleSharp's NextSibling searches the parent's list
            for (var k = 0; k < nodes.Length; k++)
            {
                var node = nodes[k];
                if (node is IText text)
                {
                    CountText(text.Data, stats);
                }
                else if (node is IElement child && Keeps(child, inArticle))
                {
                    stats.AddChild(new NodeStats(child, stats, BoilerplateRules.Judge(child.GetAttribute("class"), child.GetAttribute("id"))));
                }
            }

            if (stats.FirstChild is { } first)
            {
                stack.Push((first, inArticle));
            }
        }
    }

    private static void CountText(string data, NodeStats stats)
    {
        var chars = 0;
        var commas = 0;
        foreach (var c in data)
        {
            if (c is ',' or '，' or '、' or '،')
            {
                commas++;
            }

            if (!char.IsWhiteSpace(c))
            {
                chars++;
            }
        }

        stats.DirectTextChars += chars;
        stats.DirectCommas += commas;
        stats.TextChars += chars;
        stats.Commas += commas;
    }

    /// <summary>Children before parents: add each element's totals to its parent's.</summary>
    private void Aggregate()
    {
        for (var i = _ordered.Count - 1; i >= 0; i--)
        {
            var s = _ordered[i];
            switch (s.Tag)
            {
                case "a":
                    s.LinkChars = s.TextChars;
                    s.GoodParagraphChars = 0;
                    break;
                case "p" or "pre" or "blockquote" or "dd" or "td" or "li":
                    if (s.TextChars >= GoodParagraphMinChars && s.LinkChars * 10 < s.TextChars * 3)
                    {
                        s.GoodParagraphChars = s.TextChars;
                    }

                    break;
                default:
                    if (s.DirectTextChars >= GoodParagraphMinChars)
                    {
                        s.GoodParagraphChars += s.DirectTextChars;
                    }

                    break;
            }

            if (s.Parent is { } parent)
            {
                parent.AddTotals(s, 1);
                parent.H1Count += s.H1Count;
                parent.ArticleCount += s.ArticleCount;
            }
        }
    }

    /// <summary>
    /// Parents before children: drop elements whose class or id marks them as boilerplate, unless they
    /// hold the headline or an article, or most of the page's prose (a wrapper with an odd name).
    /// A dropped element's totals leave the page's at once (later judgements weigh against them) and
    /// its other ancestors' in one pass at the end, so a drop costs no walk up the tree.
    /// </summary>
    private void DropBoilerplateByName()
    {
        var total = Root;
        Dictionary<NodeStats, NodeStats>? removed = null;
        foreach (var s in _ordered)
        {
            if (s.Parent is { Dropped: true })
            {
                s.Dropped = true;
                continue;
            }

            var drop = s.Tag switch
            {
                "body" or "article" or "main" => false,
                "form" => s.GoodParagraphChars < 200 || s.GoodParagraphChars * 2 < total.GoodParagraphChars,
                _ => s.Verdict.IsBoilerplate
                    && s.H1Count == 0
                    && s.ArticleCount == 0
                    && !HoldsMostProse(s, total),
            };
            if (!drop)
            {
                continue;
            }

            s.Dropped = true;
            total.AddTotals(s, -1);
            if (s.Parent is { } parent && !ReferenceEquals(parent, total))
            {
                removed ??= new(ReferenceEqualityComparer.Instance);
                if (!removed.TryGetValue(parent, out var sum))
                {
                    removed[parent] = sum = new NodeStats(parent.Element, null, ClassVerdict.None);
                }

                sum.AddTotals(s, 1);
            }
        }

        if (removed is null)
        {
            return;
        }

        // Children before parents: each element gives up what was dropped below it and passes it up.
        for (var i = _ordered.Count - 1; i > 0; i--)
        {
            var s = _ordered[i];
            if (!removed.Remove(s, out var sum))
            {
                continue;
            }

            s.AddTotals(sum, -1);
            if (s.Parent is { } parent && !ReferenceEquals(parent, total))
            {
                if (removed.TryGetValue(parent, out var up))
                {
                    up.AddTotals(sum, 1);
                }
                else
                {
                    removed[parent] = sum;
                }
            }
        }
    }

    /// <summary>A wrapper with an unlucky name ("share-zone" around the whole article, a sidebar left open).</summary>
    private static bool HoldsMostProse(NodeStats s, NodeStats total) =>
        s.GoodParagraphChars * 2 > total.GoodParagraphChars
        && s.TextChars * 2 > total.TextChars
        && (!s.Verdict.StrongBoilerplate || s.LinkDensity < 0.2);

    private static bool Keeps(IElement e, bool inArticle)
    {
        var tag = e.LocalName;
        if (BoilerplateRules.IsDroppedTag(tag))
        {
            return false;
        }

        if (tag == "header" && !inArticle)
        {
            return false;
        }

        if (e.HasAttribute("hidden") || BoilerplateRules.IsDroppedRole(e.GetAttribute("role")))
        {
            return false;
        }

        if (e.GetAttribute("aria-hidden") is { } ariaHidden && ariaHidden.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (e.GetAttribute("style") is { Length: > 0 } style && IsHiddenStyle(style))
        {
            return false;
        }

        return true;
    }

    private static bool IsHiddenStyle(string style)
    {
        var compact = style.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        return compact.Contains("display:none", StringComparison.Ordinal) || compact.Contains("visibility:hidden", StringComparison.Ordinal);
    }

    public static bool IsArticleBody(IElement e) =>
        e.GetAttribute("itemprop") is { } itemprop && itemprop.Contains("articleBody", StringComparison.OrdinalIgnoreCase);
}
