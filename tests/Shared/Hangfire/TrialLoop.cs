using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MlValue.Registry;
using MlValue.Runs;
using MlValue.Training;
using Npgsql;

namespace MlValue.Hangfire.Trials;

/// <summary>
/// The loop of the Hangfire kill trials, shared by the test process (which begins runs) and the worker processes
/// (which run the steps): collect → register (a registration once per run and step) → promote (the alias moved
/// once, by compare-and-swap against the champion seen at collect). Around each effect a step passes a kill point:
/// when the trial's plan (table <c>trial_plan</c>) names that step and point and the run has no victim yet
/// (<c>trial_kills</c>), the worker announces its process id on the <c>trial_points</c> channel and waits there
/// until the test kills it.
/// </summary>
internal static class TrialLoop
{
    public const string Name = "trial";
    public const string Model = "trial-model";
    public const string Alias = "champion";

    public static readonly string[] Steps = ["collect", "register", "promote"];

    public const string Setup = """
        CREATE TABLE IF NOT EXISTS trial_plan (id int PRIMARY KEY, step text NOT NULL, point text NOT NULL);
        CREATE TABLE IF NOT EXISTS trial_kills (run_id text PRIMARY KEY, pid int NOT NULL);
        """;

    public static LoopDefinition Build(string connectionString, string schema, ITrigger? trigger = null)
    {
        connectionString = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ConnectionString;
        var loop = new LoopBuilder(Name);
        if (trigger is not null)
        {
            loop.AddTrigger(trigger);
        }

        loop.DefaultResilience.MaxRetryAttempts = 0;
        loop.AddStep("collect", async (ctx, token) =>
        {
            await KillPointAsync(connectionString, ctx, "before", token);
            var champion = await Registry(ctx).GetByAliasAsync(Model, Alias, token);
            await KillPointAsync(connectionString, ctx, "after", token);
            return StepResult.With(
                ("dataset", StepReference.Dataset("ds-" + ctx.RunId.Replace("run-", string.Empty, StringComparison.Ordinal).PadLeft(32, '0'))),
                ("champion-before", StepReference.Value(champion?.Version.ToString(CultureInfo.InvariantCulture) ?? "none")));
        });
        loop.AddStep("register", async (ctx, token) =>
        {
            await KillPointAsync(connectionString, ctx, "before", token);
            var registration = new ModelRegistration
            {
                ModelName = Model,
                Artifact = new ModelArtifact("trial-format", System.Text.Encoding.UTF8.GetBytes("model of " + ctx.RunId)),
                TrainerName = "trial-trainer",
                CodeVersion = "trial",
                TrainingDatasetIds = [ctx.Get("dataset")],
            };
            var (version, _) = await Registry(ctx).RegisterOnceAsync(registration, ctx.IdempotencyKey, token);
            await KillPointAsync(connectionString, ctx, "after", token);
            return StepResult.With(("model", StepReference.ModelVersion(Model, version.Version)));
        });
        loop.AddStep("promote", async (ctx, token) =>
        {
            await KillPointAsync(connectionString, ctx, "before", token);
            var expected = ctx.Get("champion-before") is var before && before == "none" ? (int?)null : int.Parse(before, CultureInfo.InvariantCulture);
            var (move, _) = await Registry(ctx).MoveAliasOnceAsync(Model, Alias, ctx.GetReference("model").ToModelVersion().Version, expected, "promoted by " + ctx.RunId, token);
            await KillPointAsync(connectionString, ctx, "after", token);
            return StepResult.With(("decision", StepReference.Decision("moved to " + move.ToVersion.ToString(CultureInfo.InvariantCulture))));
        });
        return loop.Build();
    }

    private static IModelRegistry Registry(StepContext context)
        => context.Services?.GetRequiredService<IModelRegistry>() ?? throw new InvalidOperationException("The trial loop runs from the container (StepContext.Services).");

    private static async Task KillPointAsync(string connectionString, StepContext context, string point, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var plan = new NpgsqlCommand("SELECT 1 FROM trial_plan WHERE id = 1 AND step = @step AND point = @point", connection))
        {
            plan.Parameters.AddWithValue("step", context.StepName);
            plan.Parameters.AddWithValue("point", point);
            if (await plan.ExecuteScalarAsync(cancellationToken) is null)
            {
                return;
            }
        }

        await using (var claim = new NpgsqlCommand("INSERT INTO trial_kills (run_id, pid) VALUES (@run, @pid) ON CONFLICT DO NOTHING", connection))
        {
            claim.Parameters.AddWithValue("run", context.RunId);
            claim.Parameters.AddWithValue("pid", Environment.ProcessId);
            if (await claim.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return;
            }
        }

        await using (var notify = new NpgsqlCommand("SELECT pg_notify('trial_points', @payload)", connection))
        {
            notify.Parameters.AddWithValue("payload", string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}|{context.RunId}|{context.StepName}|{point}"));
            await notify.ExecuteNonQueryAsync(cancellationToken);
        }

        // The victim: it is killed here (kill -9), so it never goes on.
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
    }
}
