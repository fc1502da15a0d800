using System.Buffers;
using System.Globalization;
using System.Text;
using Corpus.Cli.Parsing;
using Corpus.Tokenizer;

namespace Corpus.Cli.Commands;

/// <summary><c>corpus tokenize</c>: text lines to token id lines, or back with <c>--decode</c>.</summary>
internal sealed class TokenizeCommand : ICommand
{
    private const long BatchBytes = 4 << 20;
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
    /// Reads lines in batches of about <see cref="BatchBytes"/>, encodes each batch on all cores
    /// (<see cref="QwenTokenizer.EncodeBatch(IReadOnlyList{string}, bool, int)"/>) and writes the id lines in input order.
    /// </summary>
    private static async Task<int> EncodeAsync(LfLineReader reader, Stream writer, QwenTokenizer tokenizer, bool special, CliConsole console, CancellationToken ct)
    {
        var batch = new List<string>();
        var lineNumber = 0;
        var output = new ArrayBufferWriter<byte>(1 << 20);
        var more = true;
        var failed = false;
        while (more && !failed)
        {
            ct.ThrowIfCancellationRequested();
            batch.Clear();
            long bytes = 0;
            while (bytes < BatchBytes && (more = reader.TryReadLine(out var line)))
            {
                lineNumber++;
                try
                {
                    batch.Add(StrictUtf8.GetString(line.Span));
                }
                catch (DecoderFallbackException)
                {
                    // The lines before it are still written, as when lines were encoded one at a time.
                    console.Error.WriteLine($"corpus tokenize: line {lineNumber} is not valid UTF-8");
                    failed = true;
                    break;
                }

                bytes += line.Length + 1;
            }

            if (batch.Count == 0)
            {
                break;
            }

            var encoded = tokenizer.EncodeBatch(batch, special, Environment.ProcessorCount);
            output.ResetWrittenCount();
            foreach (var ids in encoded)
            {
                var span = output.GetSpan(ids.Length * 7 + 1);
                var written = 0;
                for (var i = 0; i < ids.Length; i++)
                {
                    if (i > 0)
                    {
                        span[written++] = (byte)' ';
                    }

                    ids[i].TryFormat(span[written..], out var digits, provider: CultureInfo.InvariantCulture);
                    written += digits;
                }

                span[written++] = (byte)'\n';
                output.Advance(written);
            }

            await writer.WriteAsync(output.WrittenMemory, ct).ConfigureAwait(false);
        }

        return failed ? ExitCodes.Failure : ExitCodes.Success;
    }

    private static async Task<int> DecodeAsync(LfLineReader reader, Stream writer, QwenTokenizer tokenizer, CliConsole console, CancellationToken ct)
    {
        var lineNumber = 0;
        var ids = new List<int>();
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
                console.Error.WriteLine($"corpus tokenize: line {lineNumber} is not valid UTF-8");
                return ExitCodes.Failure;
            }

            if (!TryParseIds(text, tokenizer.VocabSize, ids, out var bad))
            {
                console.Error.WriteLine($"corpus tokenize: line {lineNumber}: '{bad}' is not a token id (0 to {tokenizer.VocabSize - 1})");
                return ExitCodes.Failure;
            }

            var bytes = Encoding.UTF8.GetBytes(tokenizer.Decode(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ids)) + "\n");
            await writer.WriteAsync(bytes, ct).ConfigureAwait(false);
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
