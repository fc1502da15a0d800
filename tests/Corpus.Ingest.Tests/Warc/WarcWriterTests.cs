using System.IO.Compression;
using System.Text;
using Corpus.Ingest.Warc;

namespace Corpus.Ingest.Tests.Warc;

public sealed class WarcWriterTests
{
    [Fact]
    public void Base32_digest_matches_rfc4648_vectors_and_the_known_empty_sha1()
    {
        WarcDigest.Base32("foobar"u8).Should().Be("MZXW6YTBOI======");
        WarcDigest.Base32("fo"u8).Should().Be("MZXQ====");
        WarcDigest.Sha1Base32([]).Should().Be("sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ");
    }

    [Fact]
    public void Digest_check_accepts_base32_hex_and_base64_forms()
    {
        var data = "abc"u8.ToArray();
        var hex = Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(data));
        var b64 = Convert.ToBase64String(System.Security.Cryptography.SHA1.HashData(data));
        WarcDigest.Matches(WarcDigest.Sha1Base32(data), data.AsMemory()).Should().BeTrue();
        WarcDigest.Matches("sha1:" + hex.ToLowerInvariant(), data.AsMemory()).Should().BeTrue();
        WarcDigest.Matches("sha1:" + b64, data.AsMemory()).Should().BeTrue();
        WarcDigest.Matches("sha1:" + hex, "abd"u8.ToArray()).Should().BeFalse();
        WarcDigest.Matches("whirlpool:abc", data.AsMemory()).Should().BeNull();
    }

    [Fact]
    public void Written_records_read_back_with_digests_verified()
    {
        using var temp = new TempFolder();
        var files = WarcSamples.Write(temp.Path, pages: 3);
        files.Should().ContainSingle().Which.Should().EndWith("test-00000.warc.gz");
        using var stream = File.OpenRead(files[0]);
        var results = WarcReader.Open(stream).ToList();

        results.Should().AllBeOfType<WarcRecord>();
        var records = results.Cast<WarcRecord>().ToList();
        records.Select(r => r.Type).Should().Equal("warcinfo", "response", "request", "response", "request", "response", "request");
        records.Skip(1).Should().OnlyContain(r => r.BlockDigest == WarcDigestCheck.Verified && r.PayloadDigest == WarcDigestCheck.Verified);
        records[0].BlockDigest.Should().Be(WarcDigestCheck.Verified);
        records[1].HttpStatus.Should().Be(200);
        Encoding.UTF8.GetString(records[1].HttpBody.Span).Should().Be(WarcSamples.Page(0));
        records[2].Header("WARC-Concurrent-To").Should().Be(records[1].RecordId);
        records[1].Header("WARC-IP-Address").Should().Be("93.184.216.34");
        records[1].TargetUri.Should().Be("http://example.com/0");
        records[1].Date.Should().Be("2024-05-06T07:08:09Z");
    }

    [Fact]
    public void One_record_has_the_exact_warc_1_1_byte_layout()
    {
        using var temp = new TempFolder();
        var response = WarcSamples.Response("<p>hi</p>");
        using (var writer = WarcWriter.Create(new WarcWriterOptions { Directory = temp.Path, Gzip = false, Seed = 42 }))
        {
            writer.WriteResponse("http://example.com/", new DateTimeOffset(2024, 1, 2, 3, 4, 5, 678, TimeSpan.FromHours(1)), response, ipAddress: "10.0.0.1");
        }

        var ids = new WarcRecordIds(42);
        ids.Next(); // the warcinfo record's id
        var id = ids.Next();
        var body = "<p>hi</p>"u8.ToArray();
        var expected = Encoding.UTF8.GetBytes(
            "WARC/1.1\r\n" +
            "WARC-Type: response\r\n" +
            $"WARC-Record-ID: {id}\r\n" +
            "WARC-Date: 2024-01-02T02:04:05.678000Z\r\n" +
            "WARC-Target-URI: http://example.com/\r\n" +
            "WARC-IP-Address: 10.0.0.1\r\n" +
            $"WARC-Payload-Digest: {WarcDigest.Sha1Base32(body)}\r\n" +
            $"WARC-Block-Digest: {WarcDigest.Sha1Base32(response)}\r\n" +
            "Content-Type: application/http;msgtype=response\r\n" +
            $"Content-Length: {response.Length}\r\n" +
            "\r\n").Concat(response).Concat("\r\n\r\n"u8.ToArray()).ToArray();

        var bytes = File.ReadAllBytes(Path.Combine(temp.Path, "corpus-00000.warc"));
        var start = bytes.AsSpan().IndexOf("WARC/1.1\r\nWARC-Type: response"u8);
        bytes[start..].Should().Equal(expected);
        id.Should().MatchRegex("^<urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}>$");
        Encoding.UTF8.GetString(bytes, 0, start).Should().StartWith("WARC/1.1\r\nWARC-Type: warcinfo\r\n").And.Contain("WARC-Filename: corpus-00000.warc\r\n");
    }

    [Fact]
    public void Each_record_is_its_own_gzip_member()
    {
        using var temp = new TempFolder();
        var file = WarcSamples.Write(temp.Path, pages: 2)[0];
        var bytes = File.ReadAllBytes(file);
        var offsets = WarcReader.Open(new MemoryStream(bytes)).Select(r => (int)r.Offset).Append(bytes.Length).ToList();

        offsets.Should().HaveCount(6).And.BeInAscendingOrder().And.OnlyHaveUniqueItems();
        for (var i = 0; i + 1 < offsets.Count; i++)
        {
            using var gzip = new GZipStream(new MemoryStream(bytes, offsets[i], offsets[i + 1] - offsets[i]), CompressionMode.Decompress);
            using var member = new MemoryStream();
            gzip.CopyTo(member);
            var text = Encoding.UTF8.GetString(member.ToArray());
            text.Should().StartWith("WARC/1.1\r\n").And.EndWith("\r\n\r\n");
            WarcSamples.Read(member.ToArray()).Should().ContainSingle().Which.Should().BeOfType<WarcRecord>();
        }
    }

    [Fact]
    public void Files_roll_over_by_size_each_with_its_own_warcinfo()
    {
        using var temp = new TempFolder();
        var files = WarcSamples.Write(temp.Path, pages: 5, gzip: false, maxFileBytes: 1500);

        files.Select(Path.GetFileName).Should().Equal("test-00000.warc", "test-00001.warc", "test-00002.warc", "test-00003.warc", "test-00004.warc");
        Directory.GetFiles(temp.Path).Should().HaveCount(5, "no .tmp file is left behind");
        foreach (var file in files)
        {
            using var stream = File.OpenRead(file);
            var records = WarcReader.Open(stream).Cast<WarcRecord>().ToList();
            records.Select(r => r.Type).Should().Equal("warcinfo", "response", "request");
            records[0].Header("WARC-Filename").Should().Be(Path.GetFileName(file));
        }
    }

    [Fact]
    public void The_file_stays_under_a_tmp_name_until_closed()
    {
        using var temp = new TempFolder();
        using var writer = WarcWriter.Create(new WarcWriterOptions { Directory = temp.Path, Seed = 1 });
        writer.WriteResource("file:///a.txt", WarcSamples.Date, "text/plain", "a"u8);

        Directory.GetFiles(temp.Path).Select(Path.GetFileName).Should().Equal("corpus-00000.warc.gz.tmp");
        writer.Dispose();
        Directory.GetFiles(temp.Path).Select(Path.GetFileName).Should().Equal("corpus-00000.warc.gz");
    }

    [Fact]
    public void A_seeded_writer_writes_the_same_bytes_twice()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        var a = File.ReadAllBytes(WarcSamples.Write(first.Path, pages: 3, seed: 99)[0]);
        var b = File.ReadAllBytes(WarcSamples.Write(second.Path, pages: 3, seed: 99)[0]);
        using var third = new TempFolder();
        var c = File.ReadAllBytes(WarcSamples.Write(third.Path, pages: 3, seed: 100)[0]);

        a.Should().Equal(b);
        a.Should().NotEqual(c);
    }
}
