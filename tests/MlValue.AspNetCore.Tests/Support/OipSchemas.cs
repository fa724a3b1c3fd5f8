using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using YamlDotNet.Serialization;

namespace MlValue.Tests.Support;

/// <summary>
/// The JSON schemas of the Open Inference Protocol, read from the fixture <c>open_inference_rest.yaml</c> (OpenAPI 3.0):
/// each component schema becomes a JSON Schema (2020-12) whose <c>$defs</c> are all the components, so the
/// <c>#/components/schemas/…</c> references (including the recursive <c>tensor_data</c>) resolve. The health and
/// model-ready answers, which the yaml declares without a body, are checked against the objects <c>inference_rest.md</c> defines.
/// </summary>
public static class OipSchemas
{
    private static readonly Lazy<JsonObject> Document = new(Load);

    /// <summary>Schemas are built and evaluated one at a time: the library's shared registries are filled on first use.</summary>
    private static readonly Lock Gate = new();

    public static string FixturePath(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "open-inference-protocol", file);

    /// <summary>The schema of a 200 (or other) response of an OpenAPI path and method, as the yaml declares it.</summary>
    public static string ResponseSchemaName(string path, string method, string status)
    {
        var reference = Document.Value["paths"]![path]![method]!["responses"]![status]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
        return reference[(reference.LastIndexOf('/') + 1)..];
    }

    /// <summary>The schema of the request body of an OpenAPI path and method.</summary>
    public static string RequestSchemaName(string path, string method)
    {
        var reference = Document.Value["paths"]![path]![method]!["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
        return reference[(reference.LastIndexOf('/') + 1)..];
    }

    /// <summary>Fails the test, listing every error, unless <paramref name="instance"/> is valid against the component <paramref name="component"/>.</summary>
    public static void AssertValid(string component, JsonNode instance)
    {
        var definitions = (JsonObject)Document.Value["components"]!["schemas"]!.DeepClone();
        Assert.IsTrue(definitions.ContainsKey(component), $"the yaml has no component schema '{component}'");
        Validate(component, definitions, instance);
    }

    /// <summary>Validates against a schema written from the markdown (for the answers the yaml gives no body).</summary>
    public static void AssertValidMarkdown(string name, JsonNode instance)
    {
        JsonObject schema = name switch
        {
            "live_server_response" => Object(("live", "boolean")),
            "ready_server_response" => Object(("live", "boolean")),
            "ready_model_response" => Object(("name", "string"), ("ready", "boolean")),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a markdown-only object"),
        };
        var definitions = new JsonObject { [name] = schema };
        Validate(name, definitions, instance);
    }

    private static JsonObject Object(params (string Name, string Type)[] properties)
    {
        var props = new JsonObject();
        var required = new JsonArray();
        foreach (var (name, type) in properties)
        {
            props[name] = new JsonObject { ["type"] = type };
            required.Add(name);
        }

        return new JsonObject { ["type"] = "object", ["properties"] = props, ["required"] = required };
    }

    private static void Validate(string component, JsonObject definitions, JsonNode instance)
    {
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = definitions,
            ["$ref"] = "#/$defs/" + component,
        };
        using var document = JsonDocument.Parse(instance.ToJsonString());
        EvaluationResults result;
        lock (Gate)
        {
            var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
            var schema = JsonSchema.FromText(root.ToJsonString(), options, new Uri($"https://mlvalue.test/oip/{component}/{Guid.NewGuid():N}"));
            result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        }

        if (!result.IsValid)
        {
            var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"));
            Assert.Fail($"The answer is not a valid OIP {component}: {string.Join("; ", errors)}\n{instance.ToJsonString()}");
        }
    }

    private static JsonObject Load()
    {
        var yaml = new DeserializerBuilder().Build().Deserialize<object>(File.ReadAllText(FixturePath("open_inference_rest.yaml")));
        return (JsonObject)ToJson(yaml)!;
    }

    /// <summary>YAML to JSON; the OpenAPI extension keys (<c>x-…</c>) are dropped and references point into <c>$defs</c>.</summary>
    private static JsonNode? ToJson(object? value) => value switch
    {
        IDictionary<object, object> map => new JsonObject(map
            .Where(p => !((string)p.Key).StartsWith("x-", StringComparison.Ordinal))
            .Select(p => KeyValuePair.Create((string)p.Key, (string)p.Key == "$ref" && p.Value is string reference
                ? JsonValue.Create(reference.Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal))
                : ToJson(p.Value)))),
        IList<object> list => new JsonArray([.. list.Select(ToJson)]),
        string text => JsonValue.Create(text),
        null => null,
        _ => JsonValue.Create(value.ToString()),
    };
}
