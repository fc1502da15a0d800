using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Corpus.Ingest.Web;

/// <summary>
/// Reads sitemaps (sitemaps.org): XML <c>&lt;urlset&gt;</c> and <c>&lt;sitemapindex&gt;</c>,
/// gzip-compressed or not (recognized by the gzip magic bytes), and plain-text sitemaps (one URL
/// a line). Bounded: at most <see cref="MaxUncompressedBytes"/> (the protocol's 50 MiB) are read
/// and at most <c>maxUrls</c> URLs kept (the protocol's 50,000 by default). DTDs are refused.
/// </summary>
public static class SitemapParser
{
    /// <summary>Most bytes read from one sitemap once uncompressed.</summary>
    public const int MaxUncompressedBytes = 50 * 1024 * 1024;

    /// <summary>Parses a sitemap's bytes.</summary>
    public static SitemapContent Parse(ReadOnlySpan<byte> content, int maxUrls = 50_000)
    {
        var (bytes, cut) = Uncompress(content);
        var urls = new List<string>();
        var isIndex = false;
        var truncated = cut;
        var head = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 512)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (head.StartsWith('<'))
        {
            try
            {
                using var stream = new MemoryStream(bytes);
                using var reader = XmlReader.Create(stream, new XmlReaderSettings
                {
                    DtdProcessing = DtdProcessing.Prohibit,
                    XmlResolver = null,
                    IgnoreComments = true,
                    IgnoreWhitespace = true,
                });
                while (reader.Read())
                {
                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        continue;
                    }

                    if (reader.LocalName == "sitemapindex")
                    {
                        isIndex = true;
                    }
                    else if (reader.LocalName == "loc")
                    {
                        if (urls.Count >= maxUrls)
                        {
                            truncated = true;
                            break;
                        }

                        Add(urls, reader.ReadElementContentAsString());
                    }
                }
            }
            catch (XmlException)
            {
                // A sitemap cut at the size limit, or broken: keep the URLs read up to there.
                truncated = true;
            }
        }
        else
        {
            foreach (var line in Encoding.UTF8.GetString(bytes).Split('\n'))
            {
                if (urls.Count >= maxUrls)
                {
                    truncated = true;
                    break;
                }

                Add(urls, line);
            }
        }

        return new SitemapContent(isIndex, urls, truncated);
    }

    private static void Add(List<string> urls, string loc)
    {
        var url = loc.Trim();
        if (url.Length > 0 && UrlNormalizer.Normalize(url).Url is { } normalized)
        {
            urls.Add(normalized);
        }
    }

    private static (byte[] Bytes, bool Truncated) Uncompress(ReadOnlySpan<byte> content)
    {
        if (!content.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]))
        {
            return content.Length > MaxUncompressedBytes ? (content[..MaxUncompressedBytes].ToArray(), true) : (content.ToArray(), false);
        }

        using var input = new MemoryStream(content.ToArray());
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        try
        {
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                if (output.Length + read > MaxUncompressedBytes)
                {
                    output.Write(buffer, 0, (int)(MaxUncompressedBytes - output.Length));
                    return (output.ToArray(), true);
                }

                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException)
        {
            return (output.ToArray(), true);
        }

        return (output.ToArray(), false);
    }
}
