using System.Globalization;
using MlValue.Registry;

namespace MlValue.Testing;

public sealed partial class InMemoryModelRegistry
{
    /// <inheritdoc />
    public Task<AliasMove> SetAliasAsync(string modelName, string alias, int version, int? expectedCurrentVersion, string reason, CancellationToken cancellationToken = default)
    {
        RegistryNames.ModelName(modelName);
        RegistryNames.Alias(alias);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        lock (_gate)
        {
            return Task.FromResult(Move(modelName, alias, version, expectedCurrentVersion, reason));
        }
    }

    /// <inheritdoc />
    public Task<AliasMove> RollbackAliasAsync(string modelName, string alias, string reason, CancellationToken cancellationToken = default)
    {
        RegistryNames.ModelName(modelName);
        RegistryNames.Alias(alias);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        lock (_gate)
        {
            if (!_aliases.TryGetValue((modelName, alias), out var moves) || moves.Count == 0)
            {
                throw new ModelRegistryException($"Alias '{alias}' of model '{modelName}' has never been set, so there is nothing to roll back. Set it with SetAliasAsync.");
            }

            var last = moves[^1];
            var previous = last.FromVersion ?? throw new ModelRegistryException(string.Create(CultureInfo.InvariantCulture, $"Alias '{alias}' of model '{modelName}' was first set to version {last.ToVersion} by its last move, so there is no earlier version to roll back to. Move it explicitly with SetAliasAsync."));
            return Task.FromResult(Move(modelName, alias, previous, last.ToVersion, reason));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AliasMove>> GetAliasHistoryAsync(string modelName, string alias, CancellationToken cancellationToken = default)
    {
        RegistryNames.ModelName(modelName);
        RegistryNames.Alias(alias);
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<AliasMove>>(_aliases.TryGetValue((modelName, alias), out var moves) ? [.. moves] : []);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, int>> GetAliasesAsync(string modelName, CancellationToken cancellationToken = default)
    {
        RegistryNames.ModelName(modelName);
        lock (_gate)
        {
            var aliases = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var ((model, alias), moves) in _aliases)
            {
                if (model == modelName && moves.Count > 0)
                {
                    aliases[alias] = moves[^1].ToVersion;
                }
            }

            return Task.FromResult<IReadOnlyDictionary<string, int>>(aliases);
        }
    }

    /// <summary>Moves an alias under the lock: compare, check the target exists, record.</summary>
    private AliasMove Move(string modelName, string alias, int version, int? expected, string reason)
    {
        var current = CurrentAlias(modelName, alias);
        if (current != expected)
        {
            throw new AliasConflictException(string.Create(CultureInfo.InvariantCulture, $"Alias '{alias}' of model '{modelName}' was not moved to version {version}: expected it to point to {Describe(expected)}, but it points to {Describe(current)} (someone moved it meanwhile). Read it again with GetByAliasAsync and retry with expectedCurrentVersion = {Describe(current)}."));
        }

        if (Find(modelName, version) is null)
        {
            throw NoSuchVersion(modelName, version);
        }

        var move = new AliasMove { ModelName = modelName, Alias = alias, FromVersion = current, ToVersion = version, MovedAt = _time.GetUtcNow(), Reason = reason };
        (_aliases.TryGetValue((modelName, alias), out var moves) ? moves : _aliases[(modelName, alias)] = []).Add(move);
        return move;
    }

    private static string Describe(int? version)
        => version is { } v ? "version " + v.ToString(CultureInfo.InvariantCulture) : "no version (unset)";
}
