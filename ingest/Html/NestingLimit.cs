using System.Buffers;

namespace Corpus.Ingest.Html;

/// <summary>
/// A linear pre-pass that bounds how deep the HTML parser's stack of open elements grows. The parser
/// checks scopes by walking that stack for every block start tag, so a page of 40,000 nested
/// <c>div</c>s costs it 40,000² steps; AngleSharp's own <c>MaximumDepth</c> flattens the tree, not the
/// stack. The pre-pass tokenizes as the HTML tokenizer does (comments, raw text of <c>script</c>,
/// <c>style</c>, <c>textarea</c>, …, quoted attributes) and follows the tree builder's stack of open
/// elements closely enough (implied end tags of <c>p</c>, <c>li</c>, <c>dd</c>, table cells, …; end tags
/// that close nothing). A start tag that would open an element deeper than <see cref="MaxDepth"/>
/// levels below <c>body</c> is closed at once (<c>&lt;div class=x&gt;</c> becomes
/// <c>&lt;div class=x&gt;&lt;/div&gt;</c>) and its own end tag is dropped, so the element stays in the
/// tree, empty, and its text follows it inside the element at the limit; a <c>template</c> there is
/// dropped with its content (never rendered). Raw-text elements and void elements keep their tags.
/// A page that never goes deeper than the limit is returned as it is, the same string.
/// </summary>
internal static class NestingLimit
{
    /// <summary>
    /// Levels of elements below <c>body</c> past which start tags are closed where they open: four times
    /// the deepest of the 679 pages of trafilatura's evaluation set (63), and half of the parser's own tree
    /// limit (<see cref="HtmlDocuments.ParserMaxDepth"/>), which stays a backstop for what this pass under-counts.
    /// </summary>
    public const int MaxDepth = 256;

    [ThreadStatic]
    private static Scanner? t_scanner;

    /// <summary>
    /// <paramref name="html"/> with elements past <paramref name="maxDepth"/> levels closed where they open;
    /// the same string when no element is that deep.
    /// </summary>
    public static string Apply(string html, int maxDepth = MaxDepth)
    {
        ArgumentNullException.ThrowIfNull(html);
        var scanner = t_scanner ??= new Scanner();
        try
        {
            return scanner.Run(html, maxDepth);
        }
        finally
        {
            scanner.Reset();
        }
    }

    [Flags]
    private enum Kind
    {
        None = 0,

        /// <summary>Never on the stack of open elements.</summary>
        Void = 1 << 0,

        /// <summary>The HTML "special" category: ends the search of an "any other end tag".</summary>
        Special = 1 << 1,

        /// <summary>Bounds the default scope (applet, caption, html, table, td, th, marquee, object, template).</summary>
        Scope = 1 << 2,

        /// <summary>Start tag closes an open <c>p</c> in button scope.</summary>
        ClosesP = 1 << 3,

        /// <summary>Raw text or RCDATA content: the tokenizer reads to the matching end tag.</summary>
        RawText = 1 << 4,

        /// <summary>Formatting element: an end tag with a special element above it leaves the stack's depth as it is.</summary>
        Formatting = 1 << 5,

        /// <summary>h1 to h6.</summary>
        Heading = 1 << 6,

        /// <summary>Breaks out of SVG or MathML content.</summary>
        Breakout = 1 << 7,

        /// <summary>The start and end tags are ignored in body (html, head, body, frameset, frame).</summary>
        Ignored = 1 << 8,

        /// <summary>table, tbody, thead, tfoot, tr, td, th, caption, colgroup.</summary>
        Table = 1 << 9,

        /// <summary>An end tag that closes the element only when it is in scope (div, ul, section, …).</summary>
        ClosedInScope = 1 << 10,
    }

    /// <summary>A tag name, lower-cased, with what the tree builder makes of it and where elements of it are open.</summary>
    private sealed class TagName(string text, Kind kind)
    {
        public string Text { get; } = text;

        public Kind Kind { get; } = kind;

