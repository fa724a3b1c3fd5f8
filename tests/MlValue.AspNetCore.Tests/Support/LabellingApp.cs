using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MlValue.Annotation;
using MlValue.AspNetCore;
using MlValue.DependencyInjection;

namespace MlValue.Tests.Support;

/// <summary>
/// An app with the labelling page at <c>/label</c> over a task queue of <see cref="Count"/> mails exported in a fixed
/// order (mail 0 has a long body, mail 1 markup in its subject, even mails a model pre-label), classes spam (key 1) and
/// ham (key 2), one labeling function; policy <c>annotators</c> (role <c>annotator</c>, see <see cref="TestUsers"/>).
/// On an in-memory TestServer, or on Kestrel at 127.0.0.1.
/// </summary>
public sealed class LabellingApp : IAsyncDisposable
{
    public const int Count = 12;

    private LabellingApp(WebApplication app) => App = app;

    public sealed record Mail(string Id, string Subject, string Body);

    public WebApplication App { get; }

    public AnnotationTaskQueue Queue => App.Services.GetRequiredService<AnnotationTaskQueue>();

    public Uri Address { get; private set; } = new("http://localhost");

    public static IReadOnlyList<Mail> Mails { get; } = [.. Enumerable.Range(0, Count).Select(i => new Mail(
        $"mail-{i:D2}",
        i == 1 ? "<b>bold</b> & <script>alert(1)</script>" : $"subject {i}",
        i == 0 ? string.Concat(Enumerable.Repeat("a long line of mail text ", 40)) + "THE END" : (i % 3 == 0 ? $"win ${i}00 now" : $"see you at {i}"))).ToList()];

    public HttpClient CreateClient(string? user = null)
    {
        var client = App.GetTestClient();
        if (user is not null)
        {
            client.DefaultRequestHeaders.Add(TestUsers.Header, user);
        }

        return client;
    }

    public static async Task<LabellingApp> StartAsync(string root, bool kestrel = false, int answersPerTask = 1)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero));
        var builder = TestHosts.CreateBuilder(kestrel);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddAuthorization(o => o.AddPolicy("annotators", p => p.RequireAuthenticatedUser().RequireRole("annotator")));
        builder.Services.AddMlValue(o => o.RootDirectory = root)
            .AddLabellingPage(o =>
            {
                o.Policy = "annotators";
                o.AnswersPerTask = answersPerTask;
            });
        var app = builder.Build();
        app.MapLabellingPage<Mail, string>(
            "/label",
            [new LabelChoice<string>("spam", "spam"), new LabelChoice<string>("ham", "ham")],
            [LabelingFunction.When<Mail, string>("mentions money", m => m.Body.Contains('$', StringComparison.Ordinal), "spam", 0.8)]);
        await app.StartAsync();
        var labelling = new LabellingApp(app);
        labelling.Address = TestHosts.AddressOf(app);

        var suggestions = Mails.Where((_, i) => i % 2 == 0).Select(m => Annotations.Of(m.Id, "model:spam@v2", m.Body.Contains('$', StringComparison.Ordinal) ? "spam" : "ham", 0.75));
        await labelling.Queue.ExportAsync(Mails, m => m.Id, suggestions, Path.Combine(root, "tasks.jsonl"));
        return labelling;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
