using System.Buffers;
using Corpus.Core.Languages;
using Corpus.Filters.Classification;
using Corpus.FastText;

namespace Corpus.Filters.Languages;

/// <summary>
/// Document-level language ID over a fastText model whose labels are <c>xxx_Scrp</c> codes (the
/// built-in model, GlotLID). The text is cut into paragraphs (at line breaks; short ones joined,
/// long ones chunked); each is judged by the model, taking the most probable label whose script
/// fits the paragraph's detected script (a Cyrillic paragraph is never labelled a Latin-script
/// language); paragraphs vote with their letter counts. Labels without a script, as in fastText's
/// lid.176 (<c>__label__en</c>, <c>__label__arz</c>), are mapped to ISO 639-3 (<see cref="Iso639"/>)
/// and take the paragraph's script. Groups of close languages may have models of their own
/// (<see cref="LoadGroupModels"/>): when the answer is a language of such a group, or the group's labels
/// together are likelier than the answer, that model decides which of the group's languages it is.
/// Immutable and thread-safe.
/// </summary>
public sealed class LanguageIdentifier
{
    /// <summary>File name of the built-in model beside the assemblies, under <c>data/lid/</c>.</summary>
    public const string DefaultModelName = "corpus-lid.bin";

    private const string LabelPrefix = "__label__";

    private readonly LanguageCode[] _codes;
    private readonly string[] _scripts;

    // ISO 639-3 codes of labels that name no script (lid.176's "en", "arz"); the paragraph's script completes them.
    private readonly string?[] _scriptless;

    // Prior weight per label (Options.Qwen3Weight for the Qwen3 languages, else 1).
    private readonly double[] _weights;

    // The marker characters of the model's labels that have some (LanguageMarkers), with the label's index.
    private readonly (int Index, SearchValues<char> Characters)[] _markers;

    private readonly LanguageGroupRefiner[] _groups;

    /// <summary>
    /// What a group model's file is called beside the main model's: <c>corpus-lid.group-nguni.bin</c> (a fastText
    /// model, the main model's extension) or <c>corpus-lid.group-nguni.ngrams</c> (a <see cref="CharacterNgramModel"/>).
    /// </summary>
    public const string GroupModelInfix = ".group-";

    /// <summary>
    /// Wraps a loaded model, with the models of its groups of close languages, if any
    /// (<paramref name="groups"/>: each a model over two or more of the main model's labels, by name: a fastText
    /// model or a <see cref="CharacterNgramModel"/>).
    /// </summary>
    /// <exception cref="InvalidDataException">A group model has a label the main model does not, or fewer than two.</exception>
    public LanguageIdentifier(FastTextModel model, LanguageIdentifierOptions? options = null, IReadOnlyList<(string Name, ILabelPredictor Model)>? groups = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        _groups = (groups ?? []).Select(g => new LanguageGroupRefiner(model, g.Model, g.Name)).ToArray();
        Options = options ?? new LanguageIdentifierOptions();
        _codes = new LanguageCode[model.Labels.Count];
        _scripts = new string[model.Labels.Count];
        _scriptless = new string?[model.Labels.Count];
        for (var i = 0; i < _codes.Length; i++)
        {
            var label = model.Labels[i];
            var bare = label.StartsWith(LabelPrefix, StringComparison.Ordinal) ? label[LabelPrefix.Length..] : label;
            _codes[i] = LanguageCode.TryParse(bare, out var code) ? code : LanguageCode.Undetermined;
            _scripts[i] = _codes[i].Script;
            if (_codes[i].Language == "und" && bare != "und" && Iso639.TryToIso6393(bare, out var iso6393))
            {
                _scriptless[i] = iso6393;
            }
        }

        _weights = new double[_codes.Length];
        for (var i = 0; i < _weights.Length; i++)
        {
            _weights[i] = Qwen3Languages.Codes.Contains(_codes[i].ToString()) ? Options.Qwen3Weight : 1;
        }

        _markers = Options.LettersPerMarker <= 0
            ? []
            : [.. LanguageMarkers.All
                .Select(m => (Index: Array.FindIndex(_codes, c => c.ToString() == m.Label), m.Characters))
                .Where(m => m.Index >= 0)
                .Select(m => (m.Index, SearchValues.Create(m.Characters)))];
    }

