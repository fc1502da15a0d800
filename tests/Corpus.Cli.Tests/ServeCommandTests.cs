using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Corpus.Cli.Tests;

public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_prints_its_url_and_answers_models_and_a_chat_completion()
    {
        var dir = TestEnvironment.NewTempDir("serve");
        var model = Path.Combine(dir, "tiny.gguf");
        try
        {
            var written = TestEnvironment.Run(null, "model", "tiny", "--out", model, "--dim", "32", "--layers", "1");
            written.ExitCode.Should().Be(0, written.Stderr);
            var psi = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = new UTF8Encoding(false),
            };
            foreach (var a in new[] { TestEnvironment.CorpusDll, "serve", "--model", model, "--port", "0", "--parallel", "4", "--ctx", "1024", "--threads", "1", "--model-name", "tiny" })
            {
                psi.ArgumentList.Add(a);
            }

            using var process = Process.Start(psi)!;
            var stderr = new StringBuilder();
            process.ErrorDataReceived += (_, e) => { lock (stderr) { stderr.AppendLine(e.Data); } };
            process.BeginErrorReadLine();
            try
            {
                var readLine = process.StandardOutput.ReadLineAsync();
                var first = await readLine.WaitAsync(TimeSpan.FromSeconds(20));
                first.Should().NotBeNull(stderr.ToString());
                var url = Regex.Match(first!, @"http://127\.0\.0\.1:\d+/v1").Value;
                url.Should().NotBeEmpty(first);

                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
                var models = JsonDocument.Parse(await http.GetStringAsync(new Uri(url + "/models"))).RootElement;
                models.GetProperty("data")[0].GetProperty("id").GetString().Should().Be("tiny");

                using var body = new StringContent("""{"messages": [{"role": "user", "content": "Add 2 and 3."}], "max_tokens": 4, "seed": 1}""", Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(new Uri(url + "/chat/completions"), body);
                response.StatusCode.Should().Be(HttpStatusCode.OK);
                var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                answer.GetProperty("usage").GetProperty("completion_tokens").GetInt32().Should().BeInRange(1, 4);
                answer.GetProperty("choices")[0].GetProperty("message").GetProperty("content").ValueKind.Should().Be(JsonValueKind.String);

                // SIGTERM stops the server as Ctrl+C does: it ends on its own, with exit code 0.
                using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                {
                    await term.WaitForExitAsync();
                }

                var exited = process.WaitForExit(TimeSpan.FromSeconds(10));
                exited.Should().BeTrue("SIGTERM stops corpus serve");
                process.ExitCode.Should().Be(0, stderr.ToString());
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                await process.WaitForExitAsync();
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Serve_with_a_missing_model_fails_naming_the_file()
    {
        var (code, _, stderr) = TestEnvironment.Run(null, "serve", "--model", "/no/such/model.gguf", "--port", "0");

        code.Should().Be(1);
        stderr.Should().Contain("/no/such/model.gguf");
    }

    [Fact]
    public void Serve_with_a_file_that_is_not_a_gguf_fails_naming_it()
    {
        var dir = TestEnvironment.NewTempDir("serve-bad");
        try
        {
            var bad = Path.Combine(dir, "bad.gguf");
            File.WriteAllText(bad, "not a model");

            var (code, _, stderr) = TestEnvironment.Run(null, "serve", "--model", bad, "--port", "0");

            code.Should().Be(1);
            stderr.Should().Contain("could not load the model").And.Contain(bad);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
