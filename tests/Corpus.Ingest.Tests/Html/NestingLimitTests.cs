using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Corpus.Ingest.Html;

namespace Corpus.Ingest.Tests.Html;

public class NestingLimitTests
{
    private static string Repeat(string s, int n) => new StringBuilder(s.Length * n).Insert(0, s, n).ToString();

    [Fact]
    public void A_page_within_the_limit_is_returned_as_the_same_string()
    {
        var html = "<!DOCTYPE html><html><head><title>t</title></head><body><div><p>one<p>two</div></body></html>";

        NestingLimit.Apply(html, maxDepth: 3).Should().BeSameAs(html);
    }

    [Fact]
    public void A_start_tag_past_the_limit_is_closed_where_it_opens_and_its_end_tag_dropped()
    {
        NestingLimit.Apply("<div><div><div class=x>deep</div>after</div></div>", maxDepth: 2)
            .Should().Be("<div><div><div class=x></div>deepafter</div></div>");
    }

    [Fact]
    public void Elements_that_close_implicitly_do_not_count_as_nesting()
    {
        var html = "<body><div>" + Repeat("<p>para", 1000) + "<ul>" + Repeat("<li>item", 1000) + "</ul><dl>"
            + Repeat("<dt>term<dd>definition", 500) + "</dl><table>" + Repeat("<tr><td>a<td>b", 500) + "</table><select>"
            + Repeat("<option>choice", 500) + "</select>" + Repeat("<a href=#>link", 500) + Repeat("<h2>heading", 100)
            + Repeat("<br><img src=x><input>", 500) + "</div></body>";

        NestingLimit.Apply(html, maxDepth: 8).Should().BeSameAs(html);
    }

    [Fact]
    public void Tags_inside_scripts_comments_and_attribute_values_are_not_read_as_tags()
    {
        var html = "<div><script>var s = '<div><div><div><div>'; // <!-- <script> </script> --></script>"
            + "<style>a::before { content: '<div><div>' }</style><textarea><div><div><div></textarea>"
            + "<!-- <div><div><div><div> --><span title='<div><div>>' data-x=\"<div>\">text</span></div>";

        NestingLimit.Apply(html, maxDepth: 2).Should().BeSameAs(html);
    }

    [Fact]
    public void A_template_past_the_limit_is_dropped_with_its_content()
    {
        NestingLimit.Apply("<div><div><template><p>hidden<template>inner</template></template>shown</div></div>", maxDepth: 2)
            .Should().Be("<div><div>shown</div></div>");
    }

    [Fact]
    public void The_parsed_tree_of_a_deep_page_stops_at_the_limit_and_keeps_every_word_in_order()
    {
        const int Depth = 5_000;
        var html = new StringBuilder("<body>");
        for (var i = 0; i < Depth; i++)
        {
            html.Append("<div>w").Append(i).Append(' ');
        }

        var limited = NestingLimit.Apply(html.Append(Repeat("</div>", Depth)).ToString());
        using var document = new HtmlParser().ParseDocument(limited);

        // The element at the limit holds the closed ones, empty, one level further down.
        MaxDepth(document.Body!).Should().Be(NestingLimit.MaxDepth + 1);
        var words = document.Body!.TextContent.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        words.Should().HaveCount(Depth);
        Enumerable.Range(0, Depth).All(i => words[i] == $"w{i}").Should().BeTrue("the words come out in document order");
    }

    private static int MaxDepth(IElement root)
    {
        var deepest = 0;
        var stack = new Stack<(IElement Element, int Depth)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (element, depth) = stack.Pop();
            deepest = Math.Max(deepest, depth);
            foreach (var child in element.Children)
            {
                stack.Push((child, depth + 1));
            }
        }

        return deepest;
    }
}
