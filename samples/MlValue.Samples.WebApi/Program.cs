using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using MlValue.AspNetCore;
using MlValue.Evaluation;
using MlValue.Samples.WebApi;
using MlValue.Serving;
using MlValue.Training;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
{
    ["--fixture"] = "WebApi:Fixture",
    ["--store-dir"] = "WebApi:StoreDir",
    ["--postgres"] = "WebApi:Postgres",
    ["--seed"] = "WebApi:Seed",
    ["--annotator"] = "WebApi:Annotator",
    ["--annotation-dir"] = "WebApi:AnnotationDir",
    ["--answers-per-task"] = "WebApi:AnswersPerTask",
});
var section = builder.Configuration.GetSection(WebApiOptions.Section);
builder.Services.Configure<WebApiOptions>(section);

// Read when the options are first resolved, after Build(), so settings a test host adds at Build() apply too.
WebApiOptions Settings() => section.Get<WebApiOptions>() ?? new WebApiOptions();

var mlvalue = builder.Services.AddMlValue(builder.Configuration.GetSection("MlValue"), o => o.RootDirectory = Path.GetFullPath(Settings().StoreDir))
    .AddTraining(o =>
    {
        var settings = Settings();
        o.Preset = TrainingPreset.Text;
        o.Task = PredictionTask.BinaryClassification;
        o.Text.LabelColumn = nameof(LabelledMail.IsSpam);
        o.Text.TextColumns.Add(nameof(MailInput.Subject));
        o.Text.TextColumns.Add(nameof(MailInput.Body));
        o.Text.WordNgramLength = settings.WordNgramLength;
        o.Text.UseCharNgrams = false;
        o.Text.MaximumNumberOfIterations = settings.MaximumIterations;
        o.Text.NumberOfThreads = 1;
    })
    .AddBaselineRule(SpamFilterBootstrap.Baseline)
    .AddEvaluation(o => o.Policy.Rules.Add(new MetricRule { Metric = MetricNames.F1, Threshold = 0.7, CheckSlices = false }));
(Settings().Postgres is { Length: > 0 } postgres ? mlvalue.UsePostgreSql(postgres) : mlvalue.UseSqlite())
    .AddModelRegistry(o => o.CodeVersion = "webapi-sample")
    .AddModelMonitoring()
    .AddModelMonitor(WebApiOptions.ModelName, SpamFilterBootstrap.Schema, servedModel: WebApiOptions.ModelName)
    .AddPredictor<MailInput, BinaryPrediction>(WebApiOptions.ModelName)
    .AddPredictionEndpoints()
    .AddDashboard(o => o.Title = "Spam filter")
    .AddAnnotation(o => o.RootDirectory = Settings().AnnotationDir is { Length: > 0 } dir ? Path.GetFullPath(dir) : null)
    .AddLabellingPage(o =>
    {
        o.Title = "Label mail";
        o.Policy = "annotators";
        o.AnswersPerTask = Settings().AnswersPerTask;
    });
builder.Services.AddAuthentication(LocalAnnotator.SchemeName).AddScheme<AuthenticationSchemeOptions, LocalAnnotator>(LocalAnnotator.SchemeName, null);
builder.Services.AddAuthorization(o => o.AddPolicy("annotators", p => p.RequireAuthenticatedUser()));
builder.Services.AddHostedService<SpamFilterBootstrap>();
builder.Services.AddHealthChecks().AddMlValueHealthChecks();
builder.Services.AddOpenTelemetry()
    .WithMetrics(metrics => metrics.AddMeter("MlValue").AddAspNetCoreInstrumentation().AddPrometheusExporter())
    .WithTracing(tracing => tracing.AddSource("MlValue").AddAspNetCoreInstrumentation());

var app = builder.Build();
app.MapPredictor<MailInput, BinaryPrediction>(WebApiOptions.ModelName);
app.MapMlValueDashboard("/mlvalue");
app.MapLabellingPage<JsonElement, string>("/label", [new LabelChoice<string>("spam", "spam"), new LabelChoice<string>("ham", "ham")]);
app.MapHealthChecks("/health");
app.MapPrometheusScrapingEndpoint("/metrics");
await app.RunAsync();

/// <summary>The entry point, visible to the tests' <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
