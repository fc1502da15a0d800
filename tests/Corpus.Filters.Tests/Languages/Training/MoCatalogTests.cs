using System.Buffers.Binary;
using System.Text;
using Corpus.Filters.Languages.Training;

namespace Corpus.Filters.Tests.Languages.Training;

public class MoCatalogTests
{
    [Fact]
    public void Reads_a_catalog_compiled_by_msgfmt_with_context_and_plurals()
    {
        var dir = Directory.CreateTempSubdirectory("corpus-mo-");
        try
        {
            TrainingFileTests.Compile(dir.FullName, """
                msgid ""
                msgstr ""
                "Content-Type: text/plain; charset=UTF-8\n"
                "Plural-Forms: nplurals=2; plural=(n != 1);\n"

                msgid "Open file"
                msgstr "Datei öffnen"

                msgctxt "menu"
                msgid "Close"
                msgstr "Schließen"

                msgid "%d file"
                msgid_plural "%d files"
                msgstr[0] "%d Datei"
                msgstr[1] "%d Dateien"

                """);
            var mo = Path.Combine(dir.FullName, "messages.mo");

            var messages = MoCatalog.Read(mo);

            messages.Should().BeEquivalentTo(new[]
            {
                new MoMessage(null, "%d file", "%d files", ["%d Datei", "%d Dateien"]),
                new MoMessage(null, "Open file", null, ["Datei öffnen"]),
                new MoMessage("menu", "Close", null, ["Schließen"]),
            });
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Reads_a_big_endian_catalog_written_by_hand()
    {
        var bytes = WriteMo([("", "Project-Id-Version: x\n"), ("Yes", "Sí"), ("No", "No")], bigEndian: true);

        var messages = MoCatalog.Read(bytes);

        messages.Select(m => (m.Id, m.Translations[0])).Should().Equal(("Yes", "Sí"), ("No", "No"));
    }

    [Fact]
    public void Rejects_a_file_that_is_not_a_catalog_naming_it()
    {
        var act = () => MoCatalog.Read(new byte[64], "bad.mo");

        act.Should().Throw<InvalidDataException>().WithMessage("bad.mo: not a .mo file*");
    }

    [Fact]
    public void Rejects_a_string_table_that_runs_past_the_end()
    {
        var bytes = WriteMo([("Yes", "Sí")], bigEndian: false);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(28 + 4), 100_000); // the first original's offset

        var act = () => MoCatalog.Read(bytes, "cut.mo");

        act.Should().Throw<InvalidDataException>().WithMessage("cut.mo: a string at offset 100000*");
    }

    private static byte[] WriteMo(IReadOnlyList<(string Id, string Text)> messages, bool bigEndian)
    {
        var n = messages.Count;
        var headerSize = 28;
        var originals = headerSize;
        var translations = originals + (8 * n);
        var data = translations + (8 * n);
        var blob = new MemoryStream();
        var table = new List<(int Length, int Offset)>();
        foreach (var s in messages.Select(m => m.Id).Concat(messages.Select(m => m.Text)))
        {
            var b = Encoding.UTF8.GetBytes(s);
            table.Add((b.Length, data + (int)blob.Length));
            blob.Write(b);
            blob.WriteByte(0);
        }

        var result = new byte[data + blob.Length];
        void Put(int offset, uint value)
        {
            if (bigEndian)
            {
                BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(offset), value);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(offset), value);
            }
        }

        Put(0, 0x950412de);
        Put(8, (uint)n);
        Put(12, (uint)originals);
        Put(16, (uint)translations);
        for (var i = 0; i < 2 * n; i++)
        {
            Put(originals + (8 * i), (uint)table[i].Length);
            Put(originals + (8 * i) + 4, (uint)table[i].Offset);
        }

        blob.ToArray().CopyTo(result, data);
        return result;
    }
}
