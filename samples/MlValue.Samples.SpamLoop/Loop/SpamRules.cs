using MlValue.Annotation;
using MlValue.Samples.SpamLoop.Mail;
using MlValue.Training;

namespace MlValue.Samples.SpamLoop.Loop;

/// <summary>The sample's hand-written rules: labeling functions for annotation and the no-ML baseline.</summary>
public static class SpamRules
{
    private static readonly string[] SpamWords = ["click here", "free", "$$$", "remove", "money", "offer", "unsubscribe", "100%", "viagra", "mortgage"];

    /// <summary>The no-ML baseline: spam when the subject or body holds one of a few spam words.</summary>
    public static BaselineRule<MailText> Baseline { get; } = new("spam-words", m => SpamWords.Any(w => Has(m.Subject, w) || Has(m.Body, w)));

    /// <summary>Rule annotator over parsed messages (majority of the rules that fire).</summary>
    /// <returns>The annotator, id <c>rules</c>.</returns>
    public static RuleAnnotator<MailMessage, string> Annotator() => new("rules", m => m.Key,
    [
        LabelingFunction.When<MailMessage, string>("click_here", m => Has(m.Body, "click here"), "spam", 0.8),
        LabelingFunction.When<MailMessage, string>("money_words", m => Has(m.Body, "$$$") || Has(m.Body, "100% free") || Has(m.Body, "free money"), "spam", 0.8),
        LabelingFunction.When<MailMessage, string>("remove_me", m => Has(m.Body, "to be removed") || Has(m.Body, "remove you"), "spam", 0.7),
        LabelingFunction.When<MailMessage, string>("reply_subject", m => m.Subject.StartsWith("Re:", StringComparison.OrdinalIgnoreCase), "ham", 0.7),
        LabelingFunction.When<MailMessage, string>("list_subject", m => m.Subject.StartsWith('['), "ham", 0.6),
    ]);

    private static bool Has(string text, string word) => text.Contains(word, StringComparison.OrdinalIgnoreCase);
}