        /// <summary>Stack positions of the open HTML elements of this name, the innermost last.</summary>
        public List<int> Html { get; } = [];

        /// <summary>Stack positions of the open SVG or MathML elements of this name, the innermost last.</summary>
        public List<int> Foreign { get; } = [];

        /// <summary>Elements of this name closed past the limit whose end tags are still to come.</summary>
        public int Closed { get; set; }

        public bool IsIntegrationPoint => Text is "foreignobject" or "desc" or "title" or "mi" or "mo" or "mn" or "ms" or "mtext" or "annotation-xml";

        public override string ToString() => Text;
    }

    private readonly record struct Open(TagName Name, bool Foreign)
    {
        public Kind Kind => Name.Kind;
    }

    private sealed class Scanner
    {
        private static readonly Dictionary<string, Kind> Kinds = BuildKinds();

        private static readonly SearchValues<char> TagNameEnd = SearchValues.Create("\t\n\f\r />");

        private static readonly SearchValues<char> AttributeNameEnd = SearchValues.Create("\t\n\f\r />=");

        private static readonly SearchValues<char> UnquotedValueEnd = SearchValues.Create("\t\n\f\r >");

        private static readonly SearchValues<char> Spaces = SearchValues.Create("\t\n\f\r ");

        private readonly List<Open> _stack = [];
        private readonly List<int> _special = [];
        private readonly List<int> _scope = [];
        private readonly List<int> _buttons = [];
        private readonly List<int> _lists = [];
        private readonly List<int> _tableScope = [];
        private readonly List<int> _liBarrier = [];
        private readonly List<int> _htmlOpen = [];
        private readonly List<TagName> _closed = [];
        private readonly Dictionary<string, TagName> _names = new(StringComparer.Ordinal);
        private readonly TagName _p;
        private readonly TagName _li;
        private readonly TagName _dd;
        private readonly TagName _dt;
        private readonly TagName _td;
        private readonly TagName _th;
        private readonly TagName _tr;
        private readonly TagName _tbody;
        private readonly TagName _thead;
        private readonly TagName _tfoot;
        private readonly TagName _table;
        private readonly TagName _select;
        private readonly TagName _template;
        private readonly TagName _form;
        private readonly TagName _button;
        private readonly TagName[] _headings;
        private char[] _nameBuffer = new char[64];
        /// <summary>
        /// The rewritten page as pieces, in order: a slice of the page (<c>Start</c>, <c>Length</c>) or, where
        /// <c>CloseTag</c> is set, the end tag of that name. Built into one string at the end, at its exact
        /// length: the rewrite costs one copy of the page, not a builder's and then its string's.
        /// </summary>
        private readonly List<(int Start, int Length, string? CloseTag)> _pieces = [];
        private bool _edited;
        private string _page = string.Empty;
        private int _copied;
        private int _maxDepth;
        private bool _noQuirks;

        public Scanner()
        {
            Seed();
            _p = _names["p"];
            _li = _names["li"];
            _dd = _names["dd"];
            _dt = _names["dt"];
            _td = _names["td"];
            _th = _names["th"];
            _tr = _names["tr"];
            _tbody = _names["tbody"];
            _thead = _names["thead"];
            _tfoot = _names["tfoot"];
            _table = _names["table"];
            _select = _names["select"];
            _template = _names["template"];
            _form = _names["form"];
            _button = _names["button"];
            _headings = [.. new[] { "h1", "h2", "h3", "h4", "h5", "h6" }.Select(h => _names[h])];
        }

