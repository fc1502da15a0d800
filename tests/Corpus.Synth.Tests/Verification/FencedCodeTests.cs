using Corpus.Synth.Verification;

namespace Corpus.Synth.Tests.Verification;

public sealed class FencedCodeTests
{
    [Fact]
    public void Python_blocks_are_found_in_order_and_others_skipped()
    {
        const string answer = """
            Here is the function:

            ```python
            def add(a, b):
                return a + b
            ```

            ```text
            not code
            ```

            ~~~py
            assert add(1, 2) == 3
            ~~~

            ```Python3 title="tests"
            print(add(2, 2))
            ```
            """;

        FencedCode.PythonBlocks(answer).Should().Equal(
            "def add(a, b):\n    return a + b\n",
            "assert add(1, 2) == 3\n",
            "print(add(2, 2))\n");
    }

    [Fact]
    public void Longer_fences_hold_shorter_ones_and_an_open_block_runs_to_the_end()
    {
        const string answer = "````python\ns = '''\n```\n'''\n````\n```python\nx = 1\n";

        FencedCode.PythonBlocks(answer).Should().Equal("s = '''\n```\n'''\n", "x = 1\n");
    }

    [Fact]
    public void Untagged_blocks_are_not_python() =>
        FencedCode.PythonBlocks("```\nprint(1)\n```\n").Should().BeEmpty();
}
