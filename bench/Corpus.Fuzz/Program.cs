using System.Diagnostics;
using Corpus.Fuzz;
using SharpFuzz;

// dotnet Corpus.Fuzz.dll TARGET                    under afl-fuzz: the SharpFuzz fork server over one target
//                                                  (bench/fuzz/run-sharpfuzz.sh builds, instruments and runs it)
// dotnet Corpus.Fuzz.dll run TARGET FILE|DIR...    each input once, outside AFL: ok or the exception, and the time
// dotnet Corpus.Fuzz.dll seeds DIR [REPO_ROOT]     the starting inputs of every target into DIR/TARGET/
// dotnet Corpus.Fuzz.dll list                      the targets and what each one's contract is
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: Corpus.Fuzz TARGET | run TARGET FILE... | seeds DIR [REPO_ROOT] | list");
    return 2;
}

switch (args[0])
{
    case "list":
        foreach (var t in FuzzTargets.All)
        {
            Console.WriteLine($"{t.Name,-8} {t.Contract}");
        }

        return 0;
    case "seeds" when args.Length >= 2:
        foreach (var (name, count) in Seeds.Write(args[1], args.Length > 2 ? args[2] : Directory.GetCurrentDirectory()))
        {
            Console.WriteLine($"{name}: {count} seeds");
        }

        return 0;
    case "run" when args.Length >= 3 && FuzzTargets.Find(args[1]) is { } replayed:
        return Replay(replayed, args[2..]);
}

if (FuzzTargets.Find(args[0]) is not { } target)
{
    Console.Error.WriteLine($"unknown target {args[0]}; targets: {string.Join(", ", FuzzTargets.All.Select(t => t.Name))}");
    return 2;
}

// A child process runs the inputs, so that a timeout (afl-fuzz -t) or a stack overflow costs only a restart.
Fuzzer.OutOfProcess.Run(stream =>
{
    using var memory = new MemoryStream();
    stream.CopyTo(memory);
    FuzzTargets.RunChecked(target, memory.ToArray());
});
return 0;

static int Replay(FuzzTarget target, string[] paths)
{
    var files = paths.SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p).Order(StringComparer.Ordinal) : (IEnumerable<string>)[p]).ToList();
    var failed = 0;
    foreach (var file in files)
    {
        var input = File.ReadAllBytes(file);
        var clock = Stopwatch.StartNew();
        try
        {
            FuzzTargets.RunChecked(target, input);
            Console.WriteLine($"ok     {clock.Elapsed.TotalMilliseconds,9:F1} ms  {input.Length,8} B  {file}");
        }
#pragma warning disable CA1031 // Any exception is the finding to report.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            failed++;
            Console.WriteLine($"CRASH  {clock.Elapsed.TotalMilliseconds,9:F1} ms  {input.Length,8} B  {file}");
            Console.WriteLine($"       {ex.GetType().FullName}: {ex.Message}");
            Console.WriteLine(string.Join('\n', (ex.StackTrace ?? "").Split('\n').Take(8)));
        }
    }

    Console.WriteLine($"{files.Count} inputs, {failed} crashed");
    return failed == 0 ? 0 : 1;
}