        public void Reset()
        {
            foreach (var open in _stack)
            {
                open.Name.Html.Clear();
                open.Name.Foreign.Clear();
            }

            foreach (var closed in _closed)
            {
                closed.Closed = 0;
            }

            _stack.Clear();
            _special.Clear();
            _scope.Clear();
            _buttons.Clear();
            _lists.Clear();
            _tableScope.Clear();
            _liBarrier.Clear();
            _htmlOpen.Clear();
            _closed.Clear();
            _pieces.Clear();
            if (_pieces.Capacity > 4096)
            {
                _pieces.Capacity = 4096;
            }

            _edited = false;
            _page = string.Empty;
            if (_names.Count > 4096)
            {
                // Names met on earlier pages: keep the known ones (the fields point at them), let the rest go.
                foreach (var name in _names.Values.Where(n => !Kinds.ContainsKey(n.Text) && n.Text is not "svg" and not "math").ToList())
                {
                    _names.Remove(name.Text);
                }
            }

            if (_nameBuffer.Length > 4096)
            {
                _nameBuffer = new char[64];
            }
        }

        private void Seed()
        {
            foreach (var (text, kind) in Kinds)
            {
                _names[text] = new TagName(text, kind);
            }
        }

        public string Run(string html, int maxDepth)
        {
            _page = html;
            _copied = 0;
            _maxDepth = Math.Max(1, maxDepth);
            _noQuirks = false;
            var i = 0;
            while (i < html.Length)
            {
                var lt = html.AsSpan(i).IndexOf('<');
                if (lt < 0)
                {
                    break;
                }

                i += lt;
                i = Markup(i);
            }

            if (!_edited)
            {
                return html;
            }

            Output(html.Length);
            return Assemble();
        }

        private string Assemble()
        {
            long length = 0;
            foreach (var (_, count, closeTag) in _pieces)
            {
                length += closeTag is null ? count : closeTag.Length + 3;
            }

            if (length > Array.MaxLength)
            {
                throw new InvalidDataException($"the page with its nesting limited would be {length:N0} characters long");
            }

            return string.Create((int)length, this, static (destination, scanner) =>
            {
                var page = scanner._page.AsSpan();
                foreach (var (start, count, closeTag) in scanner._pieces)
                {
                    if (closeTag is null)
                    {
                        page.Slice(start, count).CopyTo(destination);
                        destination = destination[count..];
                    }
                    else
                    {
                        destination[0] = '<';
                        destination[1] = '/';
                        closeTag.CopyTo(destination[2..]);
                        destination[closeTag.Length + 2] = '>';
                        destination = destination[(closeTag.Length + 3)..];
                    }
                }
            });
        }

        /// <summary>Reads the markup at <paramref name="at"/> (a '&lt;') and returns where text resumes.</summary>
        private int Markup(int at)
        {
            var s = _page;
            var next = at + 1 < s.Length ? s[at + 1] : '\0';
            if (char.IsAsciiLetter(next))
            {
                return StartTag(at);
            }

            if (next == '/')
            {
                var after = at + 2 < s.Length ? s[at + 2] : '\0';
                if (char.IsAsciiLetter(after))
                {
                    return EndTag(at);
                }

                if (after == '>')
                {
                    return at + 3;
                }

                return at + 2 >= s.Length ? s.Length : BogusComment(at + 2);
            }

            if (next == '!')
            {
                return Declaration(at);
            }

            if (next == '?')
            {
                return BogusComment(at + 2);
            }

            return at + 1; // a '<' in text
        }

        private int BogusComment(int from)
        {
            var gt = _page.AsSpan(from).IndexOf('>');
            return gt < 0 ? _page.Length : from + gt + 1;
        }

