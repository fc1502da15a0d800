using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Corpus.Filters.Classification.Code;

/// <summary>
/// Names the programming (or data, or markup) language of a code document from weighted evidence:
/// a shebang (<c>#!/usr/bin/env python3</c>) decides outright; otherwise each language's telling
/// keywords and syntax (<c>fn main()</c> and <c>let mut</c> for Rust, <c>:=</c> and
/// <c>func (r *T)</c> for Go, <c>&lt;-</c> and <c>library(</c> for R) add their weights, a few
/// occurrences each, and the file extension of a URL adds a hint. A document that parses as a JSON
/// object or array is JSON. Below <see cref="MinEvidence"/> the answer is <see cref="Unknown"/>.
/// </summary>
public static partial class ProgrammingLanguageIdentifier
{
    /// <summary>The answer when the evidence is too thin.</summary>
    public const string Unknown = "unknown";

    /// <summary>Least evidence for an answer.</summary>
    public const double MinEvidence = 3;

    /// <summary>Only the first this many characters are looked at.</summary>
    public const int MaxChars = 50_000;

    private const double ExtensionHint = 4;
    private const int MaxCountedMatches = 3;

    // Tokens a JSON text cut short must hold before the cut to count as JSON.
    private const int MinJsonTokens = 20;
    // Each pattern runs on the backtracking engine within a time budget and moves to the linear one on a text that
    // exceeds it (EvidencePattern): the answer is the same either way, whatever the text or the machine's load.
    private static readonly (string Language, EvidencePattern Pattern, double Weight, string? Literal)[] Evidence = BuildEvidence();

    /// <summary>Each evidence pattern with the literal a text must hold for it to match (<see cref="RequiredLiteral"/>), for tests.</summary>
    internal static IReadOnlyList<(EvidencePattern Pattern, string? Literal)> PatternLiterals => [.. Evidence.Select(e => (e.Pattern, e.Literal))];

    /// <summary>Every language it names.</summary>
    public static IReadOnlyList<string> Languages { get; } =
    [
        "Python", "C", "C++", "C#", "Java", "JavaScript", "TypeScript", "Go", "Rust", "Ruby", "PHP", "Shell", "SQL",
        "HTML", "CSS", "Kotlin", "Swift", "Lua", "Perl", "R", "Haskell", "Scala", "Markdown", "JSON", "YAML",
        "TeX", "XML", "Makefile", "Dockerfile", "PowerShell",
    ];

