using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MlValue.AspNetCore;
using MlValue.DependencyInjection;
using MlValue.Evaluation;
using MlValue.Monitoring;
using MlValue.Registry;
using MlValue.Runs;
using MlValue.Serving;
using MlValue.Testing;
using MlValue.Training;

namespace MlValue.Tests.Support;

/// <summary>
/// An app with the dashboard at <c>/mlvalue</c> over a seeded in-memory registry (model <c>spam</c>: v1 promoted, v2 promoted
/// over v1, v3 rejected; <c>champion</c> moved v1 → v2), the monitor of the mapped model <c>spam</c> with six daily windows
/// (feature <c>score</c> drifts in the last two, every prediction labelled) and loop <c>retrain</c> whose first run failed in
/// step <c>train</c>. Users come from header <c>X-Test-User</c>: <c>alice</c> satisfies the write policy <c>mlvalue-admin</c>,
/// <c>bob</c> is signed in without it, no header is anonymous. On an in-memory TestServer, or on Kestrel at 127.0.0.1.
/// </summary>
public sealed class DashboardApp : IAsyncDisposable
{
    public const string WritePolicy = "mlvalue-admin";
    public const string UserHeader = TestUsers.Header;
    public static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private DashboardApp(WebApplication app, InMemoryModelRegistry registry, FakeTimeProvider time, TrainSwitch train)
    {
        App = app;
        Registry = registry;
        Time = time;
        Train = train;
    }

    public WebApplication App { get; }

    public InMemoryModelRegistry Registry { get; }

    public FakeTimeProvider Time { get; }

    public TrainSwitch Train { get; }

    public IRunStore Runs => App.Services.GetRequiredService<IRunStore>();

    /// <summary>The address of the Kestrel server, for example <c>http://127.0.0.1:41234</c> (TestServer: <c>http://localhost</c>).</summary>
    public Uri Address { get; private set; } = new("http://localhost");

    public HttpClient CreateClient(string? user = null)
    {
        var client = App.GetTestClient();
        if (user is not null)
        {
            client.DefaultRequestHeaders.Add(UserHeader, user);
        }

        return client;
    }

    /// <summary>Starts the app. <paramref name="writePolicy"/> false leaves the dashboard read-only.</summary>
    public static async Task<DashboardApp> StartAsync(string root, bool kestrel = false, bool writePolicy = true, Action<DashboardOptions>? dashboard = null)
    {
        var time = new FakeTimeProvider(Start);
        var registry = new InMemoryModelRegistry(time);
        var train = new TrainSwitch();
        await SeedRegistryAsync(registry, time);

        var builder = TestHosts.CreateBuilder(kestrel);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IModelRegistry>(registry);
        builder.Services.AddSingleton<IModelFormat, LinearFormat>();
        builder.Services.AddSingleton<IRunStore, InMemoryRunStore>();
        builder.Services.AddAuthorization(o => o.AddPolicy(WritePolicy, p => p.RequireAuthenticatedUser().RequireRole("admin")));
        var schema = Schema();
        builder.Services.AddMlValue(o => o.RootDirectory = root)
            .AddPredictionEndpoints()
            .AddPredictor<SpamInput, BinaryPrediction>("spam", configure: o => o.PollInterval = TimeSpan.Zero)
            .AddModelMonitoring(o => o.MinSampleSize = 20)
            .AddModelMonitor("spam", schema, _ => ReferenceProfile.Build(schema, Mail(new Random(7), 200, drifted: false), Probability))
            .AddLoop("retrain", loop => loop
                .AddStep("collect", (_, _) => ValueTask.FromResult(StepResult.With(("dataset", "ds-2025-01-06"))))
                .AddStep("train", (_, _) => train.Fail
                    ? throw new InvalidOperationException("the training set has no spam example")
                    : ValueTask.FromResult(StepResult.With(("version", "4"))), r => r.MaxRetryAttempts = 0))
            .AddDashboard(o =>
            {
                o.WritePolicy = writePolicy ? WritePolicy : null;
                dashboard?.Invoke(o);
            });
        var app = builder.Build();
        app.MapPredictor<SpamInput, BinaryPrediction>("spam");
        app.MapMlValueDashboard("/mlvalue");
        await app.StartAsync();
        var dashboardApp = new DashboardApp(app, registry, time, train);
        dashboardApp.Address = TestHosts.AddressOf(app);

        await app.Services.GetRequiredKeyedService<IPredictor<SpamInput, BinaryPrediction>>("spam").RefreshAsync();
        SeedMonitor(app.Services.GetRequiredKeyedService<IModelMonitor<SpamInput>>("spam"), time);
        var runner = app.Services.GetRequiredService<LoopRunner>();
        var loop = app.Services.GetServices<LoopDefinition>().Single();
        var failed = await runner.RunAsync(loop, "new labels: 120 since the last run");
        if (failed?.Status != RunStatus.Failed)
        {
            throw new InvalidOperationException("The seeded run should have failed in step 'train'.");
        }

        train.Fail = false;
        return dashboardApp;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }

