namespace Corpus.Tokenizer.Tests;

public sealed class PieceCacheTests
{
    [Fact]
    public void A_thread_table_answers_only_for_its_own_cache()
    {
        var first = new PieceCache(100);
        var second = new PieceCache(100);

        first.Local().Add("piece", [1, 2]);

        first.Local().TryGet("piece", out var ids).Should().BeTrue();
        ids.Should().Equal(1, 2);
        second.Local().TryGet("piece", out _).Should().BeFalse("another tokenizer's cache must not answer from this one's entries");
        first.Local().TryGet("piece", out ids).Should().BeTrue("switching caches on a thread keeps the shared entries");
        ids.Should().Equal(1, 2);
    }

    [Fact]
    public async Task Pieces_that_share_a_thread_slot_are_all_still_found_and_other_threads_see_them()
    {
        var cache = new PieceCache(200_000);
        var pieces = Enumerable.Range(0, 100_000).Select(i => $"p{i}").ToList();
        var local = cache.Local();
        for (int i = 0; i < pieces.Count; i++)
        {
            local.Add(pieces[i], [i]);
        }

        // 100,000 pieces in a 32,768-slot table: most were pushed out of it and come back from the shared level.
        for (int i = 0; i < pieces.Count; i++)
        {
            local.TryGet(pieces[i], out var ids).Should().BeTrue(pieces[i]);
            ids.Should().Equal(i);
        }

        var found = await Task.Run(() => pieces.Select((p, i) => cache.Local().TryGet(p, out var ids) && ids[0] == i).All(ok => ok));
        found.Should().BeTrue();
        local.TryGet("absent", out _).Should().BeFalse();
    }

    [Fact]
    public void A_thread_does_not_keep_a_dropped_cache_alive()
    {
        var dropped = UseAndDrop();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        dropped.TryGetTarget(out _).Should().BeFalse("the thread's table names its cache weakly");
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference<PieceCache> UseAndDrop()
    {
        var cache = new PieceCache(100);
        cache.Local().Add("piece", [7]);
        cache.Local().TryGet("piece", out _).Should().BeTrue();
        return new WeakReference<PieceCache>(cache);
    }
}
