using System.Buffers.Binary;
using System.Text;

namespace Corpus.Filters.Languages.Training;

/// <summary>One message of a gettext catalog: its context, original and translations (one per plural form).</summary>
internal sealed record MoMessage(string? Context, string Id, string? PluralId, IReadOnlyList<string> Translations);

/// <summary>
/// Reads GNU gettext binary catalogs (<c>.mo</c>): the magic 0x950412de in either byte order, the
/// original and translation string tables, contexts (<c>ctxt\u0004id</c>) and plural forms
/// (NUL-separated). Strings are UTF-8; the header entry (empty id) is skipped.
/// </summary>
internal static class MoCatalog
{
    private const uint Magic = 0x950412de;

    /// <summary>Reads every message of a catalog file.</summary>
    public static IReadOnlyList<MoMessage> Read(string path) => Read(File.ReadAllBytes(path), path);

    /// <summary>Reads every message of a catalog held in memory; <paramref name="name"/> names it in errors.</summary>
    public static IReadOnlyList<MoMessage> Read(ReadOnlySpan<byte> data, string name = "catalog")
    {
        if (data.Length < 28)
        {
            throw new InvalidDataException($"{name}: too short for a .mo file ({data.Length} bytes)");
        }

        bool bigEndian;
        if (BinaryPrimitives.ReadUInt32LittleEndian(data) == Magic)
        {
            bigEndian = false;
        }
        else if (BinaryPrimitives.ReadUInt32BigEndian(data) == Magic)
        {
            bigEndian = true;
        }
        else
        {
            throw new InvalidDataException($"{name}: not a .mo file (bad magic number)");
        }

        var count = ReadUInt32(data, 8, bigEndian, name);
        var originals = ReadUInt32(data, 12, bigEndian, name);
        var translations = ReadUInt32(data, 16, bigEndian, name);
        var messages = new List<MoMessage>((int)Math.Min(count, 1 << 16));
        for (var i = 0u; i < count; i++)
        {
            var original = ReadString(data, originals + (i * 8), bigEndian, name);
            var translated = ReadString(data, translations + (i * 8), bigEndian, name);
            if (original.Length == 0)
            {
                continue; // the header
            }

            string? context = null;
            var eot = original.IndexOf('\u0004', StringComparison.Ordinal);
            if (eot >= 0)
            {
                context = original[..eot];
                original = original[(eot + 1)..];
            }

            var ids = original.Split('\0');
            messages.Add(new MoMessage(context, ids[0], ids.Length > 1 ? ids[1] : null, translated.Split('\0')));
        }

        return messages;
    }

    private static string ReadString(ReadOnlySpan<byte> data, uint descriptor, bool bigEndian, string name)
    {
        var length = ReadUInt32(data, descriptor, bigEndian, name);
        var offset = ReadUInt32(data, descriptor + 4, bigEndian, name);
        if ((ulong)offset + length > (ulong)data.Length)
        {
            throw new InvalidDataException($"{name}: a string at offset {offset} of length {length} runs past the end of the file");
        }

        return Encoding.UTF8.GetString(data.Slice((int)offset, (int)length));
    }

    private static uint ReadUInt32(ReadOnlySpan<byte> data, uint offset, bool bigEndian, string name)
    {
        if ((ulong)offset + 4 > (ulong)data.Length)
        {
            throw new InvalidDataException($"{name}: a table entry at offset {offset} runs past the end of the file");
        }

        var span = data.Slice((int)offset, 4);
        return bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(span) : BinaryPrimitives.ReadUInt32LittleEndian(span);
    }
}
