using Microsoft.VisualStudio.TestTools.UnitTesting;
using MlValue.Registry;

namespace MlValue.Testing;

public abstract partial class ModelRegistryContractTests
{
    /// <summary>
    /// A model name that could escape a folder or a key (traversal, separators, absolute paths, control characters,
    /// a trailing newline, a leading dot or space, empty) is refused with <see cref="RegistryNameException"/>, and nothing is registered.
    /// </summary>
    /// <param name="name">The unsafe name.</param>
    /// <returns>A task.</returns>
    [TestMethod]
    [DataRow("../escape")]
    [DataRow("..")]
    [DataRow(".")]
    [DataRow("/etc/passwd")]
    [DataRow("C:\\models")]
    [DataRow("a/b")]
    [DataRow("a\\b")]
    [DataRow("")]
    [DataRow(" spam")]
    [DataRow("spam\n")]
    [DataRow("tab\there")]
    [DataRow("nul\0name")]
    [DataRow(".hidden")]
    public async Task RegisterAsync_UnsafeModelName_ThrowsRegistryNameException(string name)
    {
        await Assert.ThrowsExactlyAsync<RegistryNameException>(() => Registry.RegisterAsync(Registration(name, "x")));

        Assert.IsEmpty(await Registry.SearchAsync(new ModelQuery { IncludeArchived = true }), "nothing is registered under a refused name");
    }

    /// <summary>Names are at most 128 characters.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task RegisterAsync_NameLongerThan128_ThrowsRegistryNameException()
    {
        await Assert.ThrowsExactlyAsync<RegistryNameException>(() => Registry.RegisterAsync(Registration(new string('a', 129), "x")));

        Assert.AreEqual(1, (await Registry.RegisterAsync(Registration(new string('a', 128), "x"))).Version);
    }

    /// <summary>Letters, digits, '.', '_' and '-' after a letter or digit are accepted as they are.</summary>
    /// <param name="name">The safe name.</param>
    /// <returns>A task.</returns>
    [TestMethod]
    [DataRow("spam")]
    [DataRow("spam-filter_v2.1")]
    [DataRow("A")]
    [DataRow("0model")]
    public async Task RegisterAsync_SafeName_IsAccepted(string name)
    {
        var version = await Registry.RegisterAsync(Registration(name, "x"));

        Assert.AreEqual(name, version.ModelName);
    }

    /// <summary>Aliases follow the same rule.</summary>
    /// <param name="alias">The unsafe alias.</param>
    /// <returns>A task.</returns>
    [TestMethod]
    [DataRow("../champion")]
    [DataRow("champion/x")]
    [DataRow("champion\n")]
    [DataRow("")]
    public async Task SetAliasAsync_UnsafeAlias_ThrowsRegistryNameException(string alias)
    {
        await RegisterAsync("spam", "1");

        await Assert.ThrowsExactlyAsync<RegistryNameException>(() => Registry.SetAliasAsync("spam", alias, 1, null, "r"));
    }

    /// <summary>Attachment names follow the same rule, and a refused attachment refuses the whole registration.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task RegisterAsync_UnsafeAttachmentName_ThrowsRegistryNameException()
    {
        var registration = Registration("spam", "x");

        await Assert.ThrowsExactlyAsync<RegistryNameException>(() => Registry.RegisterAsync(new ModelRegistration
        {
            ModelName = "spam",
            Artifact = registration.Artifact,
            TrainerName = "t",
            TrainingDatasetIds = ["ds-train"],
            Attachments = new Dictionary<string, byte[]> { ["../../profile"] = [1] },
        }));

        Assert.IsNull(await Registry.GetVersionAsync("spam", 1));
    }

    /// <summary>Lookups validate names too, so an unsafe name never reaches the store.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task Lookups_UnsafeNames_ThrowRegistryNameException()
    {
        await Assert.ThrowsExactlyAsync<RegistryNameException>(() => Registry.GetVersionAsync("../x", 1));
        await Assert.ThrowsExactlyAsync<RegistryNameException>(() => Registry.GetByAliasAsync("spam", "a/b"));
        await Assert.ThrowsExactlyAsync<RegistryNameException>(() => Registry.LoadArtifactAsync("a\\b", 1));
        await Assert.ThrowsExactlyAsync<RegistryNameException>(() => Registry.SearchAsync(new ModelQuery { ModelName = "a/b" }));
        await Assert.ThrowsExactlyAsync<RegistryNameException>(() => Registry.GetAliasHistoryAsync("spam", ".."));
    }
}
