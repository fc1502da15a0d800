using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Corpus.Synth.Sandbox;

namespace Corpus.Synth.Tests.Sandbox;

/// <summary>Real processes in the real sandbox: each program misbehaves the way generated code can.</summary>
public sealed class PythonSandboxTests
{
    private static readonly SandboxOptions Fast = new()
    {
        WallTime = TimeSpan.FromSeconds(3),
        CpuSeconds = 3,
        MemoryBytes = 256L << 20,
        MaxOutputBytes = 64 << 10,
        MaxProcesses = 16,
    };

    private static Task<PythonSandbox> SandboxAsync(SandboxOptions? options = null) => PythonSandbox.CreateAsync(options ?? Fast);

    [Fact]
    public async Task Machine_gives_the_sandbox_its_namespaces()
    {
        var sandbox = await SandboxAsync();

        sandbox.IsIsolated.Should().BeTrue(sandbox.Problem);
        sandbox.HasOwnProc.Should().BeTrue();
        sandbox.CanRun.Should().BeTrue();
    }

    [Fact]
    public async Task Program_sees_only_its_own_processes()
    {
        var sandbox = await SandboxAsync();

        var result = await sandbox.RunAsync("import os\nprint(sorted(int(p) for p in os.listdir('/proc') if p.isdigit()))\nprint(os.getpid())\n");

        result.Stdout.Should().Be("[1, 2]\n2\n", "pid 1 is the launcher, pid 2 the program");
    }

    [Fact]
    public async Task Program_runs_in_a_fresh_deleted_folder_with_a_scrubbed_environment()
    {
        Environment.SetEnvironmentVariable("CORPUS_SANDBOX_TEST_SECRET", "hunter2");
        var sandbox = await SandboxAsync();

        var result = await sandbox.RunAsync("""
            import os
            open('note.txt', 'w').write('x')
            print(os.getcwd())
            print(os.environ['HOME'])
            print('secret' if any('hunter2' in v for v in os.environ.values()) else 'clean')
            print(sorted(os.listdir('.')))
            """);

        result.Succeeded.Should().BeTrue(result.Stderr);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith(Path.GetTempPath().TrimEnd('/')).And.Contain("corpus-sandbox-");
        lines[1].Should().Be(lines[0]);
        lines[2].Should().Be("clean");
        lines[3].Should().Be("['main.py', 'note.txt']");
        Directory.Exists(lines[0]).Should().BeFalse("the folder is deleted after the run");
    }

    [Fact]
    public async Task Exit_code_and_last_error_line_are_reported()
    {
        var sandbox = await SandboxAsync();

        var result = await sandbox.RunAsync("print('before')\nraise ValueError('bad input 7')\n");

        result.ExitCode.Should().Be(1);
        result.KillReason.Should().Be(SandboxKillReason.None);
        result.Stdout.Should().Be("before\n");
        result.LastErrorLine.Should().Be("ValueError: bad input 7");
        result.Describe().Should().Be("exit code 1: ValueError: bad input 7");
    }

