using Corpus.Tests.Shared;

namespace Corpus.Filters.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void Public_api_matches_the_committed_listing() =>
        PublicApiListing.ShouldMatchCommittedListing(typeof(Corpus.Filters.Quality.QualityFilter).Assembly);
}
