using System.Text;

namespace Corpus.Filters.Classification;

/// <summary>
/// The annotation prompt in the way FineWeb-Edu built its annotations: an additive 0–5 rubric of
/// educational value (a point per criterion met, the total is the score) and one domain from
/// <see cref="ContentDomains.All"/>. The model is asked to reason briefly and end with two lines,
/// <c>Educational score: N</c> and <c>Domain: X</c>, which <see cref="EduAnnotation.TryParse(string, out EduAnnotation)"/> reads.
/// </summary>
public static class EduPrompt
{
    /// <summary>The system message: who the model is while annotating.</summary>
    public const string SystemMessage =
        "You are a careful annotator who judges web documents as material for teaching, from primary school to college. You follow the rubric exactly and end with the two requested lines.";

    /// <summary>The marker placed where a document was cut.</summary>
    public const string TruncationMarker = "[…]";

    /// <summary>The user message for one document: the rubric, the domains, the document (cut to <see cref="EduPromptOptions.MaxDocumentChars"/>) and the answer format.</summary>
    public static string Build(string documentText, EduPromptOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(documentText);
        options ??= new EduPromptOptions();
        var sb = new StringBuilder(documentText.Length + 3000);
        sb.Append("Below is an extract from a web page. Judge whether it would be useful for teaching at primary school to college level, using this additive 5-point scale. Start at 0 and add the points of each criterion the extract meets:\n\n");
        sb.Append("- Add 1 point if the extract gives some basic information on an educational topic, even if it also holds advertisements, navigation or other irrelevant material.\n");
        sb.Append("- Add another point if it covers elements that matter for education but does not follow an educational standard: it may mix educational content with other material, give only an overview, or be poorly written.\n");
        sb.Append("- Award a third point if it suits educational use and introduces concepts that a school curriculum covers. It is coherent, though it may not be comprehensive or may hold some unrelated information.\n");
        sb.Append("- Grant a fourth point if it is highly relevant and useful for teaching at a school level: a clear and consistent writing style, like a chapter of a textbook or a tutorial, with substantial educational content such as exercises or worked solutions, and little irrelevant information.\n");
        sb.Append("- Bestow a fifth point if it is outstanding for teaching: detailed reasoning, easy to follow, deep insight into the subject, and free of non-educational or overly complex material.\n\n");
        sb.Append("Then choose the single domain that fits the extract best:\n");
        sb.Append("- general: everyday topics, lifestyle, shopping, recipes, travel, advice\n");
        sb.Append("- stem: natural sciences, engineering, medicine, technology (not pure mathematics or program code)\n");
        sb.Append("- math: mathematics, equations, proofs, worked calculations\n");
        sb.Append("- code: source code, programming tutorials, software documentation\n");
        sb.Append("- reasoning: logic puzzles, argumentation, step-by-step problem solving outside mathematics\n");
        sb.Append("- humanities: history, philosophy, law, languages, arts, social sciences\n");
        sb.Append("- news: current events, sports results, press releases\n");
        sb.Append("- fiction: stories, novels, poetry, fan fiction\n");
        sb.Append("- other: anything else (spam, lists of links, boilerplate)\n\n");
        sb.Append("The extract:\n<document>\n");
        sb.Append(Truncate(documentText, options.MaxDocumentChars));
        sb.Append("\n</document>\n\n");
        sb.Append("Justify your score in at most 100 words. Then end your answer with exactly these two lines, nothing after them:\n");
        sb.Append("Educational score: <a whole number from 0 to 5>\n");
        sb.Append("Domain: <one of ").Append(string.Join(", ", ContentDomains.All)).Append(">\n");
        return sb.ToString();
    }

    /// <summary>
    /// <paramref name="text"/> cut to at most <paramref name="maxChars"/> characters plus
    /// <see cref="TruncationMarker"/>: at the last whitespace in the final tenth (or 64 characters) when there is one, never
    /// inside a surrogate pair. Text that fits is returned as it is.
    /// </summary>
    public static string Truncate(string text, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 1);
        if (text.Length <= maxChars)
        {
            return text;
        }

        var cut = maxChars;
        var space = text.LastIndexOfAny([' ', '\n', '\t'], cut - 1, Math.Min(cut, Math.Max(cut / 10, 64)));
        if (space > 0)
        {
            cut = space;
        }
        else if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut).TrimEnd(), " ", TruncationMarker);
    }
}