    private static readonly FrozenDictionary<string, string> Extensions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".py"] = "Python", [".pyw"] = "Python", [".c"] = "C", [".h"] = "C", [".cpp"] = "C++", [".cc"] = "C++", [".cxx"] = "C++",
        [".hpp"] = "C++", [".hh"] = "C++", [".cs"] = "C#", [".java"] = "Java", [".js"] = "JavaScript", [".mjs"] = "JavaScript",
        [".cjs"] = "JavaScript", [".jsx"] = "JavaScript", [".ts"] = "TypeScript", [".tsx"] = "TypeScript", [".go"] = "Go",
        [".rs"] = "Rust", [".rb"] = "Ruby", [".php"] = "PHP", [".sh"] = "Shell", [".bash"] = "Shell", [".zsh"] = "Shell",
        [".sql"] = "SQL", [".html"] = "HTML", [".htm"] = "HTML", [".css"] = "CSS", [".kt"] = "Kotlin", [".kts"] = "Kotlin",
        [".swift"] = "Swift", [".lua"] = "Lua", [".pl"] = "Perl", [".pm"] = "Perl", [".r"] = "R", [".hs"] = "Haskell",
        [".scala"] = "Scala", [".sc"] = "Scala", [".md"] = "Markdown", [".markdown"] = "Markdown", [".json"] = "JSON",
        [".yaml"] = "YAML", [".yml"] = "YAML", [".tex"] = "TeX", [".sty"] = "TeX", [".cls"] = "TeX", [".xml"] = "XML",
        [".xsd"] = "XML", [".xsl"] = "XML", [".xslt"] = "XML", [".mk"] = "Makefile", [".ps1"] = "PowerShell", [".psm1"] = "PowerShell",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // Files whose name, not extension, says the language.
    private static readonly FrozenDictionary<string, string> FileNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Makefile"] = "Makefile", ["GNUmakefile"] = "Makefile", ["Dockerfile"] = "Dockerfile", ["Containerfile"] = "Dockerfile",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Names the language of <paramref name="text"/>. <paramref name="url"/> (optional) adds the hint of
    /// its file extension, except for extensions every web page has (<c>.html</c>, <c>.php</c>) on http(s) URLs.
    /// </summary>
    public static ProgrammingLanguageGuess Identify(string text, string? url = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sample = text.Length > MaxChars ? text[..MaxChars] : text;
        if (Shebang(sample) is { } fromShebang)
        {
            return new ProgrammingLanguageGuess(fromShebang, 1);
        }

        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        if (LooksLikeJson(sample))
        {
            scores["JSON"] = 20;
        }

        foreach (var (language, pattern, weight, literal) in Evidence)
        {
            if (literal is not null && !sample.Contains(literal, StringComparison.Ordinal))
            {
                continue; // cannot match: a vectorized search instead of the engine's scan
            }

            var count = pattern.Count(sample, MaxCountedMatches);
            if (count > 0)
            {
                scores[language] = scores.GetValueOrDefault(language) + (weight * (1 + (0.5 * (count - 1))));
            }
        }

        if (ExtensionOf(url) is { } hinted)
        {
            scores[hinted] = scores.GetValueOrDefault(hinted) + ExtensionHint;
        }

        var positive = scores.Where(kv => kv.Value > 0).ToList();
        if (positive.Count == 0)
        {
            return new ProgrammingLanguageGuess(Unknown, 0);
        }

        var best = positive.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First();
        if (best.Value < MinEvidence)
        {
            return new ProgrammingLanguageGuess(Unknown, 0);
        }

        return new ProgrammingLanguageGuess(best.Key, best.Value / positive.Sum(kv => kv.Value));
    }

    private static string? Shebang(string text)
    {
        if (!text.StartsWith("#!", StringComparison.Ordinal))
        {
            return null;
        }

        var end = text.IndexOf('\n', StringComparison.Ordinal);
        var line = end < 0 ? text : text[..end];
        var words = line[2..].Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return null;
        }

        var program = Path.GetFileName(words[0]);
        if (program == "env")
        {
            program = words.Skip(1).FirstOrDefault(w => !w.StartsWith('-'));
            if (program is null)
            {
                return null;
            }
        }

        program = DigitsSuffix().Replace(program, string.Empty);
        return program switch
        {
            "python" or "pypy" => "Python",
            "sh" or "bash" or "zsh" or "ksh" or "dash" or "ash" => "Shell",
            "node" or "nodejs" or "deno" or "bun" => "JavaScript",
            "ts-node" => "TypeScript",
            "ruby" => "Ruby",
            "perl" => "Perl",
            "php" => "PHP",
            "Rscript" => "R",
            "lua" or "luajit" => "Lua",
            "runghc" or "runhaskell" or "stack" => "Haskell",
            "scala" or "amm" => "Scala",
            "kotlin" or "kscript" => "Kotlin",
            "swift" => "Swift",
            _ => null,
        };
    }

    private static string? ExtensionOf(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        var path = url;
        var web = false;
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            path = uri.AbsolutePath;
            web = uri.Scheme is "http" or "https";
        }

        if (FileNames.TryGetValue(Path.GetFileName(path), out var named))
        {
            return named;
        }

        var ext = Path.GetExtension(path);
        if (ext.Length == 0 || !Extensions.TryGetValue(ext, out var language))
        {
            return null;
        }

        return web && language is "HTML" or "PHP" ? null : language;
    }

    // A JSON object or array, or the start of one cut short (a long file's first MaxChars, a truncated page)
    // that holds at least MinJsonTokens tokens before the cut.
    private static bool LooksLikeJson(string text)
    {
        var t = text.AsSpan().Trim();
        if (t.Length < 2 || t[0] is not ('{' or '['))
        {
            return false;
        }

        var bytes = new byte[Encoding.UTF8.GetByteCount(t)];
        Encoding.UTF8.GetBytes(t, bytes);
        var reader = new Utf8JsonReader(bytes, isFinalBlock: false, new JsonReaderState(new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }));
        var tokens = 0;
        try
        {
            while (reader.Read())
            {
                tokens++;
                if (reader.CurrentDepth == 0 && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    // The whole value: JSON if nothing but white space follows it.
                    return reader.BytesConsumed == bytes.Length;
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return tokens >= MinJsonTokens;
    }

    [GeneratedRegex(@"[\d.]+$", RegexOptions.CultureInvariant)]
    private static partial Regex DigitsSuffix();

    private static (string, EvidencePattern, double, string?)[] BuildEvidence()
    {
        var table = new List<(string, EvidencePattern, double, string?)>();
        void Add(string language, double weight, params string[] patterns)
        {
            foreach (var p in patterns)
            {
                table.Add((language, new EvidencePattern(p), weight, RequiredLiteral.Of(p)));
            }
        }

        Add("Python", 3, @"^\s*def \w+\(.*\)\s*(->\s*[\w\[\], .]+)?:\s*$", @"^\s*from [\w.]+ import ", @"^if __name__ == ['""]__main__['""]:", @"^\s*elif .*:\s*$", @"\bself\.\w+");
        Add("Python", 2, @"^import [\w.]+(\s+as\s+\w+)?\s*$", @"^\s*class \w+(\(.*\))?:\s*$", @"^\s*(for \w+(, \w+)* in .+|while .+|try|except( \w+)?( as \w+)?|with .+ as \w+|else):\s*$", @"\bNone\b", @"\bprint\(f?[""']", @"^\s*@\w+(\.\w+)*(\(.*\))?\s*$", @"\b(True|False)\b", @"^\s*#\s");
        Add("C", 3, @"#include\s*<(stdio|stdlib|string|unistd|stdint|math|errno|fcntl)\.h>", @"\bprintf\s*\(", @"\bmalloc\s*\(", @"\bfree\s*\(\w+\);");
        Add("C", 2, @"^\s*int main\s*\(\s*(void|int argc,\s*char\s*\*\s*\*?argv(\[\])?)?\s*\)", @"^\s*typedef struct", @"^\s*struct \w+\s*\{", @"\w->\w", @"\bsizeof\s*\(", @"\bNULL\b", @"^\w+ ?\([\w ,*]*\)\n\{");
        Add("C", 3, @"^#\s*(include|define|ifdef|ifndef|endif|undef|pragma|elif)\b");
        Add("C++", 4, @"\bstd::", @"#include\s*<(iostream|vector|string|map|memory|algorithm|unordered_map)>", @"\bcout\s*<<", @"^\s*template\s*<", @"\busing namespace std;", @"\btypedef \w+<", @"\}\s*//\s*namespace\b", @"^#\s*include\s*[<""][\w/.]+\.(hpp|hh|hxx)[>""]");
        Add("C++", 3, @"^#pragma once\b");
        Add("C++", 2, @"^#\s*include\s*[<""]", @"^\s*(public|private|protected):\s*$", @"\bnullptr\b", @"\bauto\s+\w+\s*=", @"^\s*class \w+(\s*:\s*public \w+)?\s*\{?\s*$", @"\w::\w", @"\bconst \w+&");
        Add("C#", 4, @"^using System(\.[\w.]+)?;", @"\bConsole\.Write(Line)?\(", @"\{\s*get;\s*(private\s+|init;|set;)", @"\bpublic (async )?Task(<[\w<>]+>)?\s+\w+\(", @"^namespace [\w.]+;?\s*$");
        Add("C#", 2, @"\bforeach\s*\(var ", @"\bvar \w+ = new \w+", @"\bstring\[\]\s+args", @"\b(public|private|internal) (sealed |static |readonly )*(class|record|interface|struct) \w+", @"\bnameof\(", @"\bawait \w+", @"\b(List|Dictionary|IEnumerable)<\w+");
        Add("Java", 4, @"\bSystem\.(out|err)\.print(ln|f)?\(", @"\bthrows \w+(Exception|Error)\b", @"\bString (argv|args)\[\]|\bString\[\] (argv|args)\b", @"^import java(x)?\.[\w.*]+;", @"public static void main\(String\[\] args\)", @"^package [\w.]+;\s*$");
        Add("Java", 3, @"^import (static )?[a-z]\w*(\.\w+)+(\.\*)?;\s*$");
        Add("Java", 2, @"^\s*@Override\s*$", @"\b(extends|implements) \w+", @"\bnew (ArrayList|HashMap|StringBuilder)<", @"\b(public|private|protected) (static )?(final )?(void|int|String|boolean|long) \w+\s*[\(=;]", @"\bString\[\]", @"\bfinal \w+ \w+ =");
        Add("JavaScript", 3, @"\bconsole\.log\(", @"\brequire\(['""][\w./@-]+['""]\)", @"\bmodule\.exports\b", @"\bdocument\.(getElementById|querySelector|addEventListener)", @"^\s*function\s+\w+\s*\([\w\s,]*\)\s*\{");
        Add("JavaScript", 1.5, @"^\s*(const|let|var) \w+ = ", @"=>\s*[\{\(]?", @"\b(undefined|null)\b", @"===|!==", @"^\s*export (default |const |function )", @"^\s*import .* from ['""]", @"\.then\(", @"\basync function\b");
        Add("TypeScript", 4, @"^\s*(export )?interface \w+(<[\w, ]+>)?\s*\{", @"^\s*(export )?type \w+(<[\w, ]+>)? = ", @"\b\w+\??: (string|number|boolean|void|any|unknown|never)(\[\])?\b", @"\):\s*(Promise<\w+>|string|number|boolean|void)\s*\{", @"\b(private|public|readonly) \w+: \w+", @"\bas const\b");
        Add("TypeScript", 4, @"^\s*(export )?declare (function|const|let|class|module|namespace|type|interface|enum)\b", @"\bfunction\*? \w+<[\w, ]+( extends [^>\n]+)?>\(");
        Add("TypeScript", 3, @"\): [\w.]+(<[^>\n]*>)?(\[\])?( \| [\w.]+(<[^>\n]*>)?(\[\])?)*;[ \t]*$");
        Add("TypeScript", 2, @"\(\w+\??: [\w(<\[{]");
        Add("TypeScript", 1.2, @"^\s*(const|let) \w+ = ", @"=>\s*[\{\(]?", @"===|!==", @"^\s*import .* from ['""]", @"^\s*export (default |const |function |class )", @"\bconsole\.log\(");
        Add("Go", 4, @"^package \w+\s*$", @"^func (\(\w+ \*?\w+\) )?\w+\(", @"\bfmt\.(Print|Sprint|Errorf)", @"\bif err != nil \{", @"^import \($");
        Add("Go", 2, @"\w+ := ", @"\bgo func\(", @"\bchan \w+", @"\bdefer \w+", @"\[\]string\{", @"\bmake\((map|\[\]|chan)");
        Add("Rust", 4, @"\bfn main\(\)", @"\blet mut \w+", @"\bprintln!\(", @"^use std::", @"#\[derive\(", @"^\s*impl(<[\w, ']+>)? \w+");
        Add("Rust", 2, @"^\s*pub (fn|struct|enum|mod) ", @"\bfn \w+(<[\w, ']+>)?\(.*\)\s*(->\s*[\w<>&, ']+)?\s*\{", @"&mut \w+", @"\b(Some|Ok|Err)\(", @"\bmatch \w+ \{", @"\bVec<", @"\w+::\w+\(", @"\.unwrap\(\)");
        Add("Ruby", 5, @"^# frozen_string_literal: true");
        Add("Ruby", 4, @"^\s*def self\.\w+", @"^\s*require ['""][\w/]+['""]\s*$", @"\bputs\b", @"\battr_(accessor|reader|writer)\b", @"\.each( do)? \|\w+(, \w+)?\|", @"^\s*class \w+ < \w+\s*$");
        Add("Ruby", 2, @"^\s*def \w+[?!]?(\(.*\))?\s*$", @"^\s*end\s*$", @"\belsif\b", @"\bunless\b", @"@\w+ = ", @":\w+ =>", @"\bdo \|\w+\|", @"\bnil\b");
        Add("PHP", 20, @"\A\s*<\?php\b"); // a file that opens in PHP is PHP, whatever HTML it writes
        Add("PHP", 6, @"<\?php");
        Add("PHP", 3, @"\$this->\w+", @"\becho \$?\w*", @"^\s*(public |private |protected )?(static )?function \w+\(.*\$", @"^namespace [A-Z]\w*(\\\w+)+;");
        Add("PHP", 2, @"\$\w+ = ", @"\$\w+->\w+", @"\barray\(", @"\bforeach \(\$\w+ as \$\w+");
        Add("Shell", 3, @"^\s*if \[\[? .+ \]\]?;? ?(then)?\s*$", @"^\s*fi\s*$", @"^\s*(done|esac)\s*$", @"^\s*export [A-Z_]+=", @"\$\{\w+(:-[^}]*)?\}", @"^\s*(sudo )?(apt-get|apt|yum|brew|pip|npm|curl|wget|chmod|mkdir|cd|ls|grep|sed|awk|tar) ", @"^\s*for \w+ in .+; do\s*$");
        Add("Shell", 1.5, @"^\s*echo ['""$]", @"\$[1-9@#?]", @" \| (grep|sort|uniq|head|tail|wc|xargs|awk|sed)\b", @"^\s*\w+\(\) \{", @"^\s*(then|do)\s*$", @"\$\(\w+", @"^\s*[A-Z_]+=\S+");
        Add("SQL", 4, @"\bSELECT\b[\s\S]{1,200}?\bFROM\b", @"\bINSERT INTO\b", @"\bCREATE (OR REPLACE )?(TABLE|INDEX|VIEW|FUNCTION|TRIGGER|SCHEMA|SEQUENCE|TYPE|PROCEDURE)\b", @"\bLANGUAGE '?(plpgsql|sql)'?", @"\bALTER TABLE\b", @"\bDROP (TABLE|VIEW|INDEX|FUNCTION|TRIGGER|SCHEMA|SEQUENCE)\b", @"(?i)^\s*(create|alter|drop) (table|index|view|function|schema|sequence|trigger)\b", @"\bPRIMARY KEY\b", @"\bGROUP BY\b", @"\bORDER BY\b");
        Add("SQL", 2, @"\bWHERE \w+(\.\w+)? (=|<|>|IN|LIKE|IS)\b", @"\b(INNER |LEFT |RIGHT )?JOIN \w+", @"\b(VARCHAR|INTEGER|NOT NULL|REFERENCES)\b", @"\bUPDATE \w+ SET\b", @"\bDELETE FROM\b");
        // Tags and attributes in any case (HTML 4 pages and DocBook's output write them in capitals).
        Add("HTML", 5, @"(?i)<!DOCTYPE html\b", @"(?i)<html[\s>]", @"(?i)</(div|body|head|html|p|span|ul|li|table|a)\s*>");
        Add("HTML", 2, @"(?i)<(div|span|p|ul|li|a|img|table|tr|td|head|body|meta|link|title|h[1-6]|form|input|button|nav)[\s>/]", @"(?i)\b(class|href|src|id)=""[^""]*""");
        Add("CSS", 4, @"^[ \t]*([.#][\w-]+|\*|(html|body|div|span|p|a|ul|ol|li|table|thead|tbody|tr|td|th|h[1-6]|img|input|button|form|nav|header|footer|section|article|main|aside|pre|code|blockquote|label|select|textarea|em|strong|dl|dt|dd|hr|iframe|svg|fieldset|legend|caption|small|abbr|figure|figcaption|address)\b)[\w \t.#:>+~,()*=""'\[\]-]*\{[ \t]*$", @"^\s*@(import|font-face|keyframes|charset|supports|page)\b", @"^\s*(color|background(-color)?|margin|padding|font-(size|family|weight)|display|border|width|height|position|flex)\s*:\s*[^;]+;\s*$", @"@media\s", @"\b\d+(px|em|rem|vh|vw)\b");
        Add("CSS", 1, @"^\s*\}\s*$", @"#[0-9a-fA-F]{3,6}\b");
        Add("Kotlin", 4, @"^\s*fun \w+\(.*\)(\s*:\s*\w+[?<>\w]*)?\s*(\{|=)", @"\bdata class\b", @"\bcompanion object\b", @"^import kotlin(x)?\.", @"\?\.let\s*\{");
        Add("Kotlin", 2, @"^\s*val \w+(: \w+)? = ", @"^\s*var \w+: \w+", @"\bprintln\(", @"\bwhen \(\w+\) \{", @"\bfun main\(", @"\boverride fun\b", @"\blistOf\(|\bmapOf\(|\bmutableListOf\(");
        Add("Swift", 4, @"^import (Foundation|SwiftUI|UIKit)\s*$", @"\bguard let\b", @"\bif let \w+ =", @"^\s*func \w+\(.*\)(\s*->\s*\w+)?\s*\{", @"\bstruct \w+: View\b");
        Add("Swift", 2, @"^\s*let \w+(: \w+)? = ", @"^\s*var \w+: \w+", @"\bprint\(""", @"\\\(\w+\)", @"\b(\w+)\?\.\w+", @"->\s*\w+\s*\{");
        Add("Lua", 4, @"^\s*local \w+ = ", @"^\s*local function \w+", @"\bipairs\(|\bpairs\(", @"\b\w+ ~= \w+");
        Add("Lua", 2, @"^\s*end\)\s*$");
        Add("Lua", 2, @"^\s*function [\w.:]+\(.*\)\s*$", @"\bthen\s*$", @"\belseif\b", @"\.\. ?[""']|[""'] ?\.\.", @"\bnil\b");
        Add("Perl", 5, @"^use (strict|warnings);", @"^\s*my [\$@%]\w+", @"^\s*sub \w+ \{", @"\$_\b", @"=~ [ms]?/");
        Add("Perl", 4, @"^=(head[1-4]|item|over|back|cut|pod)\b", @"<<['""]?[A-Z_]+['""]?;\s*$");
        Add("Perl", 2, @"\bforeach my \$\w+", @"@ARGV", @"\bprint ""[^""]*\\n"";", @"\bchomp\(", @"^__END__$", @"\$\w+\{");
        Add("R", 5, @"^test_that\(""", @"\bexpect_(equal|identical|true|false|error|warning|message|null|s3_class|length|named|match|output|silent|success|failure|vector|snapshot)\(", @"\blibrary\(\w+\)", @"\bdata\.frame\(", @"%>%|\|>");
        Add("R", 5, @"\w+ <- ");
        Add("R", 3, @"\b(seq_along|seq_len|is\.null|stopifnot|vapply|setdiff|nchar|rnorm|getOption|suppressWarnings)\(", @"\w\[\[\w");
        Add("R", 2, @"\bfunction\(\w*(, \w+)*\) \{", @"\bc\(\d", @"\bggplot\(", @"\w\$\w+\b", @"\b(summary|head|nrow|ncol|paste0?|sapply|lapply|mean|sd)\(");
        Add("Haskell", 5, @"^module [\w.]+(\s*\([^()]*(\([^()]*\)[^()]*)*\))?\s*where\b", @"\{-#\s*[A-Z]+", @"^import (qualified )?Data\.", @"^\w+ :: [\w\[\]() ]+( -> [\w\[\]() ]+)*\s*$", @"^main = do\s*$", @"\bderiving \(");
        Add("Haskell", 2, @"\bputStrLn\b", @"^data \w+ = \w+", @"\bcase \w+ of\b", @"\blet \w+ = .+ in\b", @"^\s*where\s*$", @"\w+ <- \w+", @"\bMaybe \w+|\bJust \w+|\bNothing\b");
        Add("Scala", 4, @"^\s*object \w+( extends \w+)?\s*\{", @"\bcase class\b", @"^import scala\.", @"^\s*def \w+(\[.*\])?\(.*\)\s*:\s*[\w\[\]]+\s*=", @"\bimplicit\b");
        Add("Scala", 2, @"^\s*val \w+ = ", @"\w+ match \{", @"^\s*case \w+.* =>", @"\btrait \w+", @"\bprintln\(", @"\bSeq\(|\bList\(");
        Add("Markdown", 3, @"(\A|^[ \t]*\n)#{1,6} \S[^\n]*\n[ \t]*$", @"^```\w*\s*$", @"\[[^\]]+\]\([^)]+\)", @"^([-*+]| [-+]) \S", @"^\s*\d+\. \S", @"\*\*[^*]+\*\*", @"^> \S");
        Add("YAML", 3, @"^---\s*$", @"^[\w-]+:\s*$", @"^\s+[\w-]+:\s+\S", @"^\s*- [\w-]+:\s", @"^[\w-]+: [^{};]+$");
        Add("YAML", 1.5, @"^\s+- \S", @"^\s*#\s");
        Add("TeX", 6, @"^\s*\\documentclass(\[[^\]]*\])?\{", @"^\s*\\begin\{document\}");
        Add("TeX", 4, @"^\s*\\usepackage(\[[^\]]*\])?\{", @"\\begin\{(equation|align|itemize|enumerate|figure|table|tabular|theorem|proof|verbatim|center|description|abstract)\*?\}", @"\\(section|subsection|chapter|paragraph)\*?\{", @"^\s*\\(newcommand|renewcommand|def|input|include|label|item)\b");
        Add("TeX", 4, @"\\(ifx|endinput|expandafter|csname|endcsname|makeatletter|makeatother|relax)\b", @"\{\\(tt|bf|it|em|sc|sf|rm)\b");
        Add("TeX", 3, @"\\(begin|end)\{[a-zA-Z]+\*?\}", @"^\s*\\[a-zA-Z@]+(\[[^\]\n]*\])?\{");
        Add("TeX", 1.5, @"\\(ref|cite|emph|textbf|textit|frac|mathbf|mathrm|end)\{", @"^%");
        Add("XML", 8, @"\A\s*<\?xml version=");
        Add("XML", 4, @"\bxmlns(:\w+)?=""", @"<!\[CDATA\[");
        Add("XML", 2, @"<[\w:.-]+( [\w:.-]+=""[^""]*"")*\s*/>", @"</[\w-]+:[\w.-]+>", @"^\s*<[\w:.-]+( [^<>\n]*)?>[^<\n]*</[\w:.-]+>\s*$");
        Add("XML", 1.5, @"^\s*<[\w:.-]+( [\w:.-]+=""[^""]*"")*>\s*$", @"^\s*</[\w:.-]+>\s*$");
        Add("Makefile", 6, @"^\.PHONY\s*:", @"^[\w.%/$()-]+( [\w.%/$()-]+)*\s*::?( [^=\n]*)?\n\t\S");
        Add("Makefile", 3, @"\$\([A-Z_][A-Z0-9_]*\)", @"\$\$\w", @"\$\{(MAKE|MAKEFLAGS|CC|CFLAGS|LDFLAGS|\.OBJDIR|\.CURDIR|\.TARGET)\}");
        Add("Makefile", 3, @"\$\((CC|CXX|CFLAGS|CXXFLAGS|CPPFLAGS|LDFLAGS|LDLIBS|MAKE|RM|AR|INSTALL|DESTDIR|PREFIX|srcdir|MAKEFLAGS)\)", @"\$[@<^]", @"\$\((wildcard|patsubst|addprefix|addsuffix|foreach|shell|subst|filter|notdir|basename|dir) ", @"^[A-Za-z_][\w.]*\s*([:+?]|::)=");
        Add("Dockerfile", 6, @"^FROM [\w./:@${}-]+( AS \w+)?\s*$");
        Add("Dockerfile", 3, @"^(RUN|COPY|ADD|WORKDIR|ENV|EXPOSE|ENTRYPOINT|CMD|ARG|LABEL|USER|VOLUME|HEALTHCHECK|SHELL) ");
        Add("PowerShell", 5, @"\b(Get|Set|New|Remove|Write|Invoke|Test|Add|Import|Export|Start|Stop|Out|Select|Where|ForEach|Join|Split|ConvertTo|ConvertFrom)-[A-Z]\w+", @"^\s*\[CmdletBinding\(", @"\$PSScriptRoot|\$env:\w+|\$_\.\w+");
        Add("PowerShell", 3, @"^\s*param\s*\(", @"\[(string|int|bool|switch|Parameter|ValidateSet|hashtable|array)\b[^\]\n]*\]\s*\$\w+", @"\s-(eq|ne|lt|gt|le|ge|like|notlike|match|contains|and|or|not)\s", @"^\s*function [A-Z]\w+-[A-Z]\w+");
        return [.. table];
    }
}
