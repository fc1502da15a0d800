using System.Text;

namespace Corpus.Ingest.Pdf;

/// <summary>
/// The bytes that carry one PDF parse to another process and its outcome back: <see cref="EncodeRequest"/> on the
/// asking side, <see cref="Serve"/> in the process that parses, <see cref="DecodeResponse"/> back on the asking side.
/// The request holds the PDF and the limits of <see cref="PdfOptions"/> (and, with an
/// <see cref="OpenAiVisionTranscriber"/>, its endpoint, model and timeout); the answer is the
/// <see cref="PdfExtraction"/>, so a parse gives the same outcome on either side of the wire.
/// </summary>
public static class PdfParseWire
{
    private const int Version = 1;
    private static readonly Lock VisionGate = new();
    private static readonly Dictionary<TimeSpan, HttpClient> VisionClients = [];

    /// <summary>The request for parsing <paramref name="pdf"/> under <paramref name="options"/>.</summary>
    public static byte[] EncodeRequest(ReadOnlyMemory<byte> pdf, PdfOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var buffer = new MemoryStream(pdf.Length + 256);
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Version);
            w.Write(options.MaxBytes);
            w.Write(options.MaxPages);
            w.Write(options.MaxTime.Ticks);
            var vision = options.Transcriber as OpenAiVisionTranscriber;
            w.Write(vision is not null);
            if (vision is not null)
            {
                w.Write(vision.Endpoint.AbsoluteUri);
                w.Write(vision.Model);
                w.Write(vision.Timeout.Ticks);
            }

            w.Write(pdf.Length);
            w.Write(pdf.Span);
        }

        return buffer.ToArray();
    }

    /// <summary>Parses the PDF a request carries, in this process, and returns the encoded outcome.</summary>
    public static byte[] Serve(ReadOnlyMemory<byte> request, CancellationToken ct = default)
    {
        using var input = new MemoryStream(request.ToArray(), writable: false);
        using var r = new BinaryReader(input, Encoding.UTF8);
        if (r.ReadInt32() != Version)
        {
            throw new InvalidDataException("a PDF parse request of another version");
        }

        var maxBytes = r.ReadInt64();
        var maxPages = r.ReadInt32();
        var maxTime = TimeSpan.FromTicks(r.ReadInt64());
        IPageTranscriber? transcriber = null;
        if (r.ReadBoolean())
        {
            var endpoint = new Uri(r.ReadString());
            var model = r.ReadString();
            transcriber = new OpenAiVisionTranscriber(VisionClient(TimeSpan.FromTicks(r.ReadInt64())), endpoint, model);
        }

        var pdf = r.ReadBytes(r.ReadInt32());
        var options = new PdfOptions { MaxBytes = maxBytes, MaxPages = maxPages, MaxTime = maxTime, Transcriber = transcriber };
        return EncodeResponse(PdfTextExtractor.Extract(pdf, options, ct));
    }

    /// <summary>The outcome an answer carries.</summary>
    public static PdfExtraction DecodeResponse(ReadOnlyMemory<byte> response)
    {
        using var input = new MemoryStream(response.ToArray(), writable: false);
        using var r = new BinaryReader(input, Encoding.UTF8);
        if (r.ReadByte() == 1)
        {
            return PdfExtraction.Rejected(r.ReadString(), r.ReadString());
        }

        var text = r.ReadString();
        var title = ReadOptional(r);
        var author = ReadOptional(r);
        var language = ReadOptional(r);
        var pages = r.ReadInt32();
        var metadata = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (var n = r.ReadInt32(); n > 0; n--)
        {
            var key = r.ReadString();
            metadata[key] = r.ReadString();
        }

        return PdfExtraction.Of(new PdfDocumentText(text, title, author, language, pages, metadata));
    }

    internal static byte[] EncodeResponse(PdfExtraction extraction)
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            if (extraction.Document is not { } doc)
            {
                w.Write((byte)1);
                w.Write(extraction.Reject!.Reason);
                w.Write(extraction.Reject.Detail);
            }
            else
            {
                w.Write((byte)0);
                w.Write(doc.Text);
                WriteOptional(w, doc.Title);
                WriteOptional(w, doc.Author);
                WriteOptional(w, doc.Language);
                w.Write(doc.Pages);
                w.Write(doc.Metadata.Count);
                foreach (var (key, value) in doc.Metadata.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    w.Write(key);
                    w.Write(value);
                }
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A reject for a parse that did not answer (its process died, ran out of time or memory).</summary>
    public static PdfExtraction Lost(string reason, string detail) => PdfExtraction.Rejected(reason, detail);

    private static void WriteOptional(BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        if (value is not null)
        {
            w.Write(value);
        }
    }

    private static string? ReadOptional(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static HttpClient VisionClient(TimeSpan timeout)
    {
        lock (VisionGate)
        {
            if (!VisionClients.TryGetValue(timeout, out var client))
            {
                client = new HttpClient { Timeout = timeout };
                VisionClients[timeout] = client;
            }

            return client;
        }
    }
}
