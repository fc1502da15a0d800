namespace Corpus.Ingest.Html;

/// <summary>
/// Chooses the elements that hold the main content. Two opinions are formed and reconciled:
/// <list type="bullet">
/// <item>markup: <c>[itemprop=articleBody]</c> and well-known content class names, then <c>article</c>,
/// then <c>main</c>/<c>[role=main]</c>;</item>
/// <item>density (readability's idea): every prose block scores its ancestors by length and commas,
/// class names add or take weight, link density discounts; the best ancestor wins, with its siblings
/// that score nearly as well.</item>
/// </list>
/// Markup wins when it holds most of the prose the density pick holds. When the choice holds too little of
/// the page's prose, it grows to the nearest ancestor that holds enough (the recall fallback).
/// </summary>
internal static class ContentLocator
{
    private const int MinParagraphChars = 22;

    private static readonly string[] ContentClassNames =
    [
        "entrycontent", "articlebody", "articlecontent", "postcontent", "postbody", "posttext", "postentry",
        "storybody", "storycontent", "articletext", "entrybody", "blogpost", "singlecontent", "newsbody",
        "textcontent", "maincontent", "contentbody", "articleinner", "richtext", "bodytext",
    ];

    public static List<NodeStats> Locate(PageAnalysis page, MainContentOptions options)
    {
        var root = page.Root;
        var byDensity = ByDensity(page);
        var densityProse = byDensity.Sum(s => s.GoodParagraphChars);
        var densityPlain = byDensity.Sum(s => s.PlainChars);

        var chosen = byDensity;
        var byMarkup = ByMarkup(page, byDensity);
        if (byMarkup is not null
            && byMarkup.PlainChars >= options.MinTextLength / 2
            && byMarkup.GoodParagraphChars * 10 >= densityProse * 6
            && (densityPlain == 0 || byMarkup.LinkDensity < 0.5))
        {
            chosen = [byMarkup];
        }

        return Widen(chosen, root, options);
    }

    /// <summary>The recall fallback: grow a choice that holds too little of the page's prose.</summary>
    private static List<NodeStats> Widen(List<NodeStats> chosen, NodeStats root, MainContentOptions options)
    {
        var plain = chosen.Sum(s => s.PlainChars);
        var prose = chosen.Sum(s => s.GoodParagraphChars);
        if (chosen.Count == 0 || plain < options.MinTextLength)
        {
            return [root];
        }

        if (prose * 10 >= root.GoodParagraphChars * 4)
        {
            return chosen;
        }

        for (var a = chosen[0].Parent; a is not null; a = a.Parent)
        {
            if (a.GoodParagraphChars * 10 >= root.GoodParagraphChars * 6)
            {
                return [a];
            }
        }

        return [root];
    }

    private static NodeStats? ByMarkup(PageAnalysis page, List<NodeStats> byDensity)
    {
        NodeStats? named = null, article = null, main = null;
        foreach (var s in page.Ordered)
        {
            if (s.Dropped)
            {
                continue;
            }

            if (PageAnalysis.IsArticleBody(s.Element) || HasContentClassName(s))
            {
                named = Larger(named, s);
            }
            else if (s.Tag == "article")
            {
                article = Larger(article, s);
            }
            else if (s.Tag == "main" || string.Equals(s.Element.GetAttribute("role"), "main", StringComparison.OrdinalIgnoreCase))
            {
                main = Larger(main, s);
            }
        }

        if (named is not null && named.GoodParagraphChars > 0)
        {
            return named;
        }

        if (article is not null && article.GoodParagraphChars > 0)
        {
            return article;
        }

        // main usually wraps more than the article; a density pick inside it is the finer choice.
        if (main is not null && !AnyInside(byDensity, main))
        {
            return main;
        }

        return null;
    }

    /// <summary>
    /// Whether any of the density pick is <paramref name="container"/> or inside it. The pick is one
    /// element or siblings, so one walk up from their parent answers for all of them.
    /// </summary>
    private static bool AnyInside(List<NodeStats> pick, NodeStats container)
    {
        NodeStats? walked = null;
        foreach (var d in pick)
        {
            if (ReferenceEquals(d, container))
            {
                return true;
            }

            if (d.Parent is { } parent && !ReferenceEquals(parent, walked))
            {
                if (parent.IsInside(container))
                {
                    return true;
                }

                walked = parent;
            }
        }

        return false;
    }