    private static MonitorSchema<SpamInput> Schema()
        => new MonitorSchema<SpamInput>(PredictionTask.BinaryClassification).Numeric("score", i => i.Score).Numeric("links", i => i.Links);

    private static double Probability(SpamInput input) => Math.Clamp((0.5 * input.Score) + (0.1 * input.Links), 0, 1);

    private static IEnumerable<SpamInput> Mail(Random random, int count, bool drifted)
    {
        for (var i = 0; i < count; i++)
        {
            yield return new SpamInput { Text = "mail", Score = (float)((random.NextDouble() * 1.2) + (drifted ? 0.9 : 0)), Links = random.Next(0, 4) };
        }
    }

    /// <summary>Six days of 40 predictions each, all labelled; the last two days' scores are shifted up.</summary>
    private static void SeedMonitor(IModelMonitor<SpamInput> monitor, FakeTimeProvider time)
    {
        var random = new Random(11);
        for (var day = 0; day < 6; day++)
        {
            var dayStart = Start.AddDays(day);
            time.SetUtcNow(dayStart.AddHours(21));
            var n = 0;
            foreach (var input in Mail(random, 40, drifted: day >= 4))
            {
                var id = $"d{day}-{n}";
                var probability = Probability(input);
                monitor.Record(input, probability, "2", id, dayStart.AddHours(20).AddMinutes(n));
                monitor.RecordOutcome(id, random.NextDouble() < probability ? 1 : 0);
                n++;
            }
        }

        time.SetUtcNow(Start.AddDays(6).AddHours(9));
    }

    private static async Task SeedRegistryAsync(InMemoryModelRegistry registry, FakeTimeProvider time)
    {
        var v1 = await registry.RegisterAsync(Registration(0.4f, null, 0.91, 0.80, Decision("v1", null, true, [Threshold(0.91)])));
        await registry.SetAliasAsync("spam", "champion", v1.Version, null, "first model: PROMOTE 'v1' (1 passed, 0 failed, 0 skipped)");
        time.Advance(TimeSpan.FromHours(1));
        var promote = Decision("v2", "v1", true, [Threshold(0.95), Improvement(0.95, 0.91, CheckOutcome.Passed)]);
        var v2 = await registry.RegisterAsync(Registration(0.5f, v1.Version, 0.95, 0.84, promote));
        await registry.SetAliasAsync("spam", "champion", v2.Version, v1.Version, promote.ToSummary());
        time.Advance(TimeSpan.FromHours(1));
        await registry.RegisterAsync(Registration(0.6f, v2.Version, 0.93, 0.83, Decision("v3", "v2", false, [Threshold(0.93), Improvement(0.93, 0.95, CheckOutcome.Failed)])));
    }

    private static ModelRegistration Registration(float weight, int? parent, double auc, double f1, PromotionDecision decision) => new()
    {
        ModelName = "spam",
        Artifact = new ModelArtifact(LinearFormat.Id, LinearFormat.Artifact(weight)),
        TrainerName = "text-sdca",
        Seed = 42,
        ParentVersion = parent,
        TrainingDatasetIds = [$"ds-train-{decision.Challenger}"],
        EvaluationDatasetIds = [$"ds-holdout-{decision.Challenger}"],
        Metrics = new Dictionary<string, double> { [MetricNames.Auc] = auc, [MetricNames.F1] = f1 },
        Tags = new Dictionary<string, string> { ["team"] = "mail" },
        Attachments = new Dictionary<string, byte[]> { [PromotionDecision.AttachmentName] = Encoding.UTF8.GetBytes(decision.ToJson()) },
        CodeVersion = "test",
    };

    private static PromotionDecision Decision(string challenger, string? champion, bool promote, IReadOnlyList<PolicyCheck> checks) => new()
    {
        Challenger = challenger,
        Champion = champion,
        DatasetId = $"ds-holdout-{challenger}",
        HoldoutCount = 400,
        DecidedAt = Start,
        Promote = promote,
        Reason = promote ? "all checks passed" : "a check failed",
        Checks = checks,
    };

    private static PolicyCheck Threshold(double value) => new()
    {
        Kind = CheckKind.Threshold,
        Metric = MetricNames.Auc,
        Challenger = value,
        Threshold = 0.9,
        Outcome = CheckOutcome.Passed,
        Detail = $"auc {value:0.0000} meets the threshold 0.9000",
    };

    private static PolicyCheck Improvement(double challenger, double champion, CheckOutcome outcome) => new()
    {
        Kind = CheckKind.ImprovementOverChampion,
        Metric = MetricNames.Auc,
        Challenger = challenger,
        Champion = champion,
        Margin = 0.01,
        Outcome = outcome,
        Detail = $"auc {challenger:0.0000} vs champion {champion:0.0000}: improvement {challenger - champion:+0.0000;-0.0000}, needs at least +0.0100",
    };

    /// <summary>Makes step <c>train</c> fail while set (it is set for the seeded run, then cleared).</summary>
    public sealed class TrainSwitch
    {
        public bool Fail { get; set; } = true;
    }
}
