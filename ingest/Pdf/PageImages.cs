using UglyToad.PdfPig.Content;

namespace Corpus.Ingest.Pdf;

/// <summary>A page's embedded images as bytes for an <see cref="IPageTranscriber"/>: PNG where PdfPig can decode the image, else its raw bytes.</summary>
internal static class PageImages
{
    public static IReadOnlyList<ReadOnlyMemory<byte>> Of(Page page)
    {
        var images = new List<ReadOnlyMemory<byte>>();
        foreach (var image in page.GetImages())
        {
            if (image.TryGetPng(out var png) && png is { Length: > 0 })
            {
                images.Add(png);
            }
            else if (!image.RawMemory.IsEmpty)
            {
                images.Add(image.RawMemory.ToArray());
            }
        }

        return images;
    }

    public static bool Any(Page page)
    {
        try
        {
            return page.NumberOfImages > 0 || page.GetImages().Any();
        }
#pragma warning disable CA1031 // a page whose images cannot be read counts as one without images
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }
}
