using System.Text.RegularExpressions;

namespace Corpus.Filters.Classification.Code;

/// <summary>
/// Tells source code from prose, line by line, from evidence a reader uses at a glance: lines ending
/// in <c>;</c> <c>{</c> <c>}</c> <c>)</c>, lines that open with a keyword of some language, the
/// density of operators and brackets, calls and <c>snake_case</c> names, comment markers, markup tags,
/// fenced blocks and a shebang; against that, lines of several words that end a sentence. A document
/// is <see cref="CodeKind.Code"/> when at least <see cref="CodeThreshold"/> of the characters of its
/// non-blank lines are in lines that look like code (characters, so that one long paragraph of prose
/// weighs more than one closing brace) (or it starts with a shebang), <see cref="CodeKind.ProseWithCode"/> when a run of code
/// lines or a fenced block is in it, and <see cref="CodeKind.Prose"/> otherwise, and always when its only code-like lines
/// are Markdown headings (<c>## Article 12</c>, which the HTML extractor writes for every page's headings).
/// </summary>
public static partial class CodeDetector
{
    /// <summary>Share of characters in code-like lines from which a document is code.</summary>
    public const double CodeThreshold = 0.5;

    /// <summary>Only the first this many lines are looked at.</summary>
    public const int MaxLines = 2000;

    /// <summary>Classifies <paramref name="text"/>.</summary>
    public static CodeDetection Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = 0;
        var codeLines = 0;
        long chars = 0;
        long codeChars = 0;
        var run = 0;
        var longestRun = 0;
        var headings = 0;
        var inFence = false;
        var fencedCode = 0;
        var shebang = text.StartsWith("#!/", StringComparison.Ordinal);
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            var line = raw.Trim();
            if (line.IsEmpty)
            {
                continue;
            }

            if (++lines > MaxLines)
            {
                lines--;
                break;
            }

            bool isCode;
            if (line.StartsWith("```") || line.StartsWith("~~~"))
            {
                inFence = !inFence;
                isCode = true;
            }
            else if (inFence)
            {
                isCode = true;
                fencedCode++;
            }
            else
            {
                isCode = LineScore(raw.TrimEnd()) >= 2;
            }

