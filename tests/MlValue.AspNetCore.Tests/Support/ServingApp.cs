using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MlValue.DependencyInjection;
using MlValue.Registry;
using MlValue.Serving;
using MlValue.Testing;
using MlValue.Training;

namespace MlValue.Tests.Support;

/// <summary>
/// An app on an in-memory TestServer serving model <c>spam</c> (<see cref="SpamInput"/> to <see cref="BinaryPrediction"/>)
/// from a seeded in-memory registry with the <see cref="LinearFormat"/>, on a fake clock, polling off.
/// </summary>
public sealed class ServingApp : IAsyncDisposable
{
    private ServingApp(WebApplication app, InMemoryModelRegistry registry, LinearFormat format, FakeTimeProvider time)
    {
        App = app;
        Registry = registry;
        Format = format;
        Time = time;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public InMemoryModelRegistry Registry { get; }

    public LinearFormat Format { get; }

    public FakeTimeProvider Time { get; }

    public IPredictor<SpamInput, BinaryPrediction> Predictor => App.Services.GetRequiredKeyedService<IPredictor<SpamInput, BinaryPrediction>>("spam");

    /// <summary>Starts the app. <paramref name="champion"/> publishes version 1 with this weight at <c>champion</c>; null leaves the alias unset.</summary>
    public static async Task<ServingApp> StartAsync(
        float? champion = 0.5f,
        IDictionary<string, string?>? configuration = null,
        Action<MlValueBuilder>? configure = null,
        Action<WebApplication>? map = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero));
        var registry = new InMemoryModelRegistry(time);
        var format = new LinearFormat();
        if (champion is { } weight)
        {
            registry.Point("spam", "champion", registry.Publish("spam", LinearFormat.Id, LinearFormat.Artifact(weight)));
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(configuration ?? new Dictionary<string, string?>());
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IModelRegistry>(registry);
        builder.Services.AddSingleton<IModelFormat>(format);
        var mlvalue = builder.Services.AddMlValue(builder.Configuration.GetSection("MlValue"))
            .AddPredictionEndpoints()
            .AddPredictor<SpamInput, BinaryPrediction>("spam", configure: o => o.PollInterval = TimeSpan.Zero);
        configure?.Invoke(mlvalue);
        builder.Services.AddHealthChecks().AddMlValueHealthChecks();
        var app = builder.Build();
        if (map is null)
        {
            app.MapPredictor<SpamInput, BinaryPrediction>("spam");
        }
        else
        {
            map(app);
        }

        await app.StartAsync();
        var serving = new ServingApp(app, registry, format, time);
        await serving.Predictor.RefreshAsync();
        return serving;
    }

    public static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    public async Task<(HttpResponseMessage Response, JsonNode Body)> PostAsync(string path, string json, string? correlationId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(json) };
        if (correlationId is not null)
        {
            request.Headers.Add("MlValue-Correlation-Id", correlationId);
        }

        var response = await Client.SendAsync(request);
        return (response, await ReadAsync(response));
    }

    public async Task<(HttpResponseMessage Response, JsonNode Body)> GetAsync(string path)
    {
        var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        return (response, await ReadAsync(response));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text) ?? throw new JsonException("The body is JSON null.");
    }
}
