namespace Corpus.Synth.Tests.Serving;

/// <summary>A client's side of a streamed answer: posts a request and reads every event's <c>data:</c> payload.</summary>
internal static class ServerSentEvents
{
    /// <summary>Posts <paramref name="body"/> and reads the response to its end; events must be single <c>data:</c> lines separated by blank lines.</summary>
    public static async Task<(HttpResponseMessage Response, List<string> Events)> PostAsync(HttpClient http, Uri url, HttpContent body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = body };
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var events = new List<string>();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                events.Add(line["data: ".Length..]);
            }
            else
            {
                line.Should().BeEmpty("events are single data lines separated by blank lines");
            }
        }

        return (response, events);
    }
}
