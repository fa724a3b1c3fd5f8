using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.ML;
using MlValue.Benchmarks.Support;
using MlValue.Monitoring;
using MlValue.Registry;
using MlValue.Serving;
using MlValue.Training;

namespace MlValue.Benchmarks.Http;

/// <summary>What one HTTP bench server serves.</summary>
public enum HttpVariant
{
    /// <summary><c>MapPredictor</c>'s typed route over an <c>AddPredictor</c> predictor bound to an alias in a SQLite registry, monitoring off.</summary>
    MlValue,

    /// <summary>The same with <c>AddModelMonitor</c> + <c>AddPredictionMonitoring</c>: every prediction is recorded.</summary>
    MlValueMonitored,

    /// <summary>The baseline: a minimal API <c>MapPost</c> calling a <see cref="PredictionEnginePoolBaseline{TData, TPrediction}"/>.</summary>
    Pool,

    /// <summary>
    /// A diagnostic: the baseline's minimal API and pool giving MlValue's answer (its body fields and headers, a
    /// version-7 correlation id), so the cost of the answer's content is told apart from the cost of the library.
    /// </summary>
    PoolSameAnswer,
}

/// <summary>The answer of <see cref="HttpVariant.PoolSameAnswer"/>: the fields of MlValue's typed answer.</summary>
/// <param name="Value">The prediction.</param>
/// <param name="ModelName">The model name.</param>
/// <param name="ModelVersion">The version, as text.</param>
/// <param name="Arm">The serving arm.</param>
/// <param name="CorrelationId">The caller's correlation id, else a generated one.</param>
public sealed record PoolAnswer(BinaryPrediction Value, string ModelName, string ModelVersion, string Arm, string CorrelationId);

/// <summary>
/// One server of the HTTP benchmark: a slim ASP.NET Core app on loopback serving the flights model on
/// <c>POST /models/flights/predict</c> (<see cref="PredictPath"/>) in one of the <see cref="HttpVariant"/>s. Both kinds take
/// the same JSON body (a <see cref="FlightFeatures"/> in the web defaults, camelCase) and answer JSON: the pool the
/// prediction object itself, as a minimal API returning it writes it; MlValue its answer object
/// (<c>value</c>, <c>modelName</c>, <c>modelVersion</c>, <c>arm</c>, <c>correlationId</c>) and headers.
/// </summary>
public sealed class HttpBenchHost : IAsyncDisposable
{
    /// <summary>The route both variants answer on.</summary>
    public const string PredictPath = "/models/" + FlightModel.Name + "/predict";

    private const string CorrelationHeader = "MlValue-Correlation-Id";

    private readonly WebApplication _app;
    private readonly TempFolder? _folder;

    private HttpBenchHost(WebApplication app, TempFolder? folder, Uri address)
    {
        _app = app;
        _folder = folder;
        Address = address;
    }

    /// <summary>The server's address (<c>http://127.0.0.1:port</c>).</summary>
    public Uri Address { get; }

    /// <summary>Parses a variant name: <c>mlvalue</c>, <c>mlvalue-monitored</c>, <c>pool</c> or <c>pool-answer</c>.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The variant.</returns>
    public static HttpVariant ParseVariant(string name) => name switch
    {
        "mlvalue" => HttpVariant.MlValue,
        "mlvalue-monitored" => HttpVariant.MlValueMonitored,
        "pool" => HttpVariant.Pool,
        "pool-answer" => HttpVariant.PoolSameAnswer,
        _ => throw new ArgumentException($"Unknown variant '{name}': use mlvalue, mlvalue-monitored, pool or pool-answer.", nameof(name)),
    };

