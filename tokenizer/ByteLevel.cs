namespace Corpus.Tokenizer;

/// <summary>
/// GPT-2's byte-level alphabet: every byte has a printable stand-in character, so a byte string
/// becomes a string the vocabulary is keyed by. Printable Latin-1 bytes stand for themselves;
/// the rest take the code points from U+0100 upwards in byte order.
/// </summary>
internal static class ByteLevel
{
    private static readonly char[] ByteToCharTable = BuildByteToChar();

    /// <summary>The stand-in character of each byte.</summary>
    public static ReadOnlySpan<char> ByteToChar => ByteToCharTable;

    /// <summary>The byte a stand-in character represents, or -1 when the character is not one.</summary>
    public static int CharToByte(char c)
    {
        if (c < 0x100)
        {
            return IsSelfMapped(c) ? c : -1;
        }

        int index = c - 0x100;
        return index < 68 ? ByteToCharTable.AsSpan().IndexOf(c) : -1;
    }

    private static bool IsSelfMapped(int b) =>
        (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);

    private static char[] BuildByteToChar()
    {
        var table = new char[256];
        int next = 0x100;
        for (int b = 0; b < 256; b++)
        {
            table[b] = IsSelfMapped(b) ? (char)b : (char)next++;
        }

        return table;
    }
}
