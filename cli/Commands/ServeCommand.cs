using System.Globalization;
using System.Net;
using System.Text;
using Corpus.Cli.Parsing;
using Corpus.Synth.Engines;
using Corpus.Synth.Serving;

namespace Corpus.Cli.Commands;

/// <summary><c>corpus serve</c>: loads a GGUF into the embedded llama.cpp engine and serves it as an OpenAI-compatible endpoint on 127.0.0.1.</summary>
internal sealed class ServeCommand : ICommand
{
    public string Name => "serve";

    public string Summary => "serve a GGUF model as an OpenAI-compatible chat endpoint on 127.0.0.1 (embedded llama.cpp, batched)";

    public string Usage => "serve --model FILE.gguf [--port N] [--parallel N] [--ctx N] [--threads N] [--model-name NAME]";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("--model", "FILE", "the GGUF model to load (required)"),
        new("--port", "N", "TCP port on 127.0.0.1; 0 takes a free one (default 8000)"),
        new("--parallel", "N", "sequences decoded together in one batch (default 16)"),
        new("--ctx", "N", "KV cache cells shared by all sequences (default 16384)"),
        new("--threads", "N", "CPU threads for decoding; 0 takes every core (default 0)"),
        new("--model-name", "NAME", "the model id /v1/models lists (default: the file name without .gguf)"),
    ];

    public async Task<int> RunAsync(ParsedArgs args, CliConsole console, CancellationToken ct)
    {
        if (args.Positionals.Count > 0)
        {
            throw new UsageException($"unexpected argument '{args.Positionals[0]}'; see 'corpus serve --help'");
        }

        var model = args.Value("--model") ?? throw new UsageException("'corpus serve' needs --model FILE.gguf");
        int port = args.Value("--port") is { } p ? ArgParser.ParseInt("--port", p, 0, 65535) : 8000;
        var choice = new ChatEngineChoice
        {
            Engine = "llama",
            Model = model,
            Parallel = args.Value("--parallel") is { } n ? ArgParser.ParseInt("--parallel", n, 1, 4096) : 16,
            ContextSize = args.Value("--ctx") is { } c ? ArgParser.ParseInt("--ctx", c, 16, 16 << 20) : 16384,
            Threads = args.Value("--threads") is { } t ? ArgParser.ParseInt("--threads", t, 0, 1024) : 0,
        };
        var name = args.Value("--model-name") ?? Path.GetFileNameWithoutExtension(model);
        if (!File.Exists(model))
        {
            console.Error.WriteLine($"corpus serve: no model file at '{model}'");
            return ExitCodes.Failure;
        }

        LlamaEngine engine;
        try
        {
            engine = ChatEngines.LoadLlama(choice);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"corpus serve: could not load the model '{model}': {e.Message}");
            return ExitCodes.Failure;
        }

        using (engine)
        {
            ChatServer server;
            try
            {
                server = ChatServer.Start(engine, new ChatServerOptions { ModelName = name, Port = port, MaxConcurrentRequests = Math.Max(256, 4 * choice.Parallel) });
            }
            catch (HttpListenerException e)
            {
                console.Error.WriteLine($"corpus serve: could not listen on 127.0.0.1:{port}: {e.Message}");
                return ExitCodes.Failure;
            }

            await using (server.ConfigureAwait(false))
            {
                var url = server.BaseUrl.ToString().TrimEnd('/');
                var line = string.Create(
                    CultureInfo.InvariantCulture,
                    $"serving {model} as '{name}' at {url}/v1 (parallel {choice.Parallel}, context {choice.ContextSize}); Ctrl+C stops\n");
                await console.Out.WriteAsync(Encoding.UTF8.GetBytes(line), ct).ConfigureAwait(false);
                await console.Out.FlushAsync(ct).ConfigureAwait(false);
                try
                {
                    await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C: answer what is in flight, then close.
                }

                console.Error.WriteLine("corpus serve: stopping");
            }
        }

        return ExitCodes.Success;
    }
}
