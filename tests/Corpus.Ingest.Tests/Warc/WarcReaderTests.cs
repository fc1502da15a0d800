using System.IO.Compression;
using System.Text;
using Corpus.Ingest.Warc;

namespace Corpus.Ingest.Tests.Warc;

public sealed class WarcReaderTests
{
    private static byte[] Resource(string uri, string text) =>
        WarcSamples.PlainRecord($"WARC-Type: resource\r\nWARC-Target-URI: {uri}\r\nContent-Type: text/plain\r\n", text);

    [Fact]
    public void Headers_are_case_insensitive_and_continuation_lines_join()
    {
        var bytes = WarcSamples.PlainRecord("warc-type: resource\r\nWARC-Target-URI: http://a/\r\nX-Long: one\r\n  two\r\n", "x");
        var record = WarcSamples.Read(bytes).Should().ContainSingle().Which.Should().BeOfType<WarcRecord>().Subject;

        record.Type.Should().Be("resource");
        record.Header("x-long").Should().Be("one two");
        record.Version.Should().Be("WARC/1.0");
    }

    [Fact]
    public void A_truncated_file_ends_in_a_truncated_reject_after_the_good_records()
    {
        var good = Resource("http://a/", "first");
        var cut = Resource("http://b/", "second record")[..^10];
        var results = WarcSamples.Read([.. good, .. cut]);

        results.Should().HaveCount(2);
        results[0].Should().BeOfType<WarcRecord>();
        results[1].Should().BeOfType<WarcReject>().Which.Should().Match<WarcReject>(r => r.Reason == WarcRejectReasons.Truncated && r.Offset == good.Length);
    }

    [Fact]
    public void Garbage_between_records_is_one_reject_and_the_next_record_reads()
    {
        var garbage = "this is not\r\na warc record\r\nat all\r\n"u8.ToArray();
        var results = WarcSamples.Read([.. Resource("http://a/", "one"), .. garbage, .. Resource("http://b/", "two")]);

        results.Select(r => r.GetType().Name).Should().Equal("WarcRecord", "WarcReject", "WarcRecord");
        ((WarcReject)results[1]).Reason.Should().Be(WarcRejectReasons.Garbage);
        ((WarcRecord)results[2]).TargetUri.Should().Be("http://b/");
    }

    [Fact]
    public void A_content_length_too_large_is_a_reject_and_the_next_record_still_reads()
    {
        var bad = Encoding.UTF8.GetBytes("WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: http://a/\r\nContent-Length: 40\r\n\r\nshort\r\n\r\n");
        var results = WarcSamples.Read([.. bad, .. Resource("http://b/", "a longer second record body")]);

        results.Select(r => r.GetType().Name).Should().Equal("WarcReject", "WarcRecord");
        ((WarcReject)results[0]).Reason.Should().Be(WarcRejectReasons.BadContentLength);
        ((WarcRecord)results[1]).TargetUri.Should().Be("http://b/");
    }

    [Fact]
    public void A_content_length_that_is_not_a_number_is_a_reject()
    {
        var bad = Encoding.UTF8.GetBytes("WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: lots\r\n\r\nbody\r\n\r\n");
        var results = WarcSamples.Read([.. bad, .. Resource("http://b/", "two")]);

        results.Select(r => r.GetType().Name).Should().Equal("WarcReject", "WarcRecord");
        ((WarcReject)results[0]).Reason.Should().Be(WarcRejectReasons.BadContentLength);
    }

    [Fact]
    public void A_corrupt_gzip_member_is_a_reject_and_the_following_members_read()
    {
        var first = WarcSamples.Gzip(Resource("http://a/", "one"));
        var broken = WarcSamples.Gzip(Resource("http://b/", new string('x', 500)));
        for (var i = 12; i < broken.Length - 8; i += 3)
        {
            broken[i] ^= 0x5A;
        }

        var third = WarcSamples.Gzip(Resource("http://c/", "three"));
        var results = WarcSamples.Read([.. first, .. broken, .. third]);

        results.Select(r => r.GetType().Name).Should().Equal("WarcRecord", "WarcReject", "WarcRecord");
        var reject = (WarcReject)results[1];
        reject.Reason.Should().Be(WarcRejectReasons.CorruptGzip);
        reject.Offset.Should().Be(first.Length);
        results[2].Offset.Should().Be(first.Length + broken.Length);
        ((WarcRecord)results[2]).TargetUri.Should().Be("http://c/");
    }

    [Fact]
    public void A_whole_file_gzip_stream_reads_like_the_plain_file()
    {
        byte[] plain = [.. Resource("http://a/", "one"), .. Resource("http://b/", "two")];
        var results = WarcSamples.Read(WarcSamples.Gzip(plain));

        results.Cast<WarcRecord>().Select(r => r.TargetUri).Should().Equal("http://a/", "http://b/");
    }

    [Fact]
    public void A_digest_mismatch_is_a_reject_and_the_next_record_reads()
    {
        var wrong = WarcSamples.PlainRecord($"WARC-Type: resource\r\nWARC-Block-Digest: {WarcDigest.Sha1Base32("other"u8)}\r\n", "body");
        var right = WarcSamples.PlainRecord($"WARC-Type: resource\r\nWARC-Block-Digest: {WarcDigest.Sha1Base32("body"u8)}\r\n", "body");
        var results = WarcSamples.Read([.. wrong, .. right]);

        results.Select(r => r.GetType().Name).Should().Equal("WarcReject", "WarcRecord");
        ((WarcReject)results[0]).Reason.Should().Be(WarcRejectReasons.BlockDigestMismatch);
        ((WarcRecord)results[1]).BlockDigest.Should().Be(WarcDigestCheck.Verified);
    }