        private int Declaration(int at)
        {
            var s = _page.AsSpan();
            var rest = s[(at + 2)..];
            if (rest.StartsWith("--"))
            {
                var body = at + 4;
                if (body < s.Length && s[body] == '>')
                {
                    return body + 1; // <!-->
                }

                if (body + 1 < s.Length && s[body] == '-' && s[body + 1] == '>')
                {
                    return body + 2; // <!--->
                }

                for (var j = body; j < s.Length;)
                {
                    var dash = s[j..].IndexOf("--");
                    if (dash < 0)
                    {
                        return s.Length;
                    }

                    j += dash + 2;
                    while (j < s.Length && s[j] == '-')
                    {
                        j++;
                    }

                    if (j < s.Length && s[j] == '>')
                    {
                        return j + 1;
                    }

                    if (j + 1 < s.Length && s[j] == '!' && s[j + 1] == '>')
                    {
                        return j + 2;
                    }
                }

                return s.Length;
            }

            if (rest.StartsWith("[CDATA[") && _stack.Count > 0 && _stack[^1].Foreign)
            {
                var end = rest.IndexOf("]]>");
                return end < 0 ? s.Length : at + 2 + end + 3;
            }

            if (rest.StartsWith("doctype", StringComparison.OrdinalIgnoreCase))
            {
                var end = BogusComment(at + 2);
                var doctype = s[(at + 9)..end].TrimEnd('>').Trim();
                _noQuirks = doctype.StartsWith("html", StringComparison.OrdinalIgnoreCase);
                return end;
            }

            return BogusComment(at + 2);
        }

        /// <summary>Reads a tag's name and attributes; returns the index after its '&gt;' and whether it ends with "/&gt;".</summary>
        private (TagName Name, int End, bool SelfClosing) ReadTag(int nameStart)
        {
            var s = _page.AsSpan();
            var nameLength = s[nameStart..].IndexOfAny(TagNameEnd);
            if (nameLength < 0)
            {
                nameLength = s.Length - nameStart;
            }

            var name = Intern(s.Slice(nameStart, nameLength));
            var i = SkipSpaces(s, nameStart + nameLength);
            var selfClosing = false;
            while (i < s.Length)
            {
                var c = s[i];
                if (c == '>')
                {
                    return (name, i + 1, selfClosing);
                }

                if (c == '/')
                {
                    selfClosing = i + 1 < s.Length && s[i + 1] == '>';
                    i = SkipSpaces(s, i + 1);
                    continue;
                }

                // An attribute name: up to whitespace, '/', '>' or '=' (a leading '=' belongs to it).
                selfClosing = false;
                i = Find(s, i + 1, AttributeNameEnd);
                i = SkipSpaces(s, i);
                if (i >= s.Length || s[i] != '=')
                {
                    continue;
                }

                i = SkipSpaces(s, i + 1);
                if (i < s.Length && s[i] is '"' or '\'')
                {
                    var close = s[(i + 1)..].IndexOf(s[i]);
                    i = close < 0 ? s.Length : i + 1 + close + 1;
                }
                else
                {
                    i = Find(s, i, UnquotedValueEnd);
                }

                i = SkipSpaces(s, i);
            }

            return (name, s.Length, selfClosing);
        }

        private static int SkipSpaces(ReadOnlySpan<char> s, int from)
        {
            var k = from < s.Length ? s[from..].IndexOfAnyExcept(Spaces) : -1;
            return k < 0 ? s.Length : from + k;
        }

        private static int Find(ReadOnlySpan<char> s, int from, SearchValues<char> stops)
        {
            var k = from < s.Length ? s[from..].IndexOfAny(stops) : -1;
            return k < 0 ? s.Length : from + k;
        }

        private TagName Intern(ReadOnlySpan<char> raw)
        {
            if (_nameBuffer.Length < raw.Length)
            {
                _nameBuffer = new char[Math.Max(raw.Length, _nameBuffer.Length * 2)];
            }

            var lower = _nameBuffer.AsSpan(0, raw.Length);
            for (var k = 0; k < raw.Length; k++)
            {
                var c = raw[k];
                lower[k] = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
            }

            var lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(lower, out var name))
            {
                var text = new string(lower);
                _names[text] = name = new TagName(text, Kind.None);
            }

            return name;
        }

