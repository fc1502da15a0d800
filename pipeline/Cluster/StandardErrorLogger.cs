using Akka.Actor;
using Akka.Event;

namespace Corpus.Pipeline.Cluster;

/// <summary>
/// Akka's log events as one line each on standard error (<c>akka warning: source: message</c>), so
/// standard output carries only the command's result. Cluster membership changes and lost nodes
/// show up here.
/// </summary>
internal sealed class StandardErrorLogger : ReceiveActor
{
    public StandardErrorLogger()
    {
        Receive<InitializeLogger>(_ => Sender.Tell(new LoggerInitialized()));
        Receive<LogEvent>(e =>
        {
            var message = e.Message?.ToString() ?? string.Empty;
            var firstLine = message.AsSpan();
            var end = firstLine.IndexOfAny('\r', '\n');
            if (end >= 0)
            {
                firstLine = firstLine[..end];
            }

            var cause = e.Cause is null ? string.Empty : $" ({e.Cause.GetType().Name}: {e.Cause.Message})";
            Console.Error.WriteLine($"akka {e.LogLevel().ToString().Replace("Level", string.Empty, StringComparison.Ordinal).ToLowerInvariant()}: {e.LogSource}: {firstLine}{cause}");
        });
    }
}