    /// <summary>Builds, warms up and starts a server.</summary>
    /// <param name="variant">What it serves.</param>
    /// <param name="model">The model (the same bytes for every variant).</param>
    /// <param name="port">The loopback port; 0 picks a free one.</param>
    /// <param name="referenceRows">Rows of the monitored variant's reference profile (the training rows' count).</param>
    /// <returns>The started server.</returns>
    public static async Task<HttpBenchHost> StartAsync(HttpVariant variant, HttpModelFile model, int port, int referenceRows = HttpModel.Rows)
    {
        ArgumentNullException.ThrowIfNull(model);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        var pooled = variant is HttpVariant.Pool or HttpVariant.PoolSameAnswer;
        var folder = pooled ? null : new TempFolder("mlvalue-bench-http");
        WebApplication app;
        try
        {
            if (pooled)
            {
                var ml = new MLContext(seed: 0);
                using var stream = model.Artifact.OpenRead();
                var pool = new PredictionEnginePoolBaseline<FlightFeatures, BinaryPrediction>().Add(ml, FlightModel.Name, ml.Model.Load(stream, out _));
                builder.Services.AddSingleton(pool);
                app = builder.Build();
                // As the ML.NET guide's minimal API does: the pool injected, the input bound from the JSON body, the prediction returned as JSON.
                if (variant == HttpVariant.Pool)
                {
                    app.MapPost(PredictPath, (PredictionEnginePoolBaseline<FlightFeatures, BinaryPrediction> engines, FlightFeatures input) => engines.Predict(FlightModel.Name, input));
                }
                else
                {
                    app.MapPost(PredictPath, (HttpContext context, PredictionEnginePoolBaseline<FlightFeatures, BinaryPrediction> engines, FlightFeatures input) =>
                    {
                        var id = context.Request.Headers[CorrelationHeader].ToString() is { Length: > 0 } given ? given : Guid.CreateVersion7().ToString("N");
                        var value = engines.Predict(FlightModel.Name, input);
                        var headers = context.Response.Headers;
                        headers[CorrelationHeader] = id;
                        headers["MlValue-Model-Name"] = FlightModel.Name;
                        headers["MlValue-Model-Version"] = "1";
                        headers["MlValue-Arm"] = "primary";
                        return new PoolAnswer(value, FlightModel.Name, "1", "primary", id);
                    });
                }
            }
            else
            {
                builder.Services.AddSingleton<IModelFormat, MlNetModelFormat>(); // a serving-only app: the format, no trainer
                var mlvalue = builder.Services.AddMlValue(o => o.RootDirectory = folder!.Path)
                    .UseSqlite().AddModelRegistry(o => o.RootDirectory = Path.Combine(folder!.Path, "registry"))
                    .AddPredictor<FlightFeatures, BinaryPrediction>(FlightModel.Name)
                    .AddPredictionEndpoints();
                if (variant == HttpVariant.MlValueMonitored)
                {
                    var rows = FlightFeatures.Generate(referenceRows, HttpModel.RowSeed);
                    mlvalue.AddModelMonitoring(o => o.SaveInterval = TimeSpan.Zero)
                        .AddModelMonitor(FlightModel.Name, FlightMonitor.Schema(), _ => ReferenceProfile.Build(FlightMonitor.Schema(), rows, r => r.Label ? 0.8 : 0.2))
                        .AddPredictionMonitoring<FlightFeatures>(FlightModel.Name);
                }

                app = builder.Build();
                var registry = app.Services.GetRequiredService<IModelRegistry>();
                var version = await registry.RegisterAsync(new ModelRegistration
                {
                    ModelName = FlightModel.Name,
                    Artifact = model.Artifact,
                    TrainerName = model.TrainerName,
                    TrainingDatasetIds = model.DatasetIds,
                }).ConfigureAwait(false);
                await registry.SetAliasAsync(FlightModel.Name, "champion", version.Version, expectedCurrentVersion: null, "benchmark").ConfigureAwait(false);
                await app.Services.GetRequiredKeyedService<IPredictor<FlightFeatures, BinaryPrediction>>(FlightModel.Name).WarmUpAsync().ConfigureAwait(false);
                app.MapPredictor<FlightFeatures, BinaryPrediction>(FlightModel.Name);
            }

            await app.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            folder?.Dispose();
            throw;
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new HttpBenchHost(app, folder, new Uri(bound.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }

    /// <summary>
    /// The <c>--http-host</c> mode: <c>--variant mlvalue|mlvalue-monitored|pool|pool-answer --port N --model FILE</c>; prints
    /// <c>ready &lt;address&gt;</c> once it answers, then serves until stopped (SIGINT or SIGTERM).
    /// </summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var variant = ParseVariant(Option(args, "--variant") ?? "mlvalue");
        var port = int.Parse(Option(args, "--port") ?? "0", CultureInfo.InvariantCulture);
        var path = Option(args, "--model") ?? throw new ArgumentException("--http-host needs --model FILE (write one with --http-model FILE).", nameof(args));
        await using var host = await StartAsync(variant, HttpModel.Read(path), port).ConfigureAwait(false);
        Console.WriteLine($"ready {host.Address} {variant}");
        await host._app.WaitForShutdownAsync().ConfigureAwait(false);
        return 0;
    }

    /// <summary>The <c>--http-model FILE [--rows N] [--trees N]</c> mode: trains the model and writes it.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code.</returns>
    public static int WriteModel(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var path = Option(args, "--http-model") ?? throw new ArgumentException("--http-model needs a file name.", nameof(args));
        var rows = int.Parse(Option(args, "--rows") ?? HttpModel.Rows.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var trees = int.Parse(Option(args, "--trees") ?? HttpModel.Trees.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        HttpModel.Write(HttpModel.Train(rows, trees), path);
        Console.WriteLine($"model {path} ({rows} rows, {trees} trees)");
        return 0;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _folder?.Dispose();
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
