using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MlValue.DependencyInjection;
using MlValue.Serving;
using MlValue.Training;

namespace MlValue.Tests.Support;

/// <summary>
/// An app on Kestrel, listening on 127.0.0.1 on a port the system picks, serving model <c>spam</c> (<see cref="SpamInput"/>
/// to <see cref="BinaryPrediction"/>) with the <see cref="LinearFormat"/>: its predictor polls the registry every
/// <see cref="PollInterval"/> of the app's fake clock, so a test moves the alias and then advances that clock.
/// </summary>
public sealed class LoopbackServingApp : IAsyncDisposable
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(30);

    private LoopbackServingApp(WebApplication app, LinearFormat format, FakeTimeProvider time, Uri address)
    {
        App = app;
        Format = format;
        Time = time;
        Address = address;
    }

    public WebApplication App { get; }

    public LinearFormat Format { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>The server's address, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri Address { get; }

    public IPredictor<SpamInput, BinaryPrediction> Predictor => App.Services.GetRequiredKeyedService<IPredictor<SpamInput, BinaryPrediction>>("spam");

    /// <summary>
    /// Starts the app and waits for the predictor's first load. <paramref name="services"/> runs before the MlValue
    /// stages are added (an in-memory registry goes there), <paramref name="store"/> after (<c>UsePostgreSql</c> goes there).
    /// </summary>
    public static async Task<LoopbackServingApp> StartAsync(FakeTimeProvider time, Action<IServiceCollection>? services = null, Action<MlValueBuilder>? store = null)
    {
        var format = new LinearFormat();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IModelFormat>(format);
        services?.Invoke(builder.Services);
        var mlvalue = builder.Services.AddMlValue(builder.Configuration.GetSection("MlValue"))
            .AddPredictionEndpoints()
            .AddPredictor<SpamInput, BinaryPrediction>("spam", configure: o => o.PollInterval = PollInterval);
        store?.Invoke(mlvalue);
        var app = builder.Build();
        app.MapPredictor<SpamInput, BinaryPrediction>("spam");
        await app.StartAsync();
        var served = new LoopbackServingApp(app, format, time, new Uri(app.Urls.Single() + "/"));

        // The first load started with the predictor; a refresh waits for it (one refresh runs at a time).
        await served.Predictor.RefreshAsync();
        return served;
    }

    /// <summary>A client of its own (its own connection pool) on <see cref="Address"/>.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = Address };

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
