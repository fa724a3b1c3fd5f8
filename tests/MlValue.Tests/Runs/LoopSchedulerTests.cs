using Microsoft.Extensions.Time.Testing;
using MlValue.Runs;

namespace MlValue.Tests.Runs;

[TestClass]
public sealed class LoopSchedulerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2002, 8, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly InMemoryRunStore _store = new();

    private LoopScheduler Scheduler(params LoopDefinition[] loops) => new(loops, new LoopRunner(_store, _time), _store, _time);

    private static LoopDefinition Loop(string name, params ITrigger[] triggers)
    {
        var builder = new LoopBuilder(name).AddStep("train", (_, _) => ValueTask.FromResult(StepResult.With(("model-version", "1"))));
        foreach (var trigger in triggers)
        {
            builder.AddTrigger(trigger);
        }

        return builder.Build();
    }

    [TestMethod]
    public async Task CheckAsync_TriggerFires_RunsTheLoopWithTheTriggersReason()
    {
        var manual = new ManualTrigger();
        var scheduler = Scheduler(Loop("spam", new IntervalTrigger(TimeSpan.FromDays(7)), manual));

        var first = await scheduler.CheckAsync();
        _time.Advance(TimeSpan.FromDays(1));
        var held = await scheduler.CheckAsync();
        manual.Request("new corpus dump");
        var manualRun = await scheduler.CheckAsync();

        Assert.AreEqual("interval: the loop has never run", first[0].Run!.Reason);
        Assert.IsNull(held[0].Run);
        Assert.AreEqual("manual", held[0].TriggerName);
        Assert.AreEqual("manual: new corpus dump", manualRun[0].Run!.Reason);
        Assert.AreEqual(2, (await _store.ListAsync("spam")).Count);
    }

    [TestMethod]
    public async Task CheckAsync_TriggerThrows_CountsAsNotFiredAndOtherLoopsStillRun()
    {
        var broken = new DriftTrigger(_ => throw new InvalidOperationException("monitor store offline"));
        var scheduler = Scheduler(Loop("a", broken), Loop("b", new IntervalTrigger(TimeSpan.FromHours(1))));

        var outcomes = await scheduler.CheckAsync();

        Assert.IsFalse(outcomes[0].Decision.Fire);
        Assert.AreEqual("drift: evaluation failed (InvalidOperationException: monitor store offline)", outcomes[0].Decision.Reason);
        Assert.IsNotNull(outcomes[1].Run);
    }

    [TestMethod]
    public async Task CheckAsync_LoopWithoutTriggers_ReportsHold()
    {
        var outcomes = await Scheduler(Loop("quiet")).CheckAsync();

        Assert.AreEqual("the loop has no trigger", outcomes[0].Decision.Reason);
    }
}
