using MlValue.Registry;

namespace MlValue.Tests.Registry;

[TestClass]
public sealed class RegistryNamesTests : RegistryTestsBase
{
    // Every hostile name is refused by every store through ModelRegistryContractTests (MlValue.Testing);
    // here: what the message says, and that the SQLite store writes nothing for it.
    [TestMethod]
    [DataRow("../escape")]
    [DataRow("spam\n")]
    [DataRow("nul\0name")]
    public async Task RegisterAsync_UnsafeModelName_ThrowsNamingValueAndPattern(string name)
    {
        var error = await Assert.ThrowsExactlyAsync<RegistryNameException>(() => Fixture.Registry.RegisterAsync(RegistryFixture.Registration(name, "x")));

        StringAssert.Contains(error.Message, "model name");
        StringAssert.Contains(error.Message, RegistryNames.Pattern);
        Assert.IsFalse(Directory.Exists(Fixture.Settings.ArtifactDirectory), "nothing is written for a rejected name");
    }

    [TestMethod]
    public async Task RegisterAsync_NameTooLong_IsRejected()
    {
        var error = await Assert.ThrowsExactlyAsync<RegistryNameException>(() => Fixture.Registry.RegisterAsync(RegistryFixture.Registration(new string('a', 129), "x")));

        StringAssert.Contains(error.Message, "aaaa");
    }

    [TestMethod]
    public void ModelName_ControlCharacter_IsShownEscapedInMessage()
    {
        var error = Assert.ThrowsExactly<RegistryNameException>(() => RegistryNames.ModelName("bad\u0001name"));

        StringAssert.Contains(error.Message, "'bad\\u0001name'");
    }

    [TestMethod]
    [DataRow("../champion")]
    [DataRow("champion/x")]
    [DataRow("")]
    public async Task SetAliasAsync_UnsafeAlias_ThrowsNamingAlias(string alias)
    {
        await Fixture.RegisterAsync("spam", "1");

        var error = await Assert.ThrowsExactlyAsync<RegistryNameException>(() => Fixture.Registry.SetAliasAsync("spam", alias, 1, null, "r"));

        StringAssert.Contains(error.Message, "The alias '" + alias + "'");
    }

    [TestMethod]
    public async Task RegisterAsync_UnsafeAttachmentName_IsRejected()
    {
        var registration = RegistryFixture.Registration("spam", "x");

        var error = await Assert.ThrowsExactlyAsync<RegistryNameException>(() => Fixture.Registry.RegisterAsync(new ModelRegistration
        {
            ModelName = "spam",
            Artifact = registration.Artifact,
            TrainerName = "t",
            TrainingDatasetIds = ["ds-train"],
            Attachments = new Dictionary<string, byte[]> { ["../../profile"] = [1] },
        }));

        StringAssert.Contains(error.Message, "attachment name '../../profile'");
    }

    [TestMethod]
    public async Task Lookups_UnsafeModelName_AreRejectedToo()
    {
        await Assert.ThrowsExactlyAsync<RegistryNameException>(() => Fixture.Registry.GetVersionAsync("../x", 1));
        await Assert.ThrowsExactlyAsync<RegistryNameException>(() => Fixture.Registry.SearchAsync(new ModelQuery { ModelName = "a/b" }));
        await Assert.ThrowsExactlyAsync<RegistryNameException>(() => Fixture.Registry.GetAliasHistoryAsync("spam", ".."));
    }
}
