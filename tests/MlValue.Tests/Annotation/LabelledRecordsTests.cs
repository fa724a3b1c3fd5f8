using MlValue.Annotation;
using MlValue.Data;
using MlValue.Tests.Quickstart;

namespace MlValue.Tests.Annotation;

/// <summary>Aggregated labels come back as labelled records (and a labelled dataset), not as objects to zip by hand.</summary>
[TestClass]
public sealed class LabelledRecordsTests
{
    [TestMethod]
    public void WithLabels_MajorityVotes_LabelsCopiesAndKeepsAbstainedApart()
    {
        var mails = new[] { new Mail { Id = "a", Subject = "win" }, new Mail { Id = "b", Subject = "hi" }, new Mail { Id = "c", Subject = "?" } };
        var votes = new[]
        {
            Annotations.Of("a", "ann", true, 0.9), Annotations.Of("a", "bob", true, 0.8),
            Annotations.Of("b", "ann", false, 0.9),
            Annotations.Abstain<bool>("c", "ann"),
        };

        var labelled = mails.WithLabels(LabelAggregator.MajorityVote(votes), m => m.Id, (m, spam) => m.IsSpam = spam);
        var dataset = labelled.ToDataset(new DatasetProvenance { Source = "review", Derivation = "majority vote" });

        CollectionAssert.AreEqual(new[] { "a", "b" }, labelled.Labelled.Select(m => m.Id).ToArray());
        Assert.IsTrue(labelled.Labelled[0].IsSpam);
        Assert.IsFalse(labelled.Labelled[1].IsSpam);
        Assert.AreEqual("c", labelled.Unlabelled.Single().Id);
        Assert.IsFalse(mails[0].IsSpam, "the input items are not changed");
        Assert.AreEqual(2, dataset.Count);
    }

    [TestMethod]
    public void WithLabels_TwoLabelsForOneItem_Throws()
    {
        var labels = LabelAggregator.MajorityVote([Annotations.Of("a", "ann", true, 1.0)]).Concat(LabelAggregator.MajorityVote([Annotations.Of("a", "bob", false, 1.0)]));

        var error = Assert.ThrowsExactly<AnnotationException>(() => new[] { new Mail { Id = "a" } }.WithLabels(labels, m => m.Id, (m, spam) => m.IsSpam = spam));

        StringAssert.Contains(error.Message, "Item 'a' has two aggregated labels");
    }
}