    private static NodeStats Larger(NodeStats? a, NodeStats b) =>
        a is null || b.GoodParagraphChars > a.GoodParagraphChars ? b : a;

    private static bool HasContentClassName(NodeStats s)
    {
        if (!s.Verdict.Content)
        {
            return false;
        }

        var name = string.Concat(s.Element.GetAttribute("class"), " ", s.Element.GetAttribute("id")).ToLowerInvariant()
            .Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        foreach (var c in ContentClassNames)
        {
            if (name.Contains(c, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Readability's scoring: prose blocks vote for their ancestors.</summary>
    private static List<NodeStats> ByDensity(PageAnalysis page)
    {
        var scored = new List<NodeStats>();
        foreach (var s in page.Ordered)
        {
            if (s.Dropped)
            {
                continue;
            }

            int length, commas;
            NodeStats? first;
            switch (s.Tag)
            {
                case "p" or "pre" or "td" or "blockquote":
                    (length, commas, first) = (s.PlainChars, s.Commas, s.Parent);
                    break;
                case "div" or "section" or "article" or "main" or "font" or "center" or "span":
                    (length, commas, first) = (s.DirectTextChars, s.DirectCommas, s);
                    break;
                default:
                    continue;
            }

            if (length < MinParagraphChars)
            {
                continue;
            }

            var score = 1.0 + commas + Math.Min(length / 85, 3);
            var level = 0;
            for (var a = first; a is not null && level < 5; a = a.Parent, level++)
            {
                if (!a.Scored)
                {
                    a.Scored = true;
                    a.Score = BaseScore(a.Tag) + a.Verdict.Weight;
                    scored.Add(a);
                }

                a.Score += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
            }
        }

        if (scored.Count == 0)
        {
            return [];
        }

        scored.Sort((x, y) => y.FinalScore.CompareTo(x.FinalScore));
        var top = scored[0];

        // Several strong candidates under one ancestor: the article is split in parts; take the ancestor.
        var strong = scored.Take(5).Where(s => s.FinalScore >= top.FinalScore * 0.75).ToList();
        if (strong.Count >= 3)
        {
            top = CommonAncestor(top, strong) ?? top;
        }

        while (top.Parent is { } parent && parent.Tag != "body" && parent.Element.ChildElementCount == 1)
        {
            top = parent;
        }

        return WithSiblings(top);
    }

    /// <summary>
    /// The nearest ancestor of <paramref name="top"/> below <c>body</c> that holds at least three of the
    /// strong candidates (each candidate counts itself and its ancestors once: one walk up per candidate).
    /// </summary>
    private static NodeStats? CommonAncestor(NodeStats top, List<NodeStats> strong)
    {
        var holds = new Dictionary<NodeStats, int>(ReferenceEqualityComparer.Instance);
        foreach (var candidate in strong)
        {
            for (var a = candidate; a is not null; a = a.Parent)
            {
                holds[a] = holds.GetValueOrDefault(a) + 1;
            }
        }

        for (var a = top.Parent; a is not null && a.Tag != "body"; a = a.Parent)
        {
            if (holds.GetValueOrDefault(a) >= 3)
            {
                return a;
            }
        }

        return null;
    }

    /// <summary>Readability's sibling rule: neighbours that score well or read as prose join the pick.</summary>
    private static List<NodeStats> WithSiblings(NodeStats top)
    {
        if (top.Parent is null)
        {
            return [top];
        }

        var threshold = Math.Max(10, top.FinalScore * 0.2);
        var result = new List<NodeStats>();
        for (var s = top.Parent.FirstChild; s is not null; s = s.NextSibling)
        {
            if (s.Dropped)
            {
                continue;
            }

            var include = ReferenceEquals(s, top)
                || (s.Scored && s.FinalScore >= threshold)
                || (s.Tag == "p" && s.PlainChars > 70 && s.LinkDensity < 0.25)
                || (s.Tag == "p" && s.TextChars > 0 && s.LinkChars == 0 && EndsSentence(s));
            if (include)
            {
                result.Add(s);
            }
        }

        return result;
    }

    private static bool EndsSentence(NodeStats s)
    {
        var text = s.Element.TextContent.AsSpan().TrimEnd();
        return text.Length > 0 && text[^1] is '.' or '!' or '?' or '。';
    }

    private static int BaseScore(string tag) => tag switch
    {
        "div" or "article" or "main" or "section" => 5,
        "pre" or "td" or "blockquote" => 3,
        "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
        _ => 0,
    };
}
