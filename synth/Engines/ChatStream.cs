using System.Threading.Channels;

namespace Corpus.Synth.Engines;

/// <summary>
/// A completion delivered while it is generated: <see cref="Pieces"/> gives its text in order, piece by
/// piece, and <see cref="Completion"/> the whole answer when it ends. The pieces joined are exactly
/// <see cref="ChatCompletion.Text"/>. When generation fails or is cancelled, reading the pieces throws
/// that failure after the pieces already sent.
/// </summary>
public sealed class ChatStream
{
    internal ChatStream(ChannelReader<string> pieces, Task<ChatCompletion> completion)
    {
        Pieces = pieces;
        Completion = completion;
    }

    /// <summary>The text as it is generated; completes when generation ends.</summary>
    public ChannelReader<string> Pieces { get; }

    /// <summary>The whole answer, with its finish reason and usage.</summary>
    public Task<ChatCompletion> Completion { get; }

    /// <summary>A stream for an engine that answers only when done: the whole text as one piece.</summary>
    internal static ChatStream Whole(Task<ChatCompletion> completion)
    {
        var pieces = Channel.CreateBounded<string>(1);
        _ = completion.ContinueWith(
            t =>
            {
                if (t.IsCompletedSuccessfully)
                {
                    if (t.Result.Text.Length > 0)
                    {
                        pieces.Writer.TryWrite(t.Result.Text);
                    }

                    pieces.Writer.TryComplete();
                }
                else
                {
                    pieces.Writer.TryComplete(Failure(t));
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return new ChatStream(pieces.Reader, completion);
    }

    /// <summary>Ends <paramref name="writer"/> when <paramref name="completion"/> ends: normally, or with its failure.</summary>
    internal static void CompleteWith(ChannelWriter<string> writer, Task<ChatCompletion> completion) =>
        _ = completion.ContinueWith(
            t => writer.TryComplete(t.IsCompletedSuccessfully ? null : Failure(t)),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

    private static Exception Failure(Task t) => t.IsCanceled
        ? new OperationCanceledException("the completion was cancelled")
        : t.Exception!.InnerExceptions.Count == 1 ? t.Exception.InnerExceptions[0] : t.Exception;
}