            chars += line.Length;
            if (isCode)
            {
                codeChars += line.Length;
                headings += MarkdownHeading().IsMatch(line) ? 1 : 0;
                codeLines++;
                run++;
                longestRun = Math.Max(longestRun, run);
            }
            else
            {
                run = 0;
            }
        }

        var share = chars == 0 ? 0 : (double)codeChars / chars;

        // Text whose only code-like lines are Markdown headings ("## Article 12 (1)": a comment marker, a closing
        // bracket) is prose with headings, as the HTML extractor writes every page's headings.
        var onlyHeadings = !shebang && codeLines > 0 && headings == codeLines && fencedCode == 0;
        var kind = onlyHeadings ? CodeKind.Prose
            : shebang || (lines > 0 && share >= CodeThreshold)
            ? CodeKind.Code
            : longestRun >= 3 || fencedCode >= 2 || (codeLines >= 3 && share >= 0.1)
                ? CodeKind.ProseWithCode
                : CodeKind.Prose;
        return new CodeDetection(kind, share, codeLines, lines);
    }

    /// <summary>
    /// The patterns of a line are looked for in its first this many characters: the backtracking ones take time
    /// that grows faster than a line's length (a minified line of 20,000 characters took most of a second).
    /// </summary>
    public const int MaxMatchedLineChars = 500;

    /// <summary>How code-like one line is: 2 or more counts as code.</summary>
    internal static double LineScore(ReadOnlySpan<char> line)
    {
        var t = line.Trim();
        var head = t.Length > MaxMatchedLineChars ? t[..MaxMatchedLineChars] : t;
        var words = CountWords(t);
        double score = 0;
        var last = t[^1];
        if (last is ';' or '{' or '}' || t.EndsWith("};", StringComparison.Ordinal) || t.SequenceEqual("end") || t[0] == '}')
        {
            score += 2;
        }
        else if (last is ')' or ']' or ',' or '(' or '[' && words <= 12)
        {
            score += 1;
        }

        if (StartsWithKeyword().IsMatch(head))
        {
            score += 1.5;
        }

        if (last == ':' && BlockOpener().IsMatch(head))
        {
            score += 1;
        }

        if (CommentStart().IsMatch(head))
        {
            score += 1;
        }

        if (MarkupTag().IsMatch(head) || DockerInstruction().IsMatch(head))
        {
            score += 2;
        }

        if (CallOrMember().IsMatch(head))
        {
            score += 1;
        }

        if (YamlKey().IsMatch(head))
        {
            score += 2;
        }
        else if (YamlScalar().IsMatch(head))
        {
            score += 1.5;
        }

        if (Assignment().IsMatch(head))
        {
            score += 1;
        }

        if (Operators().IsMatch(head))
        {
            score += 1;
        }

        if (SnakeOrCamel().IsMatch(head))
        {
            score += 0.5;
        }

        var nonSpace = 0;
        var symbols = 0;
        var letters = 0;
        foreach (var c in t)
        {
            if (c == ' ')
            {
                continue;
            }

            nonSpace++;
            if (c is '{' or '}' or '[' or ']' or '(' or ')' or ';' or '=' or '<' or '>' or '*' or '&' or '|' or '$' or '_' or '\\' or '#' or '@' or '%' or '^' or '~' or '"')
            {
                symbols++;
            }
            else if (char.IsLetter(c))
            {
                letters++;
            }
        }

        var density = nonSpace == 0 ? 0 : (double)symbols / nonSpace;
        score += density switch
        {
            >= 0.2 => 2,
            >= 0.1 => 1,
            _ => 0,
        };
        if (char.IsWhiteSpace(line[0]) && score > 0)
        {
            score += 0.5;
        }

        // Sentences: several words, mostly letters, ending like prose.
        if (words >= 6 && last is '.' or '?' or '!' or '"' && density < 0.06 && letters > nonSpace * 0.7)
        {
            score -= 3;
        }
        else if (words >= 10 && density < 0.04)
        {
            score -= 2;
        }

        return score;
    }

    /// <summary>Words as <c>Split(' ', RemoveEmptyEntries)</c> counts them: runs of anything but the space character.</summary>
    private static int CountWords(ReadOnlySpan<char> text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                words++;
            }
        }

        return words;
    }

    // A Markdown ATX heading: one to six '#', a space, then text with a letter.
    [GeneratedRegex(@"^#{1,6}[ \t]+\S*\p{L}", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"^(?:import|from\s+[\w.]+\s+import|def|class|return|if\s*\(|elif|else\b|for\s*\(|for\s+\w+\s+in\b|while\s*\(|switch|case\s|break;|continue;|public|private|protected|internal|static|const|let|var|val|function|func|fn|package|using\s+[\w.]+;|namespace|#include|#define|#import|struct|enum|impl|trait|interface|type\s+\w+\s*=|void|int\s|char\s|float\s|double\s|bool\s|async|await|try\b|catch|except\b|finally|throw|raise|SELECT|INSERT|UPDATE|CREATE|DROP|ALTER|echo\s|export\s|local\s|end\b|fi$|done$|esac$|then$|do$|require|module|use\s|my\s|sub\s|puts|printf|println|console\.|System\.|std::|@\w+|<\?php|\$\w+\s*=|library\(|data\s+\w+\s*=|where$|main\s*=)", RegexOptions.CultureInvariant)]
    private static partial Regex StartsWithKeyword();

    [GeneratedRegex(@"^(?:def|class|if|elif|else|for|while|try|except|finally|with|case|default|public|private|protected)\b", RegexOptions.CultureInvariant)]
    private static partial Regex BlockOpener();

    [GeneratedRegex(@"^(?://|/\*|\*/|\*\s|--\s|#\s*(?:include|define|!)|<!--)", RegexOptions.CultureInvariant)]
    private static partial Regex CommentStart();

    [GeneratedRegex(@"^</?[a-zA-Z][\w-]*(?:\s+[\w-]+(?:=""[^""]*"")?)*\s*/?>", RegexOptions.CultureInvariant)]
    private static partial Regex MarkupTag();

    // A Dockerfile instruction: the keyword in capitals, then its arguments.
    [GeneratedRegex(@"^(?:FROM|RUN|COPY|ADD|WORKDIR|ENV|EXPOSE|ENTRYPOINT|CMD|ARG|LABEL|USER|VOLUME|HEALTHCHECK|SHELL|ONBUILD|STOPSIGNAL) \S", RegexOptions.CultureInvariant)]
    private static partial Regex DockerInstruction();

    [GeneratedRegex(@"\w[\w.]*\.\w+\(|\b\w+\(\)|\b\w+\([\w""'$]", RegexOptions.CultureInvariant)]
    private static partial Regex CallOrMember();

    [GeneratedRegex(@"^(?:- )?[\w.-]+:$|^- [\w.-]+: ", RegexOptions.CultureInvariant)]
    private static partial Regex YamlKey();

    [GeneratedRegex(@"^[\w.-]+: [^\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex YamlScalar();

    [GeneratedRegex(@"^[\w.$@\[\]""'*&]+(?:\s*:\s*[\w<>\[\]]+)?\s*(?:=|:=|\+=|-=|<-)\s*\S", RegexOptions.CultureInvariant)]
    private static partial Regex Assignment();

    [GeneratedRegex(@"==|!=|=>|->|::|&&|\|\||\+\+|<=|>=|<<|>>|:=|\$\(|\$\{|\w\[\w*\]", RegexOptions.CultureInvariant)]
    private static partial Regex Operators();

    [GeneratedRegex(@"\b[a-z]+_[a-z_0-9]+\b|\b[a-z]+[A-Z][a-zA-Z]*\b", RegexOptions.CultureInvariant)]
    private static partial Regex SnakeOrCamel();
}