    [Fact]
    public void A_record_over_the_size_limit_is_skipped_not_loaded()
    {
        var huge = Resource("http://huge/", new string('z', 100_000));
        var results = WarcSamples.Read([.. huge, .. Resource("http://b/", "two")], new WarcReaderOptions { MaxRecordBytes = 10_000 });

        results.Select(r => r.GetType().Name).Should().Equal("WarcReject", "WarcRecord");
        ((WarcReject)results[0]).Reason.Should().Be(WarcRejectReasons.TooLarge);
    }

    [Fact]
    public void Wet_conversion_records_read_as_plain_text()
    {
        var text = "Un testo in italiano.\nSeconda riga.";
        var wet = WarcSamples.PlainRecord(
            "WARC-Type: conversion\r\nWARC-Target-URI: http://it.example/\r\nWARC-Date: 2024-05-01T00:00:00Z\r\n" +
            $"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000001>\r\nWARC-Block-Digest: {WarcDigest.Sha1Base32(Encoding.UTF8.GetBytes(text))}\r\nContent-Type: text/plain\r\n",
            text);
        var record = WarcSamples.Read(wet).Should().ContainSingle().Which.Should().BeOfType<WarcRecord>().Subject;

        record.Type.Should().Be("conversion");
        record.BlockDigest.Should().Be(WarcDigestCheck.Verified);
        Encoding.UTF8.GetString(record.HttpBody.Span).Should().Be(text);
    }

    [Fact]
    public void Chunked_and_gzip_encoded_http_bodies_are_decoded()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("chunked and gzipped ", 50)) + "</body></html>";
        var gzipped = WarcSamples.Gzip(Encoding.UTF8.GetBytes(html));
        using var chunked = new MemoryStream();
        for (var at = 0; at < gzipped.Length; at += 100)
        {
            var n = Math.Min(100, gzipped.Length - at);
            chunked.Write(Encoding.ASCII.GetBytes($"{n:x}\r\n"));
            chunked.Write(gzipped, at, n);
            chunked.Write("\r\n"u8);
        }

        chunked.Write("0\r\n\r\n"u8);
        byte[] http = [.. "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n"u8, .. chunked.ToArray()];
        using var temp = new TempFolder();
        using (var writer = WarcWriter.Create(new WarcWriterOptions { Directory = temp.Path, Seed = 3 }))
        {
            writer.WriteResponse("http://example.com/", WarcSamples.Date, http);
        }

        using var stream = File.OpenRead(Path.Combine(temp.Path, "corpus-00000.warc.gz"));
        var record = WarcReader.Open(stream).Cast<WarcRecord>().Single(r => r.Type == "response");

        record.PayloadDigest.Should().Be(WarcDigestCheck.Verified);
        record.HttpHeader("content-encoding").Should().Be("gzip");
        Encoding.UTF8.GetString(record.HttpBody.Span).Should().Be(html);
    }

    [Fact]
    public void Input_that_is_not_a_warc_at_all_gives_one_reject_and_ends()
    {
        var random = new byte[50_000];
        new Random(5).NextBytes(random);

        WarcSamples.Read(random).Should().ContainSingle().Which.Should().BeOfType<WarcReject>().Which.Reason.Should().Be(WarcRejectReasons.Garbage);
        WarcSamples.Read([0x1F, 0x8B, .. random]).Should().OnlyContain(r => r is WarcReject);
        WarcSamples.Read([]).Should().BeEmpty();
    }

    [Fact]
    public void A_cut_gzip_file_gives_the_records_before_the_cut()
    {
        var first = WarcSamples.Gzip(Resource("http://a/", "one"));
        var second = WarcSamples.Gzip(Resource("http://b/", "two"));
        var results = WarcSamples.Read([.. first, .. second[..(second.Length / 2)]]);

        results.Should().HaveCount(2, string.Join("; ", results.Select(r => r.ToString())));
        ((WarcRecord)results[0]).TargetUri.Should().Be("http://a/");
        ((WarcReject)results[1]).Reason.Should().BeOneOf(WarcRejectReasons.Truncated, WarcRejectReasons.CorruptGzip);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Records_larger_than_the_read_buffers_read_whole(bool gzip)
    {
        var random = new byte[300_000];
        new Random(9).NextBytes(random);
        var noisy = WarcSamples.PlainRecord($"WARC-Type: resource\r\nWARC-Block-Digest: {WarcDigest.Sha1Base32(random)}\r\n", random);
        var repetitive = Resource("http://b/", new string('r', 1_000_000));
        var last = Resource("http://c/", "last");
        byte[] bytes = gzip
            ? [.. WarcSamples.Gzip(noisy), .. WarcSamples.Gzip(repetitive), .. WarcSamples.Gzip(last)]
            : [.. noisy, .. repetitive, .. last];
        var results = WarcSamples.Read(bytes);

        results.Should().HaveCount(3).And.AllBeOfType<WarcRecord>();
        var records = results.Cast<WarcRecord>().ToList();
        records[0].BlockDigest.Should().Be(WarcDigestCheck.Verified);
        records[1].Block.Length.Should().Be(1_000_000);
        records[2].TargetUri.Should().Be("http://c/");
        if (gzip)
        {
            records[2].Offset.Should().Be(WarcSamples.Gzip(noisy).Length + WarcSamples.Gzip(repetitive).Length);
        }
    }
}
