namespace Corpus.Tokenizer.Tests;

/// <summary>Source code and adversarial strings the tokenizer must encode exactly as Hugging Face does.</summary>
internal static class Samples
{
    public static readonly IReadOnlyDictionary<string, string> SourceCode = new Dictionary<string, string>
    {
        ["csharp"] = """
            using System;
            namespace Demo;

            public static class Program
            {
                private static readonly int[] _values = [1, 22, 333, 4444];

                public static async Task<int> Main(string[] args)
                {
                    if (args is not { Length: > 0 }) { Console.Error.WriteLine("usage: demo <file>"); return 2; }
                    var total = _values.Where(v => v % 2 == 0).Sum();   // => 4466
                    Console.WriteLine($"total={total,8:N0} \t done\u00e9");
                    await Task.Delay(TimeSpan.FromMilliseconds(1.5e2));
                    return total >= 0x7FFF_FFFF ? -1 : 0;
                }
            }
            """,
        ["python-tabs"] = "import os, sys\n\ndef walk(root: str) -> list[str]:\n\t\"\"\"Yield files.\"\"\"\n\tout = []\n\tfor d, _, fs in os.walk(root):\n\t\tfor f in fs:\n\t\t\tif f.endswith(('.py', '.pyi')):\n\t\t\t\tout.append(os.path.join(d, f))  # noqa: E501\n\treturn out\n\n\nif __name__ == \"__main__\":\n    print(len(walk(sys.argv[1])), file=sys.stderr)\n",
        ["json"] = "{\r\n  \"name\": \"corpus\",\r\n  \"version\": \"1.0.0-beta.2\",\r\n  \"nested\": {\"a\": [1, 2.5, -3e-7, null, true], \"b\": \"\\u00e9\\n\\t\"},\r\n    \"emptyObj\": {}, \"emptyArr\": []\r\n}\r\n",
        ["shell-crlf"] = "#!/usr/bin/env bash\r\nset -euo pipefail\r\nfor f in \"$@\"; do\r\n\tif [[ -s \"$f\" ]]; then\r\n\t\techo \"${f##*/}: $(wc -l < \"$f\")\" >&2\r\n\tfi\r\ndone\r\n\r\n\r\nexit 0\r\n",
        ["html"] = "<!doctype html>\n<html lang=\"en\">\n  <body>\n    <p class='x'>Tom&amp;Jerry &nbsp; &#x1F600;</p>\n  </body>\n</html>\n",
        ["indentation"] = "a\n    b\n        c\n            d\n\n\n\n  \n \n\t \t\n    e    \n",
    };

