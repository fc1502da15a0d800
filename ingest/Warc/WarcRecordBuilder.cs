namespace Corpus.Ingest.Warc;

/// <summary>
/// Turns a record's headers and block into a <see cref="WarcRecord"/>: parses the HTTP message of
/// <c>application/http</c> records, decodes its body, and checks the digests (a mismatch is a reject).
/// </summary>
internal static class WarcRecordBuilder
{
    public static WarcReadResult Build(long offset, string version, List<KeyValuePair<string, string>> headers, byte[] block, WarcReaderOptions options)
    {
        var record = new WarcRecord(offset) { Version = version, Headers = headers, Block = block, HttpBody = block };
        var http = IsHttp(record) ? HttpBlock.Parse(block) : null;
        var payload = http is null ? block.AsMemory() : block.AsMemory(http.BodyStart);
        var blockCheck = WarcDigestCheck.Absent;
        var payloadCheck = WarcDigestCheck.Absent;
        if (options.VerifyDigests)
        {
            if (record.Header("WARC-Block-Digest") is { } blockDigest)
            {
                switch (WarcDigest.Matches(blockDigest, block.AsMemory()))
                {
                    case null:
                        blockCheck = WarcDigestCheck.Unsupported;
                        break;
                    case false:
                        return new WarcReject(offset, WarcRejectReasons.BlockDigestMismatch, $"{Describe(record)}: WARC-Block-Digest {blockDigest} does not match the {block.Length}-byte block");
                    default:
                        blockCheck = WarcDigestCheck.Verified;
                        break;
                }
            }

            if (record.Header("WARC-Payload-Digest") is { } payloadDigest)
            {
                if (record.Type == "revisit")
                {
                    payloadCheck = WarcDigestCheck.Unsupported;
                }
                else
                {
                    // warcio digests the payload as stored; some writers digest it de-chunked: either is accepted.
                    var candidates = new List<ReadOnlyMemory<byte>> { payload };
                    if (http is { IsChunked: true } && HttpBlock.Dechunk(payload.Span) is { } dechunked)
                    {
                        candidates.Add(dechunked);
                    }

                    // ClueWeb09 (WARC/0.18) writes the block digest as the payload digest.
                    if (string.Equals(payloadDigest, record.Header("WARC-Block-Digest"), StringComparison.Ordinal))
                    {
                        candidates.Add(block);
                    }

                    switch (WarcDigest.Matches(payloadDigest, candidates))
                    {
                        case null:
                            payloadCheck = WarcDigestCheck.Unsupported;
                            break;
                        case false:
                            return new WarcReject(offset, WarcRejectReasons.PayloadDigestMismatch, $"{Describe(record)}: WARC-Payload-Digest {payloadDigest} does not match the {payload.Length}-byte payload");
                        default:
                            payloadCheck = WarcDigestCheck.Verified;
                            break;
                    }
                }
            }
        }

        record = record with { BlockDigest = blockCheck, PayloadDigest = payloadCheck };
        if (http is null)
        {
            return record;
        }

        var body = http.DecodeBody(block, options.MaxRecordBytes);
        if (body is not { } decoded)
        {
            return new WarcReject(offset, WarcRejectReasons.TooLarge, $"{Describe(record)}: decoded HTTP body is over the {options.MaxRecordBytes}-byte limit");
        }

        return record with { HttpStatus = http.Status, HttpHeaders = http.Headers, HttpBody = decoded };
    }

    private static bool IsHttp(WarcRecord record) =>
        record.ContentType?.StartsWith("application/http", StringComparison.OrdinalIgnoreCase) == true
        && record.Type is "response" or "request" or "revisit";

    private static string Describe(WarcRecord record) => $"{record.Type} record {record.RecordId} for {record.TargetUri}";
}