    /// <summary>Where the built-in model is looked for: <c>data/lid/corpus-lid.bin</c> beside the assemblies.</summary>
    public static string DefaultModelPath => Path.Combine(AppContext.BaseDirectory, "data", "lid", DefaultModelName);

    /// <summary>The model.</summary>
    public FastTextModel Model { get; }

    /// <summary>The decision rules.</summary>
    public LanguageIdentifierOptions Options { get; }

    /// <summary>The languages the model knows, in its order.</summary>
    public IReadOnlyList<LanguageCode> Languages => _codes;

    /// <summary>The groups of close languages that have a model of their own: name and labels (<c>__label__zul_Latn</c>).</summary>
    public IReadOnlyList<(string Name, IReadOnlyList<string> Labels)> Groups => _groups.Select(g => (g.Name, g.Labels)).ToList();

    /// <summary>Loads the built-in model.</summary>
    /// <exception cref="FileNotFoundException">The model is not beside the assemblies.</exception>
    public static LanguageIdentifier LoadDefault(LanguageIdentifierOptions? options = null) => Load(DefaultModelPath, options);

    /// <summary>
    /// Loads a fastText model (<c>.bin</c> or <c>.ftz</c>) with <c>xxx_Scrp</c> labels, and the models of its
    /// groups of close languages beside it (<see cref="LoadGroupModels"/>).
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file, or a group model, is not a fastText supervised model, or a group model's labels are not the main model's.</exception>
    public static LanguageIdentifier Load(string path, LanguageIdentifierOptions? options = null)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"the language-ID model '{path}' is missing", path);
        }

        var groups = GroupModelPaths(path); // the folder's layout first: two models of one group are refused before any is read
        return new LanguageIdentifier(FastTextModel.Load(path), options, LoadGroups(groups));
    }

    /// <summary>
    /// The group models beside the model at <paramref name="path"/>: files named like it with
    /// <see cref="GroupModelInfix"/> and a name before the extension (<c>corpus-lid.group-nguni.bin</c> beside
    /// <c>corpus-lid.bin</c>), in ordinal order of their names.
    /// </summary>
    /// <exception cref="InvalidDataException">A file is not a model of its kind (by extension), or two files are models of the same group.</exception>
    public static IReadOnlyList<(string Name, ILabelPredictor Model)> LoadGroupModels(string path) => LoadGroups(GroupModelPaths(path));

    private static List<(string Name, ILabelPredictor Model)> LoadGroups(IReadOnlyList<(string Name, string Path)> groups) =>
        [.. groups.Select(g => (g.Name, g.Path.EndsWith(CharacterNgramModel.Extension, StringComparison.Ordinal)
            ? (ILabelPredictor)CharacterNgramModel.Load(g.Path)
            : FastTextModel.Load(g.Path)))];

    /// <summary>The names and paths of the group models beside the model at <paramref name="path"/> (<see cref="LoadGroupModels"/>), not loaded.</summary>
    /// <exception cref="InvalidDataException">Two files are models of the same group (<c>.bin</c> and <c>.ngrams</c>).</exception>
    public static IReadOnlyList<(string Name, string Path)> GroupModelPaths(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var stem = Path.GetFileNameWithoutExtension(path);
        var extension = Path.GetExtension(path);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var found = new[] { extension, CharacterNgramModel.Extension }
            .Distinct(StringComparer.Ordinal)
            .SelectMany(e => Directory.EnumerateFiles(folder, stem + GroupModelInfix + "*" + e).Where(f => f.EndsWith(e, StringComparison.Ordinal)))
            .Select(f => (Name: Path.GetFileNameWithoutExtension(f)[(stem.Length + GroupModelInfix.Length)..], Path: f))
            .OrderBy(g => g.Name, StringComparer.Ordinal)
            .ThenBy(g => g.Path, StringComparer.Ordinal)
            .ToList();
        for (var i = 1; i < found.Count; i++)
        {
            if (found[i].Name == found[i - 1].Name)
            {
                throw new InvalidDataException($"the language group '{found[i].Name}' has two models, '{found[i - 1].Path}' and '{found[i].Path}': keep one");
            }
        }

        return found;
    }

    /// <summary>Identifies the language of a document.</summary>
    public LanguageIdentification Identify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Identify(text.AsSpan());
    }

    /// <summary>Identifies the language of a document.</summary>
    public LanguageIdentification Identify(ReadOnlySpan<char> text)
    {
        Span<int> counts = stackalloc int[ScriptDetector.ScriptCount];
        counts.Clear();
        var letters = ScriptDetector.Count(text, counts);
        var script = ScriptDetector.Dominant(counts);
        if (letters == 0)
        {
            return new LanguageIdentification(LanguageCode.Undetermined, 0, script, []);
        }

        var votes = new Dictionary<LanguageCode, (double Weight, double Probability)>();
        var candidates = ArrayPool<FastTextPrediction>.Shared.Rent(Math.Max(1, Math.Min(Options.Candidates, _codes.Length)));
        var joined = ArrayPool<char>.Shared.Rent(Math.Min(text.Length, Options.MaxChunkLength * 2) + 1);
        try
        {
            var predictions = candidates.AsSpan(0, Math.Max(1, Math.Min(Options.Candidates, _codes.Length)));
            if (letters < Options.ShortTextLetters)
            {
                Judge(Flatten(text, joined), letters, predictions, votes);
            }
            else
            {
                JudgeParagraphs(text, joined, predictions, votes);
            }

            if (votes.Count == 0)
            {
                Judge(Flatten(text, joined), letters, predictions, votes);
            }
        }
        finally
        {
            ArrayPool<FastTextPrediction>.Shared.Return(candidates);
            ArrayPool<char>.Shared.Return(joined);
        }

        var total = votes.Values.Sum(v => v.Weight);
        var shares = votes
            .Select(kv => new LanguageShare(kv.Key, kv.Value.Weight / total, kv.Value.Probability / kv.Value.Weight))
            .OrderByDescending(s => s.Share).ThenBy(s => s.Language.ToString(), StringComparer.Ordinal)
            .ToList();
        var best = shares[0];
        var score = best.Share * best.Probability;
        if (letters < Options.ShortTextLetters)
        {
            score *= (double)letters / Options.ShortTextLetters;
        }

        var language = score >= Options.MinScore && best.Language.Language != "und" ? best.Language : LanguageCode.Undetermined;
        return new LanguageIdentification(language, score, script, shares);
    }

    /// <summary>
    /// The languages of one line, best first, weighed as <see cref="Identify(ReadOnlySpan{char})"/> weighs a
    /// paragraph: of the model's <see cref="LanguageIdentifierOptions.Candidates"/> most probable labels, those
    /// whose script fits the line's, by probability times prior weight (<see cref="LanguageIdentifierOptions.Qwen3Weight"/>);
    /// when a group of close languages is asked (its labels hold the answer, or together outweigh it), its
    /// model re-divides their probability and they come first. The first is the language
    /// <see cref="Identify(ReadOnlySpan{char})"/> finds for the same line (before its threshold), unless the
    /// line is longer than <see cref="LanguageIdentifierOptions.MaxChunkLength"/> (Identify then votes over
    /// its chunks). Probabilities are the model's (a group's share for its labels). A line without letters,
    /// or with no label of its script among the candidates, is <c>und_Scrp</c> with probability 0.
    /// </summary>
    /// <param name="line">The text; line breaks are read as spaces.</param>
    /// <param name="k">At most this many languages (no more than the candidates searched).</param>
    public IReadOnlyList<LanguageCandidate> Rank(ReadOnlySpan<char> line, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var letters = Letters(line);
        if (letters == 0)
        {
            return [new LanguageCandidate(LanguageCode.Undetermined, 0)];
        }

        var size = Math.Max(1, Math.Min(Options.Candidates, _codes.Length));
        var candidates = ArrayPool<FastTextPrediction>.Shared.Rent(size);
        var flat = ArrayPool<char>.Shared.Rent(line.Length);
        try
        {
            // As Identify reads it: a short text whole, a longer one trimmed as its paragraphs are.
            var text = Flatten(line, flat);
            text = letters < Options.ShortTextLetters ? text : text.Trim();
            var predictions = candidates.AsSpan(0, size);
            var answer = Decide(text, predictions, out var script, out var n, out var asked);
            var ranked = new List<LanguageCandidate> { new(answer.Language, answer.Probability) };
            if (answer.Index < 0)
            {
                return ranked; // no label fits the script
            }

            var others = new List<(LanguageCode Language, double Probability, bool InGroup, double Score)>();
            foreach (var prediction in predictions[..n])
            {
                if (prediction.LabelIndex != answer.Index && Fits(prediction.LabelIndex, script, out var weight))
                {
                    others.Add((CodeOf(prediction.LabelIndex, script), prediction.Probability,
                        asked?.Covers(prediction.LabelIndex) == true, prediction.Probability * weight));
                }
            }

            // A stable sort: equal scores keep the model's order, as the answer's pick does.
            foreach (var other in others.OrderByDescending(o => o.InGroup).ThenByDescending(o => o.Score))
            {
                if (ranked.Count == k)
                {
                    break;
                }

                if (!ranked.Exists(r => r.Language == other.Language))
                {
                    ranked.Add(new LanguageCandidate(other.Language, other.Probability));
                }
            }

            return ranked;
        }
        finally
        {
            ArrayPool<FastTextPrediction>.Shared.Return(candidates);
            ArrayPool<char>.Shared.Return(flat);
        }
    }

    private void JudgeParagraphs(ReadOnlySpan<char> text, char[] buffer, Span<FastTextPrediction> predictions, Dictionary<LanguageCode, (double, double)> votes)
    {
        // Short paragraphs collect in the buffer until they are long enough to judge.
        var pending = 0;
        var pendingLetters = 0;
        foreach (var range in text.Split('\n'))
        {
            Core.Documents.DocumentDeadline.Check();
            var line = text[range].Trim();
            var start = 0;
            while (start < line.Length)
            {
                var piece = line[start..];
                if (piece.Length > Options.MaxChunkLength)
                {
                    var cut = piece[..Options.MaxChunkLength].LastIndexOf(' ');
                    piece = piece[..(cut > Options.MaxChunkLength / 2 ? cut : Options.MaxChunkLength)];
                }

                start += piece.Length;
                var pieceLetters = Letters(piece);
                if (pieceLetters == 0)
                {
                    continue;
                }

                if (pending + piece.Length + 1 > buffer.Length)
                {
                    Judge(buffer.AsSpan(0, pending), pendingLetters, predictions, votes);
                    pending = pendingLetters = 0;
                }

                if (pending > 0)
                {
                    buffer[pending++] = ' ';
                }

                piece.CopyTo(buffer.AsSpan(pending));
                pending += piece.Length;
                pendingLetters += pieceLetters;
                if (pendingLetters >= Options.MinParagraphLetters)
                {
                    Judge(buffer.AsSpan(0, pending), pendingLetters, predictions, votes);
                    pending = pendingLetters = 0;
                }
            }
        }

        if (pending > 0)
        {
            Judge(buffer.AsSpan(0, pending), pendingLetters, predictions, votes);
        }
    }

    private void Judge(ReadOnlySpan<char> paragraph, int letters, Span<FastTextPrediction> predictions, Dictionary<LanguageCode, (double Weight, double Probability)> votes)
    {
        var (language, probability, _) = Decide(paragraph, predictions, out _, out _, out _);
        var (w, p) = votes.GetValueOrDefault(language);
        votes[language] = (w + letters, p + (letters * probability));
    }

    // A paragraph's answer: the best label whose script fits (the Qwen3 weight applied), then, when the answer is a
    // language of a group with a model of its own or the group's labels together outweigh it (its probability
    // times its weight), that model decides which of them. Out: the script the labels had to fit, how many
    // predictions there are now (a group's refinement rewrites them) and the group that was asked, if any.
    private (LanguageCode Language, double Probability, int Index) Decide(
        ReadOnlySpan<char> paragraph, Span<FastTextPrediction> predictions, out string script, out int count, out LanguageGroupRefiner? asked)
    {
        script = ScriptDetector.Detect(paragraph);
        var n = Model.Predict(paragraph, predictions);
        var answer = Pick(predictions[..n], script, null);
        if (answer.Language.Language == "und" && script is "Hans" or "Hant")
        {
            // No label of that form among the candidates: any Han label will do.
            script = "Hani";
            answer = Pick(predictions[..n], script, null);
        }

        if (Marked(paragraph, predictions[..n], script) is { } marked)
        {
            answer = marked;
        }

        asked = null;
        var answerWeight = answer.Index >= 0 ? answer.Probability * _weights[answer.Index] : 0;
        foreach (var group in _groups)
        {
            if (group.Covers(answer.Index) || group.Mass(predictions[..n]) > answerWeight)
            {
                asked = group;
                n = group.Refine(paragraph, predictions, n);
                var refined = Pick(predictions[..n], script, group);
                if (refined.Index >= 0)
                {
                    answer = refined;
                }

                break;
            }
        }

        count = n;
        return answer;
    }

    // The language whose marker characters the paragraph holds densely enough (Options.LettersPerMarker), if its
    // label fits the script; its probability is what the model gave every label of the script, the marked one among them.
    private (LanguageCode Language, double Probability, int Index)? Marked(ReadOnlySpan<char> paragraph, ReadOnlySpan<FastTextPrediction> predictions, string script)
    {
        foreach (var (index, characters) in _markers)
        {
            if (!paragraph.ContainsAny(characters) || !Fits(index, script, out _))
            {
                continue;
            }

            var markers = 0;
            foreach (var ch in paragraph)
            {
                markers += characters.Contains(ch) ? 1 : 0;
            }

            if ((long)markers * Options.LettersPerMarker < Letters(paragraph))
            {
                continue;
            }

            var mass = 0.0;
            foreach (var prediction in predictions)
            {
                mass += Fits(prediction.LabelIndex, script, out _) ? prediction.Probability : 0;
            }

            return (CodeOf(index, script), Math.Min(1, mass), index);
        }

        return null;
    }

    // The most probable label (times its prior weight) whose script fits the paragraph's, of the group if one is
    // given, and its index; und_<script> and -1 if none does.
    private (LanguageCode Language, double Probability, int Index) Pick(ReadOnlySpan<FastTextPrediction> predictions, string script, LanguageGroupRefiner? group)
    {
        var probability = 0.0;
        var best = 1.0;
        var picked = -1;
        foreach (var prediction in predictions)
        {
            var index = prediction.LabelIndex;
            if ((group is not null && !group.Covers(index)) || !Fits(index, script, out var weight))
            {
                continue;
            }

            if (prediction.Probability * weight > probability * best)
            {
                probability = prediction.Probability;
                best = weight;
                picked = index;
            }
        }

        return picked >= 0 ? (CodeOf(picked, script), probability, picked) : (UndeterminedIn(script), 0, -1);
    }

    // Whether label `index` may answer a paragraph of `script`, and its prior weight: a language label of a
    // compatible script (the Qwen3 weight or 1), or a label without a script (lid.176), which takes the
    // paragraph's and has nothing to guard (weight 1).
    private bool Fits(int index, string script, out double weight)
    {
        if (_scriptless[index] is not null)
        {
            weight = 1;
            return script != ScriptDetector.Common;
        }

        weight = _weights[index];
        return _codes[index].Language != "und" && ScriptDetector.IsCompatible(_scripts[index], script);
    }

    private LanguageCode CodeOf(int index, string script) =>
        _scriptless[index] is { } iso6393 ? LanguageCode.Parse($"{iso6393}_{script}") : _codes[index];

    private static LanguageCode UndeterminedIn(string script) =>
        LanguageCode.Parse($"und_{(script == ScriptDetector.Common ? "Zzzz" : script)}");

    private static ReadOnlySpan<char> Flatten(ReadOnlySpan<char> text, char[] buffer)
    {
        var n = 0;
        foreach (var ch in text)
        {
            if (n == buffer.Length)
            {
                break;
            }

            buffer[n++] = ch is '\n' or '\r' ? ' ' : ch;
        }

        return buffer.AsSpan(0, n);
    }

    private static int Letters(ReadOnlySpan<char> text) => ScriptDetector.CountLetters(text);
}
