using MlValue.Data;
using MlValue.Evaluation;
using MlValue.Monitoring;
using MlValue.Samples.SpamLoop.Mail;
using MlValue.Training;

namespace MlValue.Samples.SpamLoop.Loop;

/// <summary>What one run's steps hand each other in memory (the run record keeps their ids and decisions).</summary>
public sealed class RunWorkspace
{
    /// <summary>Why the run trains nothing (too little data), or null.</summary>
    public string? NotReady { get; set; }

    /// <summary>The training rows (the bounded recent window of the train part), with their dataset id.</summary>
    public Dataset<MailText>? Train { get; set; }

    /// <summary>The holdout rows (the key-hash test part of all labelled mail), with their dataset id.</summary>
    public Dataset<MailText>? Holdout { get; set; }

    /// <summary>The trained challenger.</summary>
    public TrainedModel? Challenger { get; set; }

    /// <summary>The no-ML baseline, trained on the same rows.</summary>
    public TrainedModel? Baseline { get; set; }

    /// <summary>The challenger's evaluation.</summary>
    public EvaluationResult? Evaluation { get; set; }

    /// <summary>The decision.</summary>
    public PromotionDecision? Decision { get; set; }

    /// <summary>The training profile of the challenger, for the monitor.</summary>
    public ReferenceProfile? Profile { get; set; }

    /// <summary>The registered version.</summary>
    public int? Version { get; set; }

    /// <summary>Whether the champion alias moved.</summary>
    public bool Promoted { get; set; }
}
