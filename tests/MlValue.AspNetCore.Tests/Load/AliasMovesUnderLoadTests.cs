using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MlValue.Registry;
using MlValue.Serving;
using MlValue.Testing;
using MlValue.Tests.Support;

namespace MlValue.Tests.Load;

/// <summary>
/// Proof under load on a real server: Kestrel on loopback, four clients on their own connections sending typed and OIP
/// requests while the champion alias moves 100 times around six versions (ending on version 5, not the first). Each version's weight makes its probability a known
/// function of the version, so every answer can be checked against the version it names.
/// </summary>
[TestClass]
public sealed class AliasMovesUnderLoadTests
{
    private const int Clients = 4;
    private const int RequestsPerClient = 500;
    private const int Moves = 100;
    private const int Versions = 6;

    /// <summary>The alias moves once per this many answers, so the 100 moves need 1,900 of the 1,996 answers clients give before their last request.</summary>
    private const int AnswersPerMove = 19;

    private static readonly float[] Scores = [0.25f, 0.5f, 0.75f, 1f];

    public TestContext TestContext { get; set; } = null!;

    /// <summary>Version v's weight: v / 8, so no two versions answer the same probability for a positive score.</summary>
    private static float Weight(int version) => 0.125f * version;

    /// <summary>The version the alias points to after <paramref name="moves"/> moves (each to the next version, 6 back to 1).</summary>
    private static int VersionAfter(int moves) => (moves % Versions) + 1;

    /// <summary>What the model of <paramref name="version"/> answers, computed as <see cref="LinearFormat"/> does.</summary>
    private static float Expected(int version, float score, int links) => Math.Clamp((Weight(version) * score) + (0.1f * links), 0f, 1f);

