using LLama.Native;

namespace Corpus.Synth.Engines;

/// <summary>Chooses llama.cpp's native library once per process and turns a failure to load it into a message that names it.</summary>
internal static class LlamaNativeLibrary
{
    private static readonly Lock Gate = new();

    public static void Configure(LlamaEngineOptions options)
    {
        if (options.NativeLibraryPath is { } path && !File.Exists(path))
        {
            throw new FileNotFoundException($"no llama.cpp native library at {path} (NativeLibraryPath)", path);
        }

        lock (Gate)
        {
            if (NativeLibraryConfig.LLama.LibraryHasLoaded)
            {
                return;
            }

            if (options.NativeLibraryPath is { } library)
            {
                NativeLibraryConfig.LLama.WithLibrary(library);
            }
            else if (options.GpuLayerCount > 0)
            {
                NativeLibraryConfig.All.WithCuda(true).WithAutoFallback(true);
            }

            // llama.cpp logs every tensor it loads; keep its warnings and errors only.
            NativeLibraryConfig.All.WithLogCallback((level, message) =>
            {
                if (level is LLamaLogLevel.Error or LLamaLogLevel.Warning)
                {
                    Console.Error.Write($"llama.cpp: {message}");
                }
            });
        }
    }

    public static bool IsLoadFailure(Exception e) =>
        e is TypeInitializationException or DllNotFoundException or BadImageFormatException or EntryPointNotFoundException
        || (e is LLama.Exceptions.RuntimeError && e.Message.Contains("native library", StringComparison.OrdinalIgnoreCase));

    public static InvalidOperationException LoadFailure(LlamaEngineOptions options, Exception e)
    {
        string library = options.NativeLibraryPath
            ?? $"libllama{(OperatingSystem.IsWindows() ? ".dll" : OperatingSystem.IsMacOS() ? ".dylib" : ".so")} from the LLamaSharp.Backend.Cpu package (runtimes/<rid>/native/<avx level>/ beside the application)";
        return new InvalidOperationException($"llama.cpp's native library {library} could not be loaded: {Innermost(e).Message}", e);
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is { } inner)
        {
            e = inner;
        }

        return e;
    }
}
