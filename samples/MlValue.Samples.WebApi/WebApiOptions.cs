namespace MlValue.Samples.WebApi;

/// <summary>The sample's options, section <c>WebApi</c> (the command line maps <c>--fixture</c>, <c>--store-dir</c> and <c>--postgres</c> onto it).</summary>
public sealed class WebApiOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "WebApi";

    /// <summary>The served model's name.</summary>
    public const string ModelName = "spam-filter";

    /// <summary>The gzip JSONL corpus sample the first model is trained on when the store has no champion (<c>--fixture</c>).</summary>
    public string? Fixture { get; set; }

    /// <summary>The embedded store's folder (<c>--store-dir</c>). Default <c>webapi-store</c> under the current folder.</summary>
    public string StoreDir { get; set; } = "webapi-store";

    /// <summary>A PostgreSQL connection string (<c>--postgres</c>): the registry and run store go there instead of the embedded store.</summary>
    public string? Postgres { get; set; }

    /// <summary>The seed of the split and the trainer.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>The longest body kept, in characters.</summary>
    public int MaxBodyLength { get; set; } = 2000;

    /// <summary>The word n-gram length of the text featurizer.</summary>
    public int WordNgramLength { get; set; } = 2;

    /// <summary>The trainer's iteration cap; null for the trainer's default.</summary>
    public int? MaximumIterations { get; set; }

    /// <summary>The person signed in for labelling at <c>/label</c> from this machine (see <see cref="LocalAnnotator"/>); none: labelling is refused.</summary>
    public string? Annotator { get; set; }

    /// <summary>The annotation queue folder labelled at <c>/label</c> (for example the spam loop's <c>store/annotation</c>); none: <c>&lt;StoreDir&gt;/annotation</c>.</summary>
    public string? AnnotationDir { get; set; }

    /// <summary>How many people answer each task at <c>/label</c> (2 beside the spam loop's simulated reviewer). Default: 1.</summary>
    public int AnswersPerTask { get; set; } = 1;
}
