namespace Corpus.Synth.Sandbox;

/// <summary>
/// The small Python program that starts every sandboxed program (run with <c>python -I -S -c</c>). Inside
/// the namespaces it is pid 1: it makes its own session (so the fallback mode can kill the process
/// group), forks, sets the limits with <c>setrlimit</c> in the child only and execs the program there;
/// then it reaps every process until the program ends and exits with the program's status (128 +
/// signal when a signal ended it). When pid 1 exits the kernel kills whatever is left in the pid
/// namespace. A program killed by <c>SIGKILL</c> after using its CPU seconds (the hard limit, one
/// second past the soft one, catches programs that ignore <c>SIGXCPU</c>) is reported as <c>SIGXCPU</c>.
/// The program is not pid 1 on purpose: pid 1 of a namespace ignores <c>SIGXCPU</c>. An alarm some
/// seconds past the wall-clock limit ends the launcher should its supervisor have died meanwhile.
/// </summary>
internal static class SandboxLauncher
{
    /// <summary>Exit code of a program that could not be started.</summary>
    public const int CannotStart = 127;

    /// <summary>Exit code of a program ended by <c>SIGXCPU</c> (128 + 24).</summary>
    public const int CpuExceeded = 152;

    /// <summary>
    /// Arguments: a backstop in whole seconds (past it the launcher exits, and the namespace dies with it,
    /// even if the process that started it is gone), CPU seconds, address-space bytes, processes, file
    /// bytes, then the program's argv.
    /// </summary>
    public const string Script = """
        import os, resource, signal, sys
        wall, cpu, mem, nproc, fsize = (int(a) for a in sys.argv[1:6])
        argv = sys.argv[6:]
        signal.signal(signal.SIGALRM, lambda *_: os._exit(137))
        signal.alarm(wall)
        try:
            os.setsid()
        except OSError:
            pass
        pid = os.fork()
        if pid == 0:
            try:
                resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
                resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
                resource.setrlimit(resource.RLIMIT_NPROC, (nproc, nproc))
                resource.setrlimit(resource.RLIMIT_AS, (mem, mem))
                resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
                os.execv(argv[0], argv)
            except BaseException as e:
                os.write(2, ('sandbox: cannot start the program: %s\n' % e).encode())
                os._exit(127)
        while True:
            try:
                p, status, usage = os.wait4(-1, 0)
            except ChildProcessError:
                os._exit(126)
            if p == pid:
                break
        if os.WIFEXITED(status):
            os._exit(os.WEXITSTATUS(status))
        sig = os.WTERMSIG(status)
        if sig == signal.SIGKILL and usage.ru_utime + usage.ru_stime >= cpu:
            sig = signal.SIGXCPU
        os._exit(128 + sig)
        """;
}
