using System.Text.Json;

namespace Corpus.Filters.Languages.Training;

/// <summary>
/// Reads MediaWiki's interface messages as Debian's <c>mediawiki</c> package ships them
/// (<c>usr/share/mediawiki/**/i18n/**/CODE.json</c>: the core's, its bundled extensions' and skins'),
/// translated at translatewiki.net into some 500 languages and dialects, several of them (Arabic
/// dialects, Awadhi, Lombard, Pangasinan) found nowhere else in the registries. One message folder
/// at a time: a translation equal to the folder's English one (<c>en.json</c>) is dropped, and so is
/// a translation that another language's file in the folder has word for word (a dialect copying its
/// standard language's message, two neighbours sharing a term: such text teaches neither apart).
/// The message documentation (<c>qqq</c>), Serbo-Croatian (<c>sh</c>: neither Serbian, Croatian nor
/// Bosnian), Kurmanji in Arabic script and the Han-script text of Chinese varieties other than
/// Mandarin and Cantonese are not read. Folders and files are read in ordinal order; linked folders
/// are not followed.
/// </summary>
internal static class MediaWikiMessages
{
    /// <summary>Where MediaWiki lies, relative to the package root.</summary>
    public const string MediaWikiDir = "usr/share/mediawiki";

    private static readonly HashSet<string> NotTaken = new(["qqq", "sh", "sh-latn", "ku-arab"], StringComparer.Ordinal);

    // Codes whose Han-script text is taken; the Chinese varieties' (gan, wuu, hak, cdo, nan, cpx, lzh)
    // and the undivided "zh" (mixed scripts) are not.
    private static readonly HashSet<string> HanCodes = new(["zh-hans", "zh-hant", "zh-hk", "zh-tw", "zh-mo", "zh-cn", "zh-sg", "zh-my", "yue", "yue-hant", "yue-hans"], StringComparer.Ordinal);

    /// <summary>
    /// The messages of every taken language code (English as <c>en</c>), in ordinal code order,
    /// converted to plain text (<see cref="MediaWikiText.Plain"/>). <paramref name="languageOf"/> maps a
    /// code, its region part upper-cased (<c>pt-BR</c>, <c>zh-HK</c>), to its label language, or null to leave it out.
    /// </summary>
    public static IReadOnlyList<MediaWikiLanguage> Read(string root, Func<string, string?> languageOf)
    {
        var dir = Path.Combine(root, MediaWikiDir);
        var result = new SortedDictionary<string, MediaWikiLanguage>(StringComparer.Ordinal);
        if (!Directory.Exists(dir))
        {
            return [];
        }

        foreach (var folder in MessageFolders(dir))
        {
            ReadFolder(folder, languageOf, result);
        }

        return result.Values.ToList();
    }

    /// <summary>The locale hint of a MediaWiki code: its two-letter region part upper-cased (<c>zh-hk</c> to <c>zh-HK</c>).</summary>
    public static string Locale(string code)
    {
        var parts = code.Split('-');
        for (var i = 1; i < parts.Length; i++)
        {
            if (parts[i].Length == 2)
            {
                parts[i] = parts[i].ToUpperInvariant();
            }
        }

        return string.Join('-', parts);
    }

    private static void ReadFolder(string folder, Func<string, string?> languageOf, SortedDictionary<string, MediaWikiLanguage> result)
    {
        var files = Directory.GetFiles(folder, "*.json");
        Array.Sort(files, StringComparer.Ordinal);
        Dictionary<string, string>? english = null;
        var translations = new List<(string Code, string Language, Dictionary<string, string> Messages)>();
        foreach (var file in files)
        {
            var code = Path.GetFileNameWithoutExtension(file);
            if (code == "en")
            {
                english = Messages(file);
                continue;
            }

            if (NotTaken.Contains(code) || languageOf(Locale(code)) is not { } language)
            {
                continue;
            }

            translations.Add((code, language, Messages(file)));
        }

        // a text that two languages of this folder give word for word, with the languages giving it
        var languagesOfText = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (_, language, messages) in translations)
        {
            foreach (var text in messages.Values)
            {
                if (!languagesOfText.TryGetValue(text, out var languages))
                {
                    languagesOfText[text] = languages = new HashSet<string>(StringComparer.Ordinal);
                }

                languages.Add(language);
            }
        }

        if (english is not null)
        {
            Take(result, "en", "eng", english.Values.Select(MediaWikiText.Plain));
        }

        foreach (var (code, language, messages) in translations)
        {
            var han = HanCodes.Contains(code);
            var kept = new List<string>();
            foreach (var (key, text) in messages)
            {
                if ((english is not null && english.TryGetValue(key, out var original) && string.Equals(text, original, StringComparison.OrdinalIgnoreCase))
                    || languagesOfText[text].Count > 1)
                {
                    continue;
                }

                var plain = MediaWikiText.Plain(text);
                if (!han && ScriptDetector.DetectByLetterCount(plain) == "Hani")
                {
                    continue;
                }

                kept.Add(plain);
            }

            Take(result, code, language, kept);
        }
    }

    private static void Take(SortedDictionary<string, MediaWikiLanguage> result, string code, string language, IEnumerable<string> messages)
    {
        if (!result.TryGetValue(code, out var entry))
        {
            result[code] = entry = new MediaWikiLanguage(code, language, []);
        }

        entry.Messages.AddRange(messages);
    }

    /// <summary>The string messages of one file, metadata (<c>@metadata</c>) left out; empty when the file is not a JSON object.</summary>
    private static Dictionary<string, string> Messages(string file)
    {
        var messages = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var stream = File.OpenRead(file);
            using var doc = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return messages;
            }

            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (!p.Name.StartsWith('@') && p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() is { Length: > 0 } s)
                {
                    messages[p.Name] = s;
                }
            }
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{file}' is not a MediaWiki message file: {e.Message}", e);
        }

        return messages;
    }

    /// <summary>Every folder below <paramref name="dir"/> with an <c>i18n</c> folder on its path, in ordinal order; linked folders are not followed.</summary>
    private static IEnumerable<string> MessageFolders(string dir)
    {
        var stack = new Stack<(string Path, bool InI18n)>();
        stack.Push((dir, false));
        var found = new List<string>();
        while (stack.Count > 0)
        {
            var (path, inI18n) = stack.Pop();
            if (inI18n)
            {
                found.Add(path);
            }

            foreach (var sub in Directory.GetDirectories(path))
            {
                if (new DirectoryInfo(sub).LinkTarget is null)
                {
                    stack.Push((sub, inI18n || Path.GetFileName(sub) == "i18n"));
                }
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }
}

/// <summary>One MediaWiki language code's messages: its label language (ISO 639-3 as labels spell it) and plain-text messages.</summary>
internal sealed record MediaWikiLanguage(string Code, string Language, List<string> Messages);
