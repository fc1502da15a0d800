using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Corpus.Ingest.Tests.Pdf;

/// <summary>
/// Writes a one-page PDF encrypted with the standard security handler, revision 2 (RC4, 40-bit key), as PDF 1.7
/// (ISO 32000-1) section 7.6.3 describes it: algorithm 2 (file key), 3 (/O), 4 (/U), and algorithm 1 for the page's
/// content stream. PdfPig cannot write encryption, so the tests do it here.
/// </summary>
internal static class EncryptedPdf
{
    private static readonly byte[] Padding =
    [
        0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
        0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
    ];

    private static readonly byte[] FileId = Convert.FromHexString("0123456789ABCDEF0123456789ABCDEF");

    private const int Permissions = -4; // every permission bit set

    public static byte[] Build(string userPassword, string ownerPassword, string text)
    {
        var o = RC4(MD5.HashData(Pad(ownerPassword))[..5], Pad(userPassword));
        var keyInput = Pad(userPassword)
            .Concat(o)
            .Concat(BitConverter.GetBytes(Permissions))
            .Concat(FileId)
            .ToArray();
        var key = MD5.HashData(keyInput)[..5];
        var u = RC4(key, Padding);

        var content = Encoding.ASCII.GetBytes($"BT /F1 12 Tf 72 700 Td ({text}) Tj ET");
        var encryptedContent = RC4(ObjectKey(key, 4, 0), content);

        var objects = new List<byte[]>
        {
            Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
            Ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            Ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"),
            Ascii($"<< /Length {encryptedContent.Length} >>\nstream\n").Concat(encryptedContent).Concat(Ascii("\nendstream")).ToArray(),
            Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
            Ascii($"<< /Filter /Standard /V 1 /R 2 /Length 40 /P {Permissions} /O <{Convert.ToHexString(o)}> /U <{Convert.ToHexString(u)}> >>"),
        };

        using var pdf = new MemoryStream();
        pdf.Write(Ascii("%PDF-1.4\n%\u00e2\u00e3\n"));
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            pdf.Write(Ascii($"{i + 1} 0 obj\n"));
            pdf.Write(objects[i]);
            pdf.Write(Ascii("\nendobj\n"));
        }

        var xref = pdf.Position;
        var table = new StringBuilder();
        table.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        var id = Convert.ToHexString(FileId);
        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R /Encrypt 6 0 R /ID [<{id}> <{id}>] >>\nstartxref\n{xref}\n%%EOF\n");
        pdf.Write(Ascii(table.ToString()));
        return pdf.ToArray();
    }

    private static byte[] Ascii(string s) => Encoding.Latin1.GetBytes(s);

    private static byte[] Pad(string password)
    {
        var bytes = Encoding.Latin1.GetBytes(password);
        return bytes.Take(32).Concat(Padding.Take(32 - Math.Min(32, bytes.Length))).ToArray();
    }

    private static byte[] ObjectKey(byte[] key, int number, int generation)
    {
        var input = key.Concat(new[] { (byte)number, (byte)(number >> 8), (byte)(number >> 16), (byte)generation, (byte)(generation >> 8) }).ToArray();
        return MD5.HashData(input)[..Math.Min(key.Length + 5, 16)];
    }

    private static byte[] RC4(byte[] key, byte[] data)
    {
        var s = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        for (int i = 0, j = 0; i < 256; i++)
        {
            j = (j + s[i] + key[i % key.Length]) & 0xFF;
            (s[i], s[j]) = (s[j], s[i]);
        }

        var output = new byte[data.Length];
        for (int n = 0, i = 0, j = 0; n < data.Length; n++)
        {
            i = (i + 1) & 0xFF;
            j = (j + s[i]) & 0xFF;
            (s[i], s[j]) = (s[j], s[i]);
            output[n] = (byte)(data[n] ^ s[(s[i] + s[j]) & 0xFF]);
        }

        return output;
    }
}
