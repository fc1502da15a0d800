using Corpus.Pipeline.Execution;

namespace Corpus.Pipeline.Tests.Execution;

public sealed class QuarantineTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "corpus-quarantine-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Fact]
    public void A_marker_left_inside_an_item_charges_that_item_and_is_deleted()
    {
        var marker = InFlightMarker.Open(_output, "ingest", 7);
        marker.Enter(0);
        marker.Leave(0);
        marker.Enter(41); // the process "dies" here: the marker is never disposed
        var quarantine = new Quarantine(_output, 3);

        var charged = quarantine.CollectDeaths("died");

        charged.Should().Equal(("ingest", 7, 41));
        quarantine.Of("ingest", 7).Should().ContainKey(41).WhoseValue.Should().Be(new ItemDeaths(1, "crashed", "died"));
        File.Exists(InFlightMarker.PathOf(_output, "ingest", 7)).Should().BeFalse();
        quarantine.CollectDeaths("again").Should().BeEmpty("a marker is charged once");
    }

    [Fact]
    public void A_marker_left_between_items_charges_nothing()
    {
        var marker = InFlightMarker.Open(_output, "ingest", 2);
        marker.Enter(5);
        marker.Leave(5);
        var quarantine = new Quarantine(_output, 3);

        quarantine.CollectDeaths("died").Should().BeEmpty();
        quarantine.Of("ingest", 2).Should().BeEmpty();
    }

    [Fact]
    public void A_finished_attempt_leaves_no_marker()
    {
        using (var marker = InFlightMarker.Open(_output, "ingest", 1))
        {
            marker.Enter(3);
        }

        File.Exists(InFlightMarker.PathOf(_output, "ingest", 1)).Should().BeFalse();
    }

    [Fact]
    public void Deaths_add_up_per_item_across_instances_and_keep_the_last_cause()
    {
        new Quarantine(_output, 3).RecordDeath("ingest", 0, 4, "crashed", "first").Should().Be(1);
        new Quarantine(_output, 3).RecordDeath("ingest", 0, 4, "timeout", "second").Should().Be(2);
        new Quarantine(_output, 3).RecordDeath("ingest", 0, 9, "crashed", "other").Should().Be(1);

        var known = new Quarantine(_output, 3).Of("ingest", 0);

        known.Should().HaveCount(2);
        known[4].Should().Be(new ItemDeaths(2, "timeout", "second"));
        new Quarantine(_output, 3).Of("ingest", 1).Should().BeEmpty();
    }

    [Fact]
    public void Collecting_for_one_task_leaves_the_other_markers()
    {
        InFlightMarker.Open(_output, "ingest", 0).Enter(1);
        InFlightMarker.Open(_output, "ingest", 1).Enter(2);
        var quarantine = new Quarantine(_output, 3);

        quarantine.CollectDeaths("lost", new PhaseTask("ingest", 1, PhaseTask.NameOf(1))).Should().Equal(("ingest", 1, 2));

        File.Exists(InFlightMarker.PathOf(_output, "ingest", 0)).Should().BeTrue();
    }
}
