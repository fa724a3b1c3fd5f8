using MlValue.Internal;
using MlValue.PostgreSql.Tests.Support;
using MlValue.Registry;

namespace MlValue.PostgreSql.Tests.Processes;

/// <summary>The registry contract's invariants, checked on what a schema holds after a kill or a server crash.</summary>
internal static class RegistryInvariants
{
    /// <summary>A registry on <paramref name="schema"/> as a restarted process opens it (its own connections).</summary>
    public static (PostgreSqlModelRegistry Registry, PgDatabase Database) Open(string schema)
    {
        var database = new PgDatabase(PostgresServer.Options(schema), TimeProvider.System);
        var settings = new RegistrySettings { RootDirectory = Path.GetTempPath(), BusyTimeout = TimeSpan.Zero, MaxBusyRetries = 0, CodeVersion = "test", TempFileGracePeriod = TimeSpan.Zero };
        return (new PostgreSqlModelRegistry(database, settings, TimeProvider.System), database);
    }

    /// <summary>
    /// Versions 1..n with no gap or duplicate, each artifact and attachment loading and verifying its SHA-256, every
    /// blob whole (its recorded chunk count and size), the model's counter at n, each alias on an existing version
    /// and its history one chain that ends where the alias points.
    /// </summary>
    /// <param name="loadFrom">The first version whose artifact and attachments are loaded (earlier ones were loaded by an earlier check and cannot change).</param>
    /// <returns>The versions, in order.</returns>
    public static async Task<IReadOnlyList<ModelVersion>> AssertConsistentAsync(PostgreSqlModelRegistry registry, string schema, string model, string context, int loadFrom = 1)
    {
        var versions = await registry.SearchAsync(new ModelQuery { ModelName = model, IncludeArchived = true });
        CollectionAssert.AreEqual(Enumerable.Range(1, versions.Count).ToArray(), versions.Select(v => v.Version).ToArray(), $"{context}: versions are consecutive from 1, no gap, no duplicate");
        if (versions.Count > 0)
        {
            Assert.AreEqual((long)versions.Count, await PostgresServer.CountAsync(schema, "SELECT last_version FROM models WHERE model_name = @model;", ("model", model)), $"{context}: the model's counter is at its last version");
        }

        foreach (var version in versions.Where(v => v.Version >= loadFrom))
        {
            var artifact = await registry.LoadArtifactAsync(model, version.Version); // verifies the SHA-256 as it streams
            Assert.AreEqual(version.ArtifactSha256, artifact.Sha256, $"{context}: version {version.Version}'s artifact");
            Assert.AreEqual(version.ArtifactSize, (long)artifact.Content.Length, $"{context}: version {version.Version}'s artifact size");
            foreach (var name in version.Attachments.Keys)
            {
                Assert.IsNotNull(await registry.LoadAttachmentAsync(model, version.Version, name), $"{context}: version {version.Version}'s attachment {name}");
            }
        }

        Assert.AreEqual(0L, await PostgresServer.CountAsync(schema, """
            SELECT COUNT(*) FROM blobs b
            WHERE b.chunk_count <> (SELECT COUNT(*) FROM blob_chunks c WHERE c.sha256 = b.sha256)
               OR b.size <> (SELECT COALESCE(SUM(length(c.data)), 0) FROM blob_chunks c WHERE c.sha256 = b.sha256);
            """), $"{context}: no torn blob (every blob has its chunks and its size)");

        var aliases = await registry.GetAliasesAsync(model);
        foreach (var (alias, target) in aliases)
        {
            Assert.IsTrue(versions.Any(v => v.Version == target), $"{context}: alias {alias} points to version {target}, which exists");
            var history = await registry.GetAliasHistoryAsync(model, alias);
            Assert.IsNotEmpty(history, $"{context}: alias {alias} has its moves");
            Assert.IsNull(history[0].FromVersion, $"{context}: alias {alias}'s first move set it");
            for (var i = 1; i < history.Count; i++)
            {
                Assert.AreEqual(history[i - 1].ToVersion, history[i].FromVersion, $"{context}: alias {alias}'s move {i} starts where move {i - 1} ended");
            }

            Assert.AreEqual(target, history[^1].ToVersion, $"{context}: alias {alias}'s last move is where it points");
            Assert.IsTrue(history.All(m => versions.Any(v => v.Version == m.ToVersion)), $"{context}: alias {alias}'s history refers to existing versions");
        }

        return versions;
    }
}
