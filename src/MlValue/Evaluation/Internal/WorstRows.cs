namespace MlValue.Evaluation.Internal;

/// <summary>Keeps the k rows with the highest loss seen so far (ties: the earlier row wins), in O(k) memory.</summary>
internal sealed class WorstRows<TInput>(int capacity)
{
    private readonly PriorityQueue<(int Row, double Loss, TInput Input), (double Loss, int NegativeRow)> _heap = new();

    public void Offer(int row, double loss, TInput input)
    {
        if (capacity == 0)
        {
            return;
        }

        var priority = (loss, -row);
        if (_heap.Count < capacity)
        {
            _heap.Enqueue((row, loss, input), priority);
        }
        else if (_heap.TryPeek(out _, out var lowest) && priority.CompareTo(lowest) > 0)
        {
            _heap.EnqueueDequeue((row, loss, input), priority);
        }
    }

    /// <summary>The kept rows, highest loss first, then earlier row first.</summary>
    public IReadOnlyList<(int Row, double Loss, TInput Input)> Drain()
        => _heap.UnorderedItems.Select(e => e.Element).OrderByDescending(e => e.Loss).ThenBy(e => e.Row).ToArray();
}