    [Fact]
    public async Task Sleeping_forever_is_stopped_at_the_wall_clock_limit()
    {
        var sandbox = await SandboxAsync(Fast with { WallTime = TimeSpan.FromSeconds(1.5), CpuSeconds = 30 });
        var clock = Stopwatch.StartNew();

        var result = await sandbox.RunAsync("import time\nprint('start', flush=True)\nwhile True:\n    time.sleep(1)\n");

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(6));
        result.TimedOut.Should().BeTrue();
        result.KillReason.Should().Be(SandboxKillReason.Timeout);
        result.WallSeconds.Should().BeInRange(1.4, 6);
        result.Stdout.Should().Be("start\n");
        result.Describe().Should().Be("timed out after 1.5 s");
    }

    [Fact]
    public async Task Busy_loop_is_stopped_at_the_cpu_limit()
    {
        var sandbox = await SandboxAsync(Fast with { WallTime = TimeSpan.FromSeconds(15), CpuSeconds = 1 });

        var result = await sandbox.RunAsync("while True:\n    pass\n");

        result.KillReason.Should().Be(SandboxKillReason.Cpu);
        result.ExitCode.Should().Be(152);
        result.WallSeconds.Should().BeLessThan(10);
    }

    [Fact]
    public async Task Program_ignoring_sigxcpu_is_killed_at_the_hard_cpu_limit()
    {
        var sandbox = await SandboxAsync(Fast with { WallTime = TimeSpan.FromSeconds(15), CpuSeconds = 1 });

        var result = await sandbox.RunAsync("import signal\nsignal.signal(signal.SIGXCPU, signal.SIG_IGN)\nwhile True:\n    pass\n");

        result.KillReason.Should().Be(SandboxKillReason.Cpu);
        result.WallSeconds.Should().BeLessThan(12);
    }

    [Fact]
    public async Task Allocating_10_GB_is_stopped_by_the_memory_limit()
    {
        var sandbox = await SandboxAsync();

        var result = await sandbox.RunAsync("data = bytearray(10 * 1024 ** 3)\nprint('allocated', len(data))\n");

        result.KillReason.Should().Be(SandboxKillReason.Memory);
        result.ExitCode.Should().NotBe(0);
        result.Stdout.Should().BeEmpty();
        result.LastErrorLine.Should().StartWith("MemoryError");
        result.Describe().Should().StartWith("memory limit of 256 MiB exceeded");
    }

    [Fact]
    public async Task Process_limit_stops_forks()
    {
        var sandbox = await SandboxAsync();

        var result = await sandbox.RunAsync("""
            import os, time
            forked = 0
            try:
                for _ in range(1000):
                    if os.fork() == 0:
                        time.sleep(30)
                        os._exit(0)
                    forked += 1
            except OSError as e:
                print(forked, e.errno)
            """);

        result.Succeeded.Should().BeTrue(result.Stderr);
        var parts = result.Stdout.Trim().Split(' ');
        int.Parse(parts[0]).Should().BeInRange(1, 15, "at most 16 processes, the launcher and the program among them");
        parts[1].Should().Be("11", "fork fails with EAGAIN");
        result.WallSeconds.Should().BeLessThan(10, "the sleeping children die with the namespace");
    }

    [Fact]
    public async Task Fork_bomb_is_contained_and_every_process_killed()
    {
        var sandbox = await SandboxAsync(Fast with { WallTime = TimeSpan.FromSeconds(2) });
        var clock = Stopwatch.StartNew();

        var result = await sandbox.RunAsync("""
            import os
            print(os.getcwd(), flush=True)
            while True:
                try:
                    os.fork()
                except OSError:
                    pass
            """);

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        result.KillReason.Should().Be(SandboxKillReason.Timeout);
        var folder = result.Stdout.Split('\n')[0];
        folder.Should().Contain("corpus-sandbox-");
        (await LiveProcessesWithHomeAsync(folder)).Should().Be(0, "the pid namespace died with its launcher");
        var after = await sandbox.RunAsync("print(6 * 7)");
        after.Stdout.Should().Be("42\n", "the machine survives");
    }

    [Fact]
    public async Task Program_cannot_connect_to_a_listener_on_the_host_loopback()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var program = $$"""
            import socket
            try:
                socket.create_connection(('127.0.0.1', {{port}}), timeout=2).close()
                print('connected')
            except OSError as e:
                print('blocked', e)
            """;
        var sandbox = await SandboxAsync();

        var result = await sandbox.RunAsync(program);

        result.Succeeded.Should().BeTrue(result.Stderr);
        result.Stdout.Should().StartWith("blocked");
        listener.Pending().Should().BeFalse();
        (await RunUnsandboxedAsync(program)).Should().StartWith("connected", "the same program outside the sandbox reaches the listener");
    }

    [Fact]
    public async Task Program_has_no_dns_and_no_outbound_route()
    {
        var sandbox = await SandboxAsync();

        var result = await sandbox.RunAsync("""
            import socket
            try:
                socket.getaddrinfo('example.com', 80)
                print('resolved')
            except OSError as e:
                print('no dns')
            try:
                socket.create_connection(('1.1.1.1', 53), timeout=2).close()
                print('connected')
            except OSError as e:
                print('no route')
            """);

        result.Stdout.Should().Be("no dns\nno route\n");
    }

    [Fact]
    public async Task Output_flood_is_truncated_and_killed()
    {
        var sandbox = await SandboxAsync(Fast with { WallTime = TimeSpan.FromSeconds(10) });

        var result = await sandbox.RunAsync("import sys\nwhile True:\n    sys.stdout.write('x' * 65536)\n");

        result.KillReason.Should().Be(SandboxKillReason.Output);
        result.StdoutTruncated.Should().BeTrue();
        result.Stdout.Length.Should().Be(64 << 10);
        result.WallSeconds.Should().BeLessThan(5);
    }

    [Fact]
    public async Task Output_past_the_limit_but_short_of_a_flood_is_truncated_without_a_kill()
    {
        var sandbox = await SandboxAsync();

        // 200,000 bytes: to get them all out the program must wait until more than 136 KB (200 KB less a
        // 64 KB pipe) were read, so the 64 KiB budget is spent before it reaches its stderr line, whatever
        // order the two pipes are read in (at 70,000 bytes the stderr line could arrive while stdout's
        // first chunks were still unread, and be kept). A flood would be 4 x 64 KiB + 64 KiB.
        var result = await sandbox.RunAsync("print('y' * 200000)\nimport sys\nprint('oops', file=sys.stderr)\n");

        result.ExitCode.Should().Be(0);
        result.KillReason.Should().Be(SandboxKillReason.None);
        result.StdoutTruncated.Should().BeTrue();
        result.StderrTruncated.Should().BeTrue("stdout used the whole budget");
        result.Stdout.Should().Be(new string('y', 64 << 10));
        result.LastErrorLine.Should().Be("oops", "the last error line survives truncation");
    }

    [Fact]
    public async Task Cancellation_kills_the_program()
    {
        var sandbox = await SandboxAsync(Fast with { WallTime = TimeSpan.FromSeconds(30) });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var clock = Stopwatch.StartNew();

        var run = () => sandbox.RunAsync("import time\ntime.sleep(60)\n", cancel.Token);

        await run.Should().ThrowAsync<OperationCanceledException>();
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Without_namespaces_it_refuses_unless_opted_in_and_then_kills_the_process_group()
    {
        var isolated = await SandboxAsync();
        var plain = new SandboxSetup(isolated.Interpreter, false, null, SandboxSetup.FindTool("setpriv"), Environment.IsPrivilegedProcess ? 65534 : null, "no namespaces: test");
        var refusing = PythonSandbox.ForSetup(Fast, plain);

        var refused = () => refusing.RunAsync("print(1)");

        await refused.Should().ThrowAsync<SandboxUnavailableException>().WithMessage("*AllowNetwork*");
        // Without a user namespace RLIMIT_NPROC counts every process of the sandbox user, those of other tests' sandboxes too.
        var optedIn = PythonSandbox.ForSetup(Fast with { AllowNetwork = true, MaxProcesses = 4096 }, plain);
        var result = await optedIn.RunAsync("""
            import os, time
            print(os.getcwd(), flush=True)
            if os.fork() == 0:
                time.sleep(60)
                os._exit(0)
            print('parent done')
            """);
        result.Succeeded.Should().BeTrue(result.Stderr);
        var folder = result.Stdout.Split('\n')[0];
        (await LiveProcessesWithHomeAsync(folder)).Should().Be(0, "the orphaned sleeper is killed with the process group");
    }

    [Fact]
    public async Task Launcher_ends_itself_past_the_wall_clock_limit_when_its_supervisor_does_not()
    {
        var options = Fast with { WallTime = TimeSpan.FromSeconds(1), CpuSeconds = 30 };
        var setup = await SandboxProbe.SetupAsync(options);
        var work = Directory.CreateTempSubdirectory("corpus-sandbox-test-");
        try
        {
            var script = Path.Combine(work.FullName, "main.py");
            await File.WriteAllTextAsync(script, "import time\ntime.sleep(120)\n");
            if (setup.DropToUserId is { } uid)
            {
                NativeMethods.Chown(work.FullName, uid);
            }

            var clock = Stopwatch.StartNew();
            using var process = Process.Start(setup.StartInfo(options, work.FullName, script))!;
            process.StandardInput.Close();
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(limit.Token);

            process.ExitCode.Should().Be(137);
            clock.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(1 + SandboxSetup.BackstopSeconds - 0.5)).And.BeLessThan(TimeSpan.FromSeconds(20));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Processes whose environment has <c>HOME=folder</c> (every sandboxed process does), after up to 3 s for the kernel to reap them.</summary>
    private static async Task<int> LiveProcessesWithHomeAsync(string folder)
    {
        var marker = $"HOME={folder}\0";
        var count = 0;
        for (var attempt = 0; attempt < 30; attempt++)
        {
            count = 0;
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out _))
                {
                    continue;
                }

                try
                {
                    var environ = System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(dir, "environ")));
                    var state = File.ReadAllText(Path.Combine(dir, "stat"));
                    if (environ.Contains(marker, StringComparison.Ordinal) && !state.Contains(") Z ", StringComparison.Ordinal))
                    {
                        count++;
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Gone meanwhile.
                }
            }

            if (count == 0)
            {
                return 0;
            }

            await Task.Delay(100);
        }

        return count;
    }

    private static async Task<string> RunUnsandboxedAsync(string program)
    {
        var start = new ProcessStartInfo("python3", ["-c", program]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }
}