        private int StartTag(int at)
        {
            var (name, end, selfClosing) = ReadTag(at + 1);
            var kind = name.Kind;
            var foreign = ForeignContext();
            if (foreign && (kind & Kind.Breakout) != 0)
            {
                while (_stack.Count > 0 && _stack[^1].Foreign && !_stack[^1].Name.IsIntegrationPoint)
                {
                    Pop();
                }

                foreign = ForeignContext();
            }

            if (foreign)
            {
                if (!selfClosing)
                {
                    PushOrClose(name, foreign: true, end);
                }

                return end;
            }

            if (name.Text is "svg" or "math")
            {
                if (!selfClosing)
                {
                    PushOrClose(name, foreign: true, end);
                }

                return end;
            }

            if ((kind & Kind.RawText) != 0)
            {
                if (name.Text == "xmp")
                {
                    CloseP();
                }

                return RawTextEnd(name.Text, end);
            }

            if (name.Text == "plaintext")
            {
                return _page.Length; // the rest of the page is text
            }

            if ((kind & (Kind.Ignored | Kind.Void)) != 0)
            {
                if (name.Text == "hr")
                {
                    CloseP();
                }

                return end;
            }

            if (!Implied(name))
            {
                return end;
            }

            if (name == _template && _stack.Count >= _maxDepth)
            {
                return DropTemplate(at, end);
            }

            PushOrClose(name, foreign: false, end);
            return end;
        }

        /// <summary>The end tags a start tag implies; false when the tree builder ignores the start tag.</summary>
        private bool Implied(TagName name)
        {
            if (InSelect() && name.Text is not "option" and not "optgroup" and not "select" and not "input" and not "keygen"
                and not "textarea" and not "template")
            {
                return false;
            }

            switch (name.Text)
            {
                case "li":
                    var li = Top(_li.Html);
                    PopTo(li > Math.Max(Top(_liBarrier), Math.Max(Top(_dd.Html), Top(_dt.Html))) ? li : -1);
                    break;
                case "dd" or "dt":
                    var item = Math.Max(Top(_dd.Html), Top(_dt.Html));
                    PopTo(item > Math.Max(Top(_liBarrier), Top(_li.Html)) ? item : -1);
                    break;
                case "button":
                    PopTo(InScope(_button, Top(_scope)));
                    break;
                case "a" or "nobr":
                    var open = Top(name.Html);
                    if (open > Top(_scope) && open > Top(_special))
                    {
                        PopTo(open);
                    }

                    break;
                case "form" when Top(_form.Html) >= 0 && Top(_template.Html) < 0:
                    return false;
                case "option":
                    PopIfCurrent("option");
                    break;
                case "optgroup":
                    PopIfCurrent("option");
                    PopIfCurrent("optgroup");
                    break;
                case "select":
                    var select = Top(_select.Html);
                    if (select >= 0 && select > Top(_scope))
                    {
                        PopTo(select);
                        return false;
                    }

                    break;
                case "input" or "keygen" or "textarea" when InSelect():
                    PopTo(Top(_select.Html));
                    break;
                case "td" or "th":
                    PopTo(InTableScope(Math.Max(Top(_td.Html), Top(_th.Html))));
                    break;
                case "tr":
                    PopTo(InTableScope(Math.Max(Top(_td.Html), Top(_th.Html))));
                    PopTo(InTableScope(Top(_tr.Html)));
                    break;
                case "tbody" or "thead" or "tfoot":
                    PopTo(InTableScope(Math.Max(Top(_td.Html), Top(_th.Html))));
                    PopTo(InTableScope(Top(_tr.Html)));
                    PopTo(InTableScope(Math.Max(Top(_tbody.Html), Math.Max(Top(_thead.Html), Top(_tfoot.Html)))));
                    break;
                case "table" when _stack.Count > 0 && _stack[^1].Name.Text is "table" or "tbody" or "thead" or "tfoot" or "tr":
                    PopTo(Top(_table.Html));
                    break;
                case "rb" or "rp" or "rt" or "rtc":
                    PopIfCurrent("rb");
                    PopIfCurrent("rp");
                    PopIfCurrent("rt");
                    if (name.Text is "rb" or "rtc")
                    {
                        PopIfCurrent("rtc");
                    }

                    break;
            }

            if ((name.Kind & Kind.ClosesP) != 0 && (name != _table || _noQuirks))
            {
                CloseP();
            }

            if ((name.Kind & Kind.Heading) != 0 && _stack.Count > 0 && (_stack[^1].Kind & Kind.Heading) != 0 && !_stack[^1].Foreign)
            {
                Pop();
            }

            return true;
        }

