using System.Buffers;
using System.Globalization;
using System.Text;
using Corpus.Cli.Parsing;
using Corpus.Tokenizer;

namespace Corpus.Cli.Commands;

/// <summary><c>corpus tokenize</c>: text lines to token id lines, or back with <c>--decode</c>.</summary>
internal sealed class TokenizeCommand : ICommand
{
    private const int OutputFlushBytes = 1 << 20;
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public string Name => "tokenize";

    public string Summary => "encode text lines to token ids (one line of ids per line), or decode them back";

    public string Usage => "tokenize [--tokenizer FILE] [--in FILE] [--out FILE] [--decode] [--special]";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("--tokenizer", "FILE", "a Hugging Face tokenizer.json (default: the built-in Qwen3 tokenizer)"),
        new("--in", "FILE", "input file (default: standard input); lines are split on LF only, a CR stays in its line"),
        new("--out", "FILE", "output file (default: standard output)"),
        new("--decode", null, "read lines of space-separated ids and write the decoded text"),
        new("--special", null, "encode special-token strings such as <|im_start|> as their ids (default: as plain text)"),
    ];

    public async Task<int> RunAsync(ParsedArgs args, CliConsole console, CancellationToken ct)
    {
        if (args.Positionals.Count > 0)
        {
            throw new UsageException($"unexpected argument '{args.Positionals[0]}'; see 'corpus tokenize --help'");
        }

        var tokenizerPath = args.Value("--tokenizer") ?? QwenTokenizer.DefaultPath;
        QwenTokenizer tokenizer;
        try
        {
            tokenizer = QwenTokenizer.Load(tokenizerPath);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"corpus tokenize: cannot load tokenizer '{tokenizerPath}': {e.Message}");
            return ExitCodes.Failure;
        }

        Stream input, output;
        try
        {
            input = args.Value("--in") is { } inPath ? File.OpenRead(inPath) : console.In;
            output = args.Value("--out") is { } outPath ? File.Create(outPath) : console.Out;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"corpus tokenize: {e.Message}");
            return ExitCodes.Failure;
        }

        try
        {
            using var writer = new BufferedStream(output, 1 << 16);
            var reader = new LfLineReader(input);
            var status = args.Flag("--decode")
                ? await DecodeAsync(reader, writer, tokenizer, console, ct).ConfigureAwait(false)
                : await EncodeAsync(reader, writer, tokenizer, args.Flag("--special"), console, ct).ConfigureAwait(false);
            if (status != ExitCodes.Success)
            {
                return status;
            }

            await writer.FlushAsync(ct).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        finally
        {
            if (!ReferenceEquals(input, console.In))
            {
                await input.DisposeAsync().ConfigureAwait(false);
            }

            if (!ReferenceEquals(output, console.Out))
            {
                await output.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Streams the lines through <see cref="QwenTokenizer.EncodeStream"/> on all cores and writes the id lines in input
    /// order as they come, while the workers go on with the next lines. A line that is not UTF-8 ends the input there:
    /// every line before it is still written, then the error names it.
    /// </summary>
    private static async Task<int> EncodeAsync(LfLineReader reader, Stream writer, QwenTokenizer tokenizer, bool special, CliConsole console, CancellationToken ct)
    {
        var lines = new LineSource(reader, ct);
        var output = new ArrayBufferWriter<byte>(1 << 20);
        foreach (var ids in tokenizer.EncodeStream(lines.Read(), special, Environment.ProcessorCount))
        {
            var span = output.GetSpan(ids.Length * 7 + 1);
            var written = 0;
            var idSpan = ids.Span;
            for (var i = 0; i < idSpan.Length; i++)
            {
                if (i > 0)
                {
                    span[written++] = (byte)' ';
                }

                idSpan[i].TryFormat(span[written..], out var digits, provider: CultureInfo.InvariantCulture);
                written += digits;
            }

            span[written++] = (byte)'\n';
            output.Advance(written);
            if (output.WrittenCount >= OutputFlushBytes)
            {
                await writer.WriteAsync(output.WrittenMemory, ct).ConfigureAwait(false);
                output.ResetWrittenCount();
            }
        }

        await writer.WriteAsync(output.WrittenMemory, ct).ConfigureAwait(false);
        if (lines.InvalidLine is { } lineNumber)
        {
            console.Error.WriteLine($"corpus tokenize: line {lineNumber} is not valid UTF-8");
            return ExitCodes.Failure;
        }

        return ExitCodes.Success;
    }

    /// <summary>The input's lines as strings, ending before the first line that is not UTF-8 (its number kept).</summary>
    private sealed class LineSource(LfLineReader reader, CancellationToken ct)
    {
        public long? InvalidLine { get; private set; }

        public IEnumerable<string> Read()
        {
            long lineNumber = 0;
            while (reader.TryReadLine(out var line))
            {
                ct.ThrowIfCancellationRequested();
                lineNumber++;
                string text;
                try
                {
                    text = StrictUtf8.GetString(line.Span);
                }
                catch (DecoderFallbackException)
                {
                    InvalidLine = lineNumber;
                    yield break;
                }

                yield return text;
            }
        }
    }

    private static async Task<int> DecodeAsync(LfLineReader reader, Stream writer, QwenTokenizer tokenizer, CliConsole console, CancellationToken ct)
    {
        var lines = new LineSource(reader, ct);
        var lineNumber = 0;
        var ids = new List<int>();
        foreach (var text in lines.Read())
        {
            lineNumber++;
            if (!TryParseIds(text, tokenizer.VocabSize, ids, out var bad))
            {
                console.Error.WriteLine($"corpus tokenize: line {lineNumber}: '{bad}' is not a token id (0 to {tokenizer.VocabSize - 1})");
                return ExitCodes.Failure;
            }

            var bytes = Encoding.UTF8.GetBytes(tokenizer.Decode(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ids)) + "\n");
            await writer.WriteAsync(bytes, ct).ConfigureAwait(false);
        }

        if (lines.InvalidLine is { } invalid)
        {
            console.Error.WriteLine($"corpus tokenize: line {invalid} is not valid UTF-8");
            return ExitCodes.Failure;
        }

        return ExitCodes.Success;
    }

    private static bool TryParseIds(string line, int vocabSize, List<int> ids, out string bad)
    {
        ids.Clear();
        bad = string.Empty;
        foreach (var part in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id >= vocabSize)
            {
                bad = part;
                return false;
            }

            ids.Add(id);
        }

        return true;
    }
}
