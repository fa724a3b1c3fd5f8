using MlValue.Annotation;
using MlValue.Tests.Support;

namespace MlValue.Tests.Annotation;

/// <summary>Labeling functions on the SpamAssassin fixture, shared by the annotation tests.</summary>
internal static class SpamRules
{
    public static IReadOnlyList<LabelingFunction<SpamMessage, string>> All { get; } =
    [
        LabelingFunction.When<SpamMessage, string>("mentions_viagra", m => Contains(m.Subject + m.Body, "viagra"), "spam"),
        LabelingFunction.When<SpamMessage, string>("dollar_signs", m => Contains(m.Subject + m.Body, "$$$"), "spam", 0.9),
        LabelingFunction.When<SpamMessage, string>("click_here", m => Contains(m.Body, "click here"), "spam", 0.8),
        LabelingFunction.When<SpamMessage, string>("remove_me", m => Contains(m.Body, "remove"), "spam", 0.6),
        LabelingFunction.When<SpamMessage, string>("mailing_list_header", m => Contains(m.Raw, "List-Unsubscribe:"), "ham", 0.8),
        new LabelingFunction<SpamMessage, string>("reply_subject", m => m.Subject.StartsWith("Re:", StringComparison.OrdinalIgnoreCase)
            ? RuleVote.For("ham", 0.7)
            : RuleVote.Abstain<string>()),
    ];

    /// <summary>Message ids repeat across corpus groups, so the item id is group/id.</summary>
    public static string Key(SpamMessage message) => message.Group + "/" + message.Id;

    public static RuleAnnotator<SpamMessage, string> Annotator() => new("spam-rules", Key, All);

    /// <summary>A rule-based out-of-sample probability of spam: (1 + spam votes) / (2 + votes).</summary>
    public static double SpamProbability(SpamMessage message)
    {
        var votes = All.Select(f => f.Apply(message)).Where(v => !v.IsAbstain).ToList();
        return (1.0 + votes.Count(v => v.Label == "spam")) / (2.0 + votes.Count);
    }

    private static bool Contains(string text, string value) => text.Contains(value, StringComparison.OrdinalIgnoreCase);
}