        private int EndTag(int at)
        {
            var (name, end, _) = ReadTag(at + 2);
            if (name.Closed > 0)
            {
                // The end tag of an element closed where it opened, past the limit: drop it.
                while (true)
                {
                    var last = _closed[^1];
                    _closed.RemoveAt(_closed.Count - 1);
                    last.Closed--;
                    if (last == name)
                    {
                        break;
                    }
                }

                Cut(at, end);
                return end;
            }

            if (_stack.Count > 0 && _stack[^1].Foreign)
            {
                // Foreign content (integration points included: they change how start tags read, not end tags).
                var foreignTop = Top(name.Foreign);
                if (foreignTop >= 0 && foreignTop > Top(_htmlOpen))
                {
                    PopTo(foreignTop);
                    return end;
                }
            }

            var kind = name.Kind;
            if ((kind & (Kind.Ignored | Kind.Void)) != 0)
            {
                return end;
            }

            var top = Top(name.Html);
            switch (name.Text)
            {
                case "p":
                    PopTo(InScope(_p, Math.Max(Top(_scope), Top(_buttons))));
                    return end;
                case "li":
                    PopTo(InScope(_li, Math.Max(Top(_scope), Top(_lists))));
                    return end;
                case "option" or "optgroup":
                    PopIfCurrent(name.Text);
                    return end;
                case "form":
                    PopIfCurrent("form");
                    return end;
                case "select" or "template":
                    PopTo(top);
                    return end;
            }

            if ((kind & Kind.Heading) != 0)
            {
                var heading = -1;
                foreach (var h in _headings)
                {
                    heading = Math.Max(heading, Top(h.Html));
                }

                PopTo(heading > Top(_scope) ? heading : -1);
            }
            else if ((kind & Kind.Table) != 0)
            {
                PopTo(InTableScope(top));
            }
            else if ((kind & Kind.ClosedInScope) != 0)
            {
                PopTo(InScope(name, Top(_scope)));
            }
            else if ((kind & Kind.Formatting) != 0)
            {
                // Without a special element above it the adoption agency pops it; with one, it moves
                // elements around and the stack keeps its depth.
                if (top > Top(_scope) && top > Top(_special))
                {
                    PopTo(top);
                }
            }
            else if (top >= 0 && top >= Top(_special))
            {
                PopTo(top); // any other end tag: the nearest open element of that name, unless a special one is nearer
            }

            return end;
        }

        /// <summary>The start tag opens an element, or, at the limit, an element closed where it opens.</summary>
        private void PushOrClose(TagName name, bool foreign, int end)
        {
            if (_stack.Count < _maxDepth)
            {
                Push(name, foreign);
                return;
            }

            Output(end);
            _pieces.Add((0, 0, name.Text));
            _closed.Add(name);
            name.Closed++;
        }

        /// <summary>A template past the limit: dropped with its content (a template is never rendered).</summary>
        private int DropTemplate(int at, int end)
        {
            var s = _page;
            var nesting = 1;
            var i = end;
            while (i < s.Length && nesting > 0)
            {
                var lt = s.AsSpan(i).IndexOf('<');
                if (lt < 0)
                {
                    i = s.Length;
                    break;
                }

                i += lt;
                var isEnd = i + 1 < s.Length && s[i + 1] == '/';
                var nameStart = i + (isEnd ? 2 : 1);
                if (nameStart < s.Length && char.IsAsciiLetter(s[nameStart]))
                {
                    var (name, tagEnd, _) = ReadTag(nameStart);
                    nesting += name != _template ? 0 : isEnd ? -1 : 1;
                    i = (name.Kind & Kind.RawText) != 0 && !isEnd ? RawTextEnd(name.Text, tagEnd) : tagEnd;
                }
                else
                {
                    i = Markup(i);
                }
            }

            Cut(at, i);
            return i;
        }

