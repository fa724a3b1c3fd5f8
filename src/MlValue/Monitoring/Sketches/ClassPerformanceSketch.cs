using System.Runtime.InteropServices;

namespace MlValue.Monitoring.Sketches;

/// <summary>
/// Mergeable multiclass performance: per class the true positives, false positives and false negatives of the
/// labelled predictions, exact for the first <c>cap</c> classes, later classes counted together under
/// <see cref="OtherClass"/>. Precision, recall, F1, accuracy and macro-F1 follow from these counts.
/// </summary>
internal sealed class ClassPerformanceSketch(int cap)
{
    public const string OtherClass = "(other)";

    public Dictionary<string, ClassCounts> Classes { get; } = new(Math.Min(cap, 64), StringComparer.Ordinal);

    public long Labeled { get; private set; }

    public long Correct { get; private set; }

    public void Add(string predicted, string actual)
    {
        Labeled++;
        if (string.Equals(predicted, actual, StringComparison.Ordinal))
        {
            Correct++;
            Slot(actual).TruePositives++;
            return;
        }

        Slot(predicted).FalsePositives++;
        Slot(actual).FalseNegatives++;
    }

    public void Merge(ClassPerformanceSketch other)
    {
        Labeled += other.Labeled;
        Correct += other.Correct;
        IEnumerable<KeyValuePair<string, ClassCounts>> classes = Classes.Count + other.Classes.Count <= cap ? other.Classes : other.Classes.OrderBy(p => p.Key, StringComparer.Ordinal);
        foreach (var (name, counts) in classes)
        {
            ref var slot = ref Slot(name);
            slot.TruePositives += counts.TruePositives;
            slot.FalsePositives += counts.FalsePositives;
            slot.FalseNegatives += counts.FalseNegatives;
        }
    }

    public void Reset()
    {
        Classes.Clear();
        Labeled = Correct = 0;
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Labeled);
        writer.Write(Correct);
        writer.Write(Classes.Count);
        foreach (var (name, counts) in Classes)
        {
            writer.Write(name);
            writer.Write(counts.TruePositives);
            writer.Write(counts.FalsePositives);
            writer.Write(counts.FalseNegatives);
        }
    }

    public void Read(BinaryReader reader)
    {
        Labeled = reader.ReadInt64();
        Correct = reader.ReadInt64();
        var n = reader.ReadInt32();
        for (var i = 0; i < n; i++)
        {
            Classes[reader.ReadString()] = new ClassCounts { TruePositives = reader.ReadInt64(), FalsePositives = reader.ReadInt64(), FalseNegatives = reader.ReadInt64() };
        }
    }

    private ref ClassCounts Slot(string name)
    {
        var key = Classes.Count < cap || Classes.ContainsKey(name) ? name : OtherClass;
        return ref CollectionsMarshal.GetValueRefOrAddDefault(Classes, key, out _);
    }

    /// <summary>The counts of one class.</summary>
    internal struct ClassCounts
    {
        public long TruePositives;
        public long FalsePositives;
        public long FalseNegatives;
    }
}
