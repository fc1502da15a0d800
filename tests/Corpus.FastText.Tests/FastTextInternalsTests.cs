using System.Text;
using Corpus.FastText;

namespace Corpus.FastText.Tests;

/// <summary>The pieces under the engine: hashing, the top-k heap, the vector arithmetic, the word table.</summary>
public sealed class FastTextInternalsTests
{
    [Fact]
    public void Fnv1a_sign_extends_bytes_over_0x7f_as_fasttext_does()
    {
        // Plain FNV-1a of "a" is 0xE40C292C; ASCII is unaffected by the int8 cast.
        FastTextHash.Fnv1a("a"u8).Should().Be(0xE40C292Cu);

        // For "é" (C3 A9) fastText xors 0xFFFFFFC3 and 0xFFFFFFA9, not 0xC3 and 0xA9.
        var bytes = Encoding.UTF8.GetBytes("é");
        var expected = 2166136261u;
        foreach (var b in bytes)
        {
            expected = (expected ^ (0xFFFFFF00u | b)) * 16777619u;
        }

        FastTextHash.Fnv1a(bytes).Should().Be(expected);
        var plain = 2166136261u;
        foreach (var b in bytes)
        {
            plain = (plain ^ b) * 16777619u;
        }

        FastTextHash.Fnv1a(bytes).Should().NotBe(plain);
    }

    [Fact]
    public void Top_k_keeps_the_k_best_in_descending_order()
    {
        var scores = new[] { -3f, -0.5f, -2f, -0.1f, -7f, -0.5f, -1f };
        var heap = new HeapEntry[4];
        var size = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            size = TopKHeap.Offer(heap, size, 3, new HeapEntry(scores[i], i));
        }

        TopKHeap.Sort(heap, size);

        size.Should().Be(3);
        heap[..3].Select(h => h.Score).Should().Equal(-0.1f, -0.5f, -0.5f);
        heap[0].Index.Should().Be(3);
        heap[..3].Select(h => h.Index).Should().BeEquivalentTo([3, 1, 5]);
    }

    [Fact]
    public void Vector_arithmetic_matches_the_scalar_loops_at_every_length()
    {
        var random = new Random(3);
        for (var n = 0; n <= 70; n++)
        {
            var a = Enumerable.Range(0, n).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
            var b = Enumerable.Range(0, n).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();

            FastTextVectors.Dot(a, b).Should().BeApproximately(FastTextVectors.DotScalar(a, b), 1e-5f, $"length {n}");

            var sum = (float[])a.Clone();
            FastTextVectors.Add(sum, b);
            sum.Should().Equal(a.Zip(b, (x, y) => x + y), $"length {n}");

            var scaled = (float[])a.Clone();
            FastTextVectors.AddScaled(scaled, b, 0.25f);
            scaled.Should().Equal(a.Zip(b, (x, y) => x + (0.25f * y)), $"length {n}");

            FastTextVectors.Scale(scaled, 2f);
            scaled.Should().Equal(a.Zip(b, (x, y) => (x + (0.25f * y)) * 2f), $"length {n}");
        }
    }

    [Fact]
    public void Summing_rows_in_registers_gives_the_floats_of_adding_row_by_row()
    {
        var random = new Random(5);
        foreach (var cols in new[] { 1, 7, 8, 15, 16, 17, 33, 64, 100 })
        {
            var data = Enumerable.Range(0, 50 * cols).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
            var rows = Enumerable.Range(0, 40).Select(_ => random.Next(50)).ToArray();
            var expected = new float[cols];
            foreach (var row in rows)
            {
                for (var c = 0; c < cols; c++)
                {
                    expected[c] += data[(row * cols) + c];
                }
            }

            var actual = Enumerable.Repeat(99f, cols).ToArray();
            FastTextVectors.SumRows(data, cols, rows, actual);

            actual.Should().Equal(expected, $"{cols} columns");
        }
    }

    [Fact]
    public void Fast_modulo_equals_the_remainder_for_edge_and_random_values()
    {
        var random = new Random(11);
        uint[] divisors = [1, 2, 3, 7, 100_000, 2_000_000, 16_777_216, 2_147_483_647, uint.MaxValue];
        foreach (var d in divisors)
        {
            var modulo = new FastModulo(d);
            uint[] values = [0, 1, d - 1, d, d + 1, uint.MaxValue, uint.MaxValue - 1, .. Enumerable.Range(0, 2000).Select(_ => (uint)random.NextInt64(0, 1L << 32))];
            foreach (var a in values)
            {
                modulo.Mod(a).Should().Be(a % d, $"{a} % {d}");
            }
        }
    }

    [Fact]
    public void The_word_table_finds_every_word_by_bytes_and_nothing_else()
    {
        var table = new Utf8WordTable(2);
        var words = Enumerable.Range(0, 5000).Select(i => Encoding.UTF8.GetBytes($"wörd{i}")).ToArray();
        foreach (var word in words)
        {
            table.Add(word, FastTextHash.Fnv1a(word)).Should().Be(table.Count - 1);
        }

        for (var i = 0; i < words.Length; i++)
        {
            table.Find(words[i], FastTextHash.Fnv1a(words[i])).Should().Be(i);
            table[i].ToArray().Should().Equal(words[i]);
        }

        table.Find("wörd5000"u8, FastTextHash.Fnv1a("wörd5000"u8)).Should().Be(-1);
    }

    [Fact]
    public void The_sigmoid_table_saturates_beyond_eight_and_is_monotone_inside()
    {
        SigmoidTables.Sigmoid(-8.5f).Should().Be(0f);
        SigmoidTables.Sigmoid(8.5f).Should().Be(1f);
        SigmoidTables.Sigmoid(0f).Should().BeApproximately(0.5f, 1e-6f);
        var values = Enumerable.Range(-80, 161).Select(i => SigmoidTables.Sigmoid(i / 10f)).ToArray();
        values.Should().BeInAscendingOrder();
    }
}
