using System.Globalization;

namespace Corpus.Synth.Generation;

/// <summary>Where a generation run stands.</summary>
/// <param name="ProblemsDone">Problems whose samples are all verified.</param>
/// <param name="Problems">Problems in the run.</param>
/// <param name="Requests">Engine requests answered (problem writing and samples).</param>
/// <param name="InFlight">Requests sent and not yet answered now.</param>
/// <param name="Parallel">The most requests allowed in flight; <see cref="InFlight"/> / this is the batch occupancy.</param>
/// <param name="OutputTokens">Tokens generated so far.</param>
/// <param name="Elapsed">Time since the run started.</param>
/// <param name="Accepted">Samples accepted so far.</param>
/// <param name="Rejected">Samples rejected so far.</param>
public sealed record SynthProgress(int ProblemsDone, int Problems, long Requests, int InFlight, int Parallel, long OutputTokens, TimeSpan Elapsed, int Accepted, int Rejected)
{
    /// <summary>Output tokens per second since the start.</summary>
    public double TokensPerSecond => Elapsed.TotalSeconds > 0 ? OutputTokens / Elapsed.TotalSeconds : 0;

    /// <summary>Requests in flight over the most allowed, 0..1.</summary>
    public double BatchOccupancy => Parallel > 0 ? (double)InFlight / Parallel : 0;

    /// <summary>Accepted over verified samples, 0..1 (0 before any).</summary>
    public double AcceptanceRate => Accepted + Rejected > 0 ? (double)Accepted / (Accepted + Rejected) : 0;

    /// <summary>
    /// Where the run stands in one line, as <c>corpus synth</c> and the build's progress show it:
    /// <c>3/8 problems, 26 requests, 205.0 tokens/s, 4/16 in flight (25 % batch), 9 accepted / 3 rejected (75 %)</c>
    /// (invariant culture).
    /// </summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{ProblemsDone}/{Problems} problems, {Requests} requests, {TokensPerSecond:0.0} tokens/s, {InFlight}/{Parallel} in flight ({BatchOccupancy:P0} batch), {Accepted} accepted / {Rejected} rejected ({AcceptanceRate:P0})");
}
