using Corpus.Shards.IO;

namespace Corpus.Shards.Tests.IO;

public sealed class ColumnBuffersTests
{
    // A length no other test rents, so the pool's state is this test's own.
    private const int Length = 3_000_001;

    [Fact]
    public void A_returned_buffer_is_rented_again_until_the_pools_are_released_and_then_let_go()
    {
        var first = ColumnBuffers<long>.Rent(Length);
        first.Length.Should().BeGreaterThanOrEqualTo(Length);
        ColumnBuffers<long>.Return(first);

        var again = ColumnBuffers<long>.Rent(Length);
        again.Should().BeSameAs(first);

        ColumnBuffers.Release();
        ColumnBuffers<long>.Return(again); // rented before the release: let go, not pooled again

        var fresh = ColumnBuffers<long>.Rent(Length);
        fresh.Should().NotBeSameAs(again);
        ColumnBuffers<long>.Return(fresh);
        ColumnBuffers<long>.Rent(Length).Should().BeSameAs(fresh);
    }
}