    public static readonly IReadOnlyDictionary<string, string> Adversarial = new Dictionary<string, string>
    {
        ["empty"] = "",
        ["single space"] = " ",
        ["emoji zwj family"] = "family: \U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466 and \U0001F3F3\uFE0F\u200D\U0001F308!",
        ["flags"] = "\U0001F1FA\U0001F1F8\U0001F1E9\U0001F1EA\U0001F1EF\U0001F1F5 flags\U0001F1EB\U0001F1F7",
        ["skin tones"] = "\U0001F44D\U0001F3FB\U0001F44D\U0001F3FF \U0001F9D1\U0001F3FD\u200D\U0001F4BB ok\U0001F44B\U0001F3FC",
        ["emoji between letters"] = "a\U0001F600b c\U0001F600 \U0001F600d 1\U0001F6002",
        ["astral letters and digits"] = "\U0001D400\U0001D401 \U00020000\U00020001x \U0001D7CE\U0001D7CF9 \U00010400\U00010428",
        ["combining decomposed"] = "Cafe\u0301 cre\u0300me bru\u0302le\u0301e, \u0041\u030A \u1100\u1161\u11A8 n\u0303 o\u0308\u0304 \u212B",
        ["combining stacked"] = "Z\u0351\u036B\u0343\u036A\u0302\u036B\u033D\u034F\u0334\u0319\u0324\u031E\u0349\u035A\u032F\u031E\u0320\u034DA\u036B\u0357",
        ["lone cr"] = "line one\rline two\r\rthree \r four",
        ["crlf"] = "a\r\nb\r\n\r\nc \r\n d\r\n",
        ["odd whitespace"] = "a\u00A0b\u2028c\u3000d\te\u000Bf\u000Cg\u0085h\u2029i\u1680j\u2000k\u200Al\u202Fm\u205Fn\u180Eo\u200Bp\uFEFFq",
        ["whitespace runs"] = "  \t\t  x  \u00A0\u00A0 y \u3000\u3000\n\n  \n\t z   ",
        ["digit runs"] = "1234567890 3.14159 1,000,000 2024-01-01 ٠١٢٣٤٥٦٧٨٩ ۱۲۳ १२३ １２３４５ ①②③ ⅣⅫ ¹²³ ½",
        ["capital contractions"] = "DON'T I'M WE'LL THEY'VE IT'S SHE'D YOU'RE don't i'm we'll they've it's 'S 'T 'RE 'Ve 'lL",
        ["odd contractions"] = "'ſ 'K 'ſt x'ſ ’s ‘t 'x '' ''' 's's",
        ["mixed scripts"] = "English Ελληνικά Русский עברית العربية हिन्दी 한국어 日本語 中文 ქართული Հայերեն ትግርኛ",
        ["cjk"] = "人人生而自由，在尊严和权利上一律平等。他们赋有理性和良心，并应以兄弟关系的精神相对待。「引用」『書名』",
        ["thai"] = "มนุษย์ทั้งหลายเกิดมามีอิสระและเสมอภาคกันในเกียรติศักดิ์และสิทธิ ต่างมีเหตุผลและมโนธรรม",
        ["punctuation clusters"] = "Wait...what?!?! (yes) [no] {maybe} <tag/> a--b a—b «quote» „Anführung“ ‘single’ #hash @at $5 ¥6 €7",
        ["url and path"] = "https://example.com/a/b?c=d&e=f#g C:\\Users\\x\\file.txt ~/.config/.cache/x.y.z",
        ["control chars"] = "a\u0000b\u0001c\u001Fd\u007Fe\u0080f\u009Fg",
        ["private use and unassigned"] = "\uE000\uF8FF\U000F0000 \u0378\u0379 \U0010FFFD\uFFFD",
        ["newline mixes"] = "a \n\n b\n \n\t\nc\r\n\r\n d \r \n",
        ["trailing spaces"] = "word     ",
        ["leading spaces"] = "     word",
        ["long digit run"] = new string('7', 5000),
        ["long whitespace run"] = new string(' ', 3000) + "x" + new string('\n', 200) + new string('\t', 300),
        ["repeated word"] = string.Concat(Enumerable.Repeat("the quick brown fox ", 500)),
        ["apostrophe letters"] = "l'homme d'État O'Neill rock'n'roll '90s",
    };

    /// <summary>Text with added-token strings, as chat templates and scraped pages contain them.</summary>
    public static readonly IReadOnlyDictionary<string, string> WithAddedTokens = new Dictionary<string, string>
    {
        ["endoftext"] = "before<|endoftext|>after",
        ["endoftext alone"] = "<|endoftext|>",
        ["chat"] = "<|im_start|>system\nYou are helpful.<|im_end|>\n<|im_start|>user\nHi <think>!</think><|im_end|>\n",
        ["think"] = "<think>\nreasoning here\n</think>\n\nanswer",
        ["adjacent"] = "<|im_end|><|im_start|><|endoftext|><think></think>",
        ["spaced"] = "  <|endoftext|>  x <think> y ",
        ["partial"] = "<|endoftext| <|endoftext <|im_start|<|im_start|> <thin <think",
        ["tool"] = "<tool_call>\n{\"name\": \"f\"}\n</tool_call><tool_response>ok</tool_response>",
        ["vision"] = "<|vision_start|><|image_pad|><|image_pad|><|vision_end|>describe",
        ["fim"] = "<|fim_prefix|>def f():\n    <|fim_suffix|>\n    return 1<|fim_middle|>",
        ["web page"] = "<p>The token &lt;|endoftext|&gt; or <|endoftext|> appears in this page.</p>",
    };
}