        /// <summary>Where the raw text of <paramref name="name"/> ends: after its end tag, or at the end of the page.</summary>
        private int RawTextEnd(string name, int from)
        {
            var s = _page.AsSpan();
            var i = from;
            var escaped = 0; // script data: 0 plain, 1 escaped (after "<!--"), 2 double escaped
            while (i < s.Length)
            {
                var lt = s[i..].IndexOfAny('<', '-');
                if (lt < 0)
                {
                    return s.Length;
                }

                i += lt;
                if (s[i] == '-')
                {
                    if (escaped > 0 && s[i..].StartsWith("-->"))
                    {
                        escaped = 0;
                        i += 3;
                    }
                    else
                    {
                        i++;
                    }

                    continue;
                }

                var rest = s[(i + 1)..];
                if (name == "script" && escaped == 0 && rest.StartsWith("!--"))
                {
                    escaped = 1;
                    i += 4;
                    if (i < s.Length && s[i] == '>')
                    {
                        escaped = 0; // <!--> leaves the escape at once
                    }
                    else if (s[i..].StartsWith("->"))
                    {
                        escaped = 0;
                    }

                    continue;
                }

                if (name == "script" && escaped == 1 && rest.Length > 6 && rest.StartsWith("script", StringComparison.OrdinalIgnoreCase)
                    && IsTagNameEnd(rest[6]))
                {
                    escaped = 2;
                    i += 7;
                    continue;
                }

                if (rest.Length > name.Length && rest[0] == '/' && rest[1..].StartsWith(name, StringComparison.OrdinalIgnoreCase)
                    && (rest.Length == name.Length + 1 || IsTagNameEnd(rest[name.Length + 1])))
                {
                    if (escaped == 2)
                    {
                        escaped = 1;
                        i += 2 + name.Length;
                        continue;
                    }

                    return ReadTag(i + 2).End;
                }

                i++;
            }

            return s.Length;
        }

        private static bool IsTagNameEnd(char c) => c is '\t' or '\n' or '\f' or '\r' or ' ' or '/' or '>';

        /// <summary>Takes the page up to <paramref name="upTo"/> into the rewrite, from where it last stopped.</summary>
        private void Output(int upTo)
        {
            _edited = true;
            if (upTo > _copied)
            {
                _pieces.Add((_copied, upTo - _copied, null));
            }

            _copied = upTo;
        }

        /// <summary>Leaves out <c>[from, to)</c> of the page.</summary>
        private void Cut(int from, int to)
        {
            Output(from);
            _copied = to;
        }

        private void CloseP()
        {
            PopTo(InScope(_p, Math.Max(Top(_scope), Top(_buttons))));
        }

        private static int InScope(TagName name, int boundary)
        {
            var top = Top(name.Html);
            return top > boundary ? top : -1;
        }

        private int InTableScope(int position) => position > Top(_tableScope) ? position : -1;

        private void PopIfCurrent(string name)
        {
            if (_stack.Count > 0 && !_stack[^1].Foreign && _stack[^1].Name.Text == name)
            {
                Pop();
            }
        }

        private bool InSelect() =>
            _stack.Count > 0 && !_stack[^1].Foreign && _stack[^1].Name.Text is "select" or "option" or "optgroup"
            && Top(_select.Html) > Top(_scope);

        private bool ForeignContext() => _stack.Count > 0 && _stack[^1].Foreign && !_stack[^1].Name.IsIntegrationPoint;

        private static int Top(List<int> positions) => positions.Count == 0 ? -1 : positions[^1];

