using MlValue.Annotation;

namespace MlValue.Samples.CustomStage;

/// <summary>
/// A custom annotator: labels a message <c>spam</c> when it holds a spam keyword, <c>ham</c> when it holds a ham
/// keyword, and abstains otherwise (never guesses). One annotation per item, in input order, as the seam requires.
/// </summary>
public sealed class KeywordAnnotator : IAnnotator<Message, string>
{
    private static readonly string[] Spam = ["winner", "free", "prize", "cash"];
    private static readonly string[] Ham = ["meeting", "review", "lunch", "agenda"];

    /// <inheritdoc />
    public string Id => "keywords";

    /// <inheritdoc />
    public Task<IReadOnlyList<Annotation<string>>> AnnotateAsync(IEnumerable<Message> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var result = new List<Annotation<string>>();
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var spam = Spam.Count(k => item.Text.Contains(k, StringComparison.OrdinalIgnoreCase));
            var ham = Ham.Count(k => item.Text.Contains(k, StringComparison.OrdinalIgnoreCase));
            result.Add(spam == ham
                ? Annotations.Abstain<string>(item.Id, Id)
                : Annotations.Of(item.Id, Id, spam > ham ? "spam" : "ham", 0.9));
        }

        return Task.FromResult<IReadOnlyList<Annotation<string>>>(result);
    }
}
