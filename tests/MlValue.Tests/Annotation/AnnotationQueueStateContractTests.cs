using Microsoft.Extensions.Time.Testing;
using MlValue.Annotation;
using MlValue.Testing;

namespace MlValue.Tests.Annotation;

/// <summary>The annotation queue's state passes the durable-state contract: a step is one more exported task.</summary>
[TestClass]
public sealed class AnnotationQueueStateContractTests : DurableStateContractTests<AnnotationTaskQueue>
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));

    protected override Task<AnnotationTaskQueue> OpenAsync(string folder) => Task.FromResult(new AnnotationTaskQueue(Path.Combine(folder, "queue"), _time));

    protected override Task SaveStepAsync(AnnotationTaskQueue state, int step)
        => state.ExportAsync<string, string>([.. Enumerable.Range(1, step).Select(i => "item-" + i)], item => item, null, Path.Combine(Folder, "export-" + step + ".jsonl"));

    protected override async Task<int> CountStepsAsync(AnnotationTaskQueue state) => (await state.GetStatusAsync()).Tasks;
}