        private void Push(TagName name, bool foreign)
        {
            var position = _stack.Count;
            _stack.Add(new Open(name, foreign));
            (foreign ? name.Foreign : name.Html).Add(position);
            if (foreign)
            {
                if (name.IsIntegrationPoint)
                {
                    _scope.Add(position);
                    _special.Add(position);
                    _liBarrier.Add(position);
                }

                return;
            }

            _htmlOpen.Add(position);
            if ((name.Kind & Kind.Special) != 0)
            {
                _special.Add(position);
                if (name.Text is not "address" and not "div" and not "p" and not "li" and not "dd" and not "dt")
                {
                    _liBarrier.Add(position);
                }
            }

            if ((name.Kind & Kind.Scope) != 0)
            {
                _scope.Add(position);
            }

            if (name == _button)
            {
                _buttons.Add(position);
            }

            if (name.Text is "ol" or "ul")
            {
                _lists.Add(position);
            }

            if (name == _table || name == _template)
            {
                _tableScope.Add(position);
            }
        }

        private void Pop()
        {
            var position = _stack.Count - 1;
            var open = _stack[position];
            _stack.RemoveAt(position);
            var list = open.Foreign ? open.Name.Foreign : open.Name.Html;
            list.RemoveAt(list.Count - 1);
            foreach (var bookkeeping in (ReadOnlySpan<List<int>>)[_special, _scope, _buttons, _lists, _tableScope, _liBarrier, _htmlOpen])
            {
                if (bookkeeping.Count > 0 && bookkeeping[^1] == position)
                {
                    bookkeeping.RemoveAt(bookkeeping.Count - 1);
                }
            }

            // Elements closed past the limit sat inside the element now closed.
            if (_closed.Count > 0)
            {
                foreach (var closed in _closed)
                {
                    closed.Closed = 0;
                }

                _closed.Clear();
            }
        }

        /// <summary>Pops elements until the one at <paramref name="position"/> is popped; nothing when it is negative.</summary>
        private void PopTo(int position)
        {
            if (position < 0)
            {
                return;
            }

            while (_stack.Count > position)
            {
                Pop();
            }
        }

        private static Dictionary<string, Kind> BuildKinds()
        {
            var kinds = new Dictionary<string, Kind>(StringComparer.Ordinal);

            void Add(Kind kind, params string[] names)
            {
                foreach (var n in names)
                {
                    kinds[n] = kinds.GetValueOrDefault(n) | kind;
                }
            }

            Add(Kind.Void, "area", "base", "basefont", "bgsound", "br", "col", "embed", "hr", "img", "image", "input", "keygen",
                "link", "meta", "param", "source", "track", "wbr");
            Add(Kind.Ignored, "html", "head", "body", "frameset", "frame");
            Add(Kind.RawText, "script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title");
            Add(Kind.Special, "address", "applet", "article", "aside", "blockquote", "button", "caption", "center", "colgroup",
                "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
                "h3", "h4", "h5", "h6", "header", "hgroup", "li", "listing", "main", "marquee", "menu", "nav", "noscript",
                "object", "ol", "p", "pre", "search", "section", "select", "summary", "table", "tbody", "td", "template", "tfoot",
                "th", "thead", "tr", "ul");
            Add(Kind.Scope, "applet", "caption", "table", "td", "th", "marquee", "object", "template");
            Add(Kind.ClosesP, "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
                "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "search",
                "section", "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "listing", "form", "table", "li", "dd", "dt");
            Add(Kind.Formatting, "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u");
            Add(Kind.Heading, "h1", "h2", "h3", "h4", "h5", "h6");
            Add(Kind.Table, "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "colgroup");
            Add(Kind.ClosedInScope, "address", "applet", "article", "aside", "blockquote", "button", "center", "details", "dialog",
                "dir", "div", "dl", "dd", "dt", "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "listing", "main",
                "marquee", "menu", "nav", "object", "ol", "pre", "search", "section", "summary", "ul");
            Add(Kind.Breakout, "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed",
                "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p",
                "pre", "ruby", "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var");
            return kinds;
        }
    }
}
