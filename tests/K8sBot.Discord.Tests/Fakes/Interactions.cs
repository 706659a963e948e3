using System.Text.Json.Nodes;

namespace K8sBot.Discord.Tests.Fakes;

/// <summary>Interaction payloads built from the shared docs examples, with only the command data changed.</summary>
internal static class Interactions
{
    public static JsonObject Slash(string subcommand, JsonArray? options = null, string? group = null, string locale = "en-US")
    {
        var d = Payload.Load("gateway-dispatch-interaction-create-slash.json")["d"]!.DeepClone().AsObject();
        var sub = new JsonObject { ["type"] = 1, ["name"] = subcommand, ["options"] = options ?? [] };
        var top = group is null ? sub : new JsonObject { ["type"] = 2, ["name"] = group, ["options"] = new JsonArray(sub) };
        d["data"] = new JsonObject { ["type"] = 1, ["name"] = "k8s", ["id"] = "771825006014889984", ["options"] = new JsonArray(top) };
        d["locale"] = locale;
        return d;
    }

    public static JsonObject Option(string name, JsonNode value, int type = 3) => new() { ["type"] = type, ["name"] = name, ["value"] = value };

    public static JsonObject Button(string customId)
    {
        var d = Payload.Load("gateway-dispatch-interaction-create-button.json")["d"]!.DeepClone().AsObject();
        d["data"]!["custom_id"] = customId;
        return d;
    }

    public static JsonObject Autocomplete(string typed, string locale)
    {
        var d = Payload.Load("interaction-autocomplete-partial.json");
        d["id"] = "816437322781949999";
        d["token"] = "AUTOCOMPLETE_TOKEN";
        d["locale"] = locale;
        d["channel_id"] = "645027906669510667";
        d["data"]!["name"] = "k8s";
        d["data"]!["options"] = new JsonArray(new JsonObject
        {
            ["type"] = 1,
            ["name"] = "card",
            ["options"] = new JsonArray(new JsonObject { ["type"] = 3, ["name"] = "concept", ["value"] = typed, ["focused"] = true }),
        });
        return d;
    }
}
