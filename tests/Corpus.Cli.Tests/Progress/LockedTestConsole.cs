using Spectre.Console;
using Spectre.Console.Rendering;
using Spectre.Console.Testing;

namespace Corpus.Cli.Tests.Progress;

/// <summary>
/// A <see cref="TestConsole"/> whose output may be read while another thread draws on it.
/// <see cref="TestConsole.Output"/> reads a <see cref="StringWriter"/> that is not safe to read
/// during a write (it throws from <c>StringBuilder.ToString</c>), and the live display draws on a
/// loop of its own; every write and every read here takes one lock.
/// </summary>
internal sealed class LockedTestConsole : IAnsiConsole, IDisposable
{
    private readonly TestConsole _inner = new();
    private readonly Lock _gate = new();

    public LockedTestConsole(int width) => _inner.Width(width);

    public Profile Profile => _inner.Profile;

    public IAnsiConsoleCursor Cursor => _inner.Cursor;

    public IAnsiConsoleInput Input => ((IAnsiConsole)_inner).Input;

    public IExclusivityMode ExclusivityMode => _inner.ExclusivityMode;

    public RenderPipeline Pipeline => _inner.Pipeline;

    /// <summary>Everything written so far, read under the same lock as the writes.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _inner.Output;
            }
        }
    }

    public void Clear(bool home)
    {
        lock (_gate)
        {
            _inner.Clear(home);
        }
    }

    public void Write(IRenderable renderable)
    {
        lock (_gate)
        {
            _inner.Write(renderable);
        }
    }

    public void WriteAnsi(Action<AnsiWriter> action)
    {
        lock (_gate)
        {
            _inner.WriteAnsi(action);
        }
    }

    public void Dispose() => _inner.Dispose();
}
