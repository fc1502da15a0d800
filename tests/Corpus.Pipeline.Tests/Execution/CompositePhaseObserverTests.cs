using System.Reflection;
using Corpus.Pipeline.Execution;

namespace Corpus.Pipeline.Tests.Execution;

public class CompositePhaseObserverTests
{
    [Fact]
    public void Every_phase_event_reaches_every_observer()
    {
        var first = DispatchProxy.Create<IPhaseObserver, RecordingObserver>();
        var second = DispatchProxy.Create<IPhaseObserver, RecordingObserver>();
        var composite = new CompositePhaseObserver(first, null, second);
        var events = typeof(IPhaseObserver).GetMethods();

        foreach (var e in events)
        {
            e.Invoke(composite, [.. e.GetParameters().Select(p => p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null)]);
        }

        var names = events.Select(e => e.Name).ToList();
        ((RecordingObserver)(object)first).Heard.Should().Equal(names, "an event the composite does not forward is lost to the console and the run log (a default interface method does nothing)");
        ((RecordingObserver)(object)second).Heard.Should().Equal(names);
    }

    /// <summary>An observer that records the name of every event it hears.</summary>
    public class RecordingObserver : DispatchProxy
    {
        public List<string> Heard { get; } = [];

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            Heard.Add(targetMethod!.Name);
            return null;
        }
    }
}