    [TestMethod]
    public async Task Kestrel_FourClientsWhileTheAliasMoves100Times_EverythingSucceedsAndEveryAnswerIsThatOfTheVersionItNames()
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        guard.CancelAfter(TimeSpan.FromMinutes(3));
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero));
        var registry = new InMemoryModelRegistry(time);
        for (var v = 1; v <= Versions; v++)
        {
            Assert.AreEqual(v, registry.Publish("spam", LinearFormat.Id, LinearFormat.Artifact(Weight(v))));
        }

        registry.Point("spam", "champion", 1);
        await using var app = await LoopbackServingApp.StartAsync(time, services: s => s.AddSingleton<IModelRegistry>(registry));

        var answers = new ConcurrentQueue<Answer>();
        var failures = new ConcurrentQueue<string>();
        var moveDue = new SemaphoreSlim(0);
        var movesDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answered = 0;

        // Even while the alias is still, odd while a move (its registry write and the predictor's poll) is under way:
        // read before a request is sent and after its answer, it bounds the versions that may have answered.
        var phase = 0;
        var clients = Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            using var client = app.CreateClient();
            var random = new Random(1000 + c);
            for (var i = 0; i < RequestsPerClient; i++)
            {
                if (i == RequestsPerClient - 1)
                {
                    // Each client's last request goes after the last move: the final version must answer it.
                    await movesDone.Task.WaitAsync(guard.Token);
                }

                var score = Scores[random.Next(Scores.Length)];
                var links = random.Next(2);
                var oip = (i + c) % 2 == 1;
                try
                {
                    var sent = Volatile.Read(ref phase);
                    var answer = await SendAsync(client, oip, score, links, c, i, guard.Token) with { PhaseSent = sent };
                    answer = answer with { PhaseReceived = Volatile.Read(ref phase) };
                    if (answer.Failure is { } failure)
                    {
                        failures.Enqueue(failure);
                    }
                    else
                    {
                        answers.Enqueue(answer);
                    }
                }
                catch (Exception error)
                {
                    failures.Enqueue($"client {c} request {i}: {error.GetType().Name}: {error.Message}");
                }

                if (Interlocked.Increment(ref answered) % AnswersPerMove == 0)
                {
                    moveDue.Release();
                }
            }
        }, guard.Token)).ToList();

        var served = new int[Moves];
        var current = 1;
        var mover = Task.Run(async () =>
        {
            try
            {
                for (var move = 0; move < Moves; move++)
                {
                    await moveDue.WaitAsync(guard.Token);
                    var next = (current % Versions) + 1;
                    Interlocked.Increment(ref phase);
                    await registry.SetAliasAsync("spam", "champion", next, current, "load test", guard.Token);

                    // The predictor's poll: the timer fires inside Advance, and with the in-memory registry the whole
                    // refresh (load, swap) completes there.
                    time.Advance(LoopbackServingApp.PollInterval);
                    served[move] = app.Predictor.GetStatus().Slots.Single(s => s.Arm == ServingArm.Primary).Version ?? 0;
                    current = next;
                    Interlocked.Increment(ref phase);
                }
            }
            finally
            {
                movesDone.TrySetResult();
            }
        }, guard.Token);

        await Task.WhenAll([mover, .. clients]);

        Assert.IsEmpty(failures, $"{failures.Count} requests failed, first: {failures.FirstOrDefault()}");
        Assert.HasCount(Clients * RequestsPerClient, answers);
        var wrong = answers.Where(a => a.HeaderVersion != a.BodyVersion || Math.Abs(a.Probability - Expected(a.BodyVersion, a.Score, a.Links)) > 1e-6).ToList();
        Assert.IsEmpty(wrong, $"{wrong.Count} answers do not match the version they name, first: {wrong.FirstOrDefault()}");
        var impossible = answers.Where(a => !Enumerable.Range(a.PhaseSent / 2, ((a.PhaseReceived + 1) / 2) - (a.PhaseSent / 2) + 1).Select(VersionAfter).Contains(a.BodyVersion)).ToList();
        Assert.IsEmpty(impossible, $"{impossible.Count} answers name a version the alias did not point to while they were in flight, first: {impossible.FirstOrDefault()}");
        var final = current;
        Assert.AreEqual(VersionAfter(Moves), final);
        CollectionAssert.AreEqual(Enumerable.Range(1, Moves).Select(VersionAfter).ToArray(), served, "after each move and one poll the predictor serves the new version");
        var lastAnswers = answers.Where(a => a.Request == RequestsPerClient - 1).ToList();
        Assert.HasCount(Clients, lastAnswers);
        Assert.IsTrue(lastAnswers.All(a => a.BodyVersion == final), "requests sent after the last move are answered by the final version");
        Assert.IsGreaterThanOrEqualTo(AnswersPerMove, answers.Count(a => a.BodyVersion == 1), "the answers before the first move are version 1's");
        var status = app.Predictor.GetStatus();
        Assert.AreEqual(Moves + 1, status.Swaps, "the first load and one swap per move");
        Assert.HasCount(Moves + 1, app.Format.Loaded);
        Assert.HasCount(Moves, app.Format.Disposed, "every swapped-out version was disposed once its requests finished");

        // Figures only (they depend on scheduling): how many of the 101 alias positions answered a request sent and
        // answered while the alias stood there, and how many requests were in flight across a move.
        var stable = answers.Where(a => a.PhaseSent == a.PhaseReceived && a.PhaseSent % 2 == 0).ToList();
        TestContext.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{answers.Count} answers ({answers.Count(a => a.Oip)} OIP, {answers.Count(a => !a.Oip)} typed), {Moves} alias moves, {status.Swaps} swaps; " +
            $"answers per version: {string.Join(", ", answers.GroupBy(a => a.BodyVersion).OrderBy(g => g.Key).Select(g => $"v{g.Key} {g.Count()}"))}; " +
            $"alias positions answered: {stable.Select(a => a.PhaseSent).Distinct().Count()} of {Moves + 1}; requests in flight across a move: {answers.Count - stable.Count}"));
    }

    private static async Task<Answer> SendAsync(HttpClient client, bool oip, float score, int links, int c, int i, CancellationToken cancellationToken)
    {
        var scoreText = score.ToString("R", CultureInfo.InvariantCulture);
        var json = oip
            ? $$"""{"inputs": [{"name": "text", "shape": [1], "datatype": "BYTES", "data": ["m"]}, {"name": "score", "shape": [1], "datatype": "FP32", "data": [{{scoreText}}]}, {"name": "links", "shape": [1], "datatype": "INT32", "data": [{{links}}]}]}"""
            : $$"""{"text": "m", "score": {{scoreText}}, "links": {{links}}}""";
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri(oip ? "v2/models/spam/infer" : "models/spam/predict", UriKind.Relative), content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return new Answer(c, i, oip, score, links, 0, 0, 0, $"client {c} request {i}: {(int)response.StatusCode} {text}");
        }

        var body = JsonNode.Parse(text)!;
        var header = int.Parse(response.Headers.GetValues("MlValue-Model-Version").Single(), CultureInfo.InvariantCulture);
        var (version, probability) = oip
            ? (body["model_version"]!.GetValue<string>(), body["outputs"]!.AsArray().Single(o => o!["name"]!.GetValue<string>() == "probability")!["data"]![0]!.GetValue<double>())
            : (body["modelVersion"]!.GetValue<string>(), body["value"]!["probability"]!.GetValue<double>());
        return new Answer(c, i, oip, score, links, int.Parse(version, CultureInfo.InvariantCulture), header, probability, null);
    }

    private sealed record Answer(int Client, int Request, bool Oip, float Score, int Links, int BodyVersion, int HeaderVersion, double Probability, string? Failure)
    {
        public int PhaseSent { get; init; }

        public int PhaseReceived { get; init; }
    }
}
