using System.Text.Json.Nodes;
using K8sBot.Core.Commands;
using K8sBot.Core.Localization;

namespace K8sBot.Discord.Interactions;

/// <summary>
/// The <c>/k8s</c> command generated from <see cref="BotCommands.All"/>: one subcommand per
/// command, a group per two-word family, options typed from the argument specs, descriptions in
/// Korean and English. Sent with a bulk overwrite.
/// </summary>
internal static class CommandRegistration
{
    private const int MaxDescription = 100;
    private static readonly LocalizedText Root = new("쿠버네티스 학습 봇", "Learn Kubernetes with the team bot");

    public static JsonArray Build()
    {
        var options = new JsonArray();
        var groups = new Dictionary<string, JsonArray>(StringComparer.Ordinal);
        foreach (var spec in BotCommands.All)
        {
            var sub = Described(new JsonObject { ["type"] = 1, ["name"] = spec.Name }, spec.Summary);
            var args = new JsonArray();
            foreach (var arg in spec.Args.OrderByDescending(a => a.Required))
            {
                args.Add(Option(arg));
            }

            if (args.Count > 0)
            {
                sub["options"] = args;
            }

            if (spec.Group is not { } group)
            {
                options.Add(sub);
                continue;
            }

            if (!groups.TryGetValue(group, out var members))
            {
                members = [];
                groups[group] = members;
                options.Add(Described(new JsonObject { ["type"] = 2, ["name"] = group, ["options"] = members }, BotCommands.GroupSummary(group)));
            }

            members.Add(sub);
        }

        var command = Described(new JsonObject { ["name"] = SlashCommandText.CommandName, ["type"] = 1 }, Root);
        command["options"] = options;
        command["contexts"] = new JsonArray(0, 1);
        command["integration_types"] = new JsonArray(0);
        return [command];
    }

    private static JsonObject Option(ArgSpec arg)
    {
        var option = new JsonObject { ["name"] = arg.Name };
        switch (arg.Kind)
        {
            case ArgKind.Integer:
                option["type"] = 4;
                if (arg.Max > arg.Min)
                {
                    option["min_value"] = arg.Min;
                    option["max_value"] = arg.Max;
                }

                break;
            case ArgKind.Flag:
                option["type"] = 5;
                break;
            case ArgKind.User:
                option["type"] = 6;
                break;
            case ArgKind.Choice:
                option["type"] = 3;
                option["choices"] = new JsonArray([.. arg.Choices.Take(25).Select(c => (JsonNode)new JsonObject { ["name"] = c, ["value"] = c })]);
                break;
            case ArgKind.Language:
                option["type"] = 3;
                option["choices"] = new JsonArray(
                    new JsonObject { ["name"] = "한국어", ["value"] = "ko" },
                    new JsonObject { ["name"] = "English", ["value"] = "en" });
                break;
            default:
                option["type"] = 3;
                if (arg.ConceptName)
                {
                    option["autocomplete"] = true;
                }

                break;
        }

        Described(option, arg.Description);
        if (arg.Required)
        {
            option["required"] = true;
        }

        return option;
    }

    private static JsonObject Described(JsonObject target, LocalizedText text)
    {
        target["description"] = Cut(text.En);
        target["description_localizations"] = new JsonObject
        {
            ["ko"] = Cut(text.Ko),
            ["en-US"] = Cut(text.En),
            ["en-GB"] = Cut(text.En),
        };
        return target;
    }

    private static string Cut(string text) => text.Length <= MaxDescription ? text : text[..(MaxDescription - 1)] + "…";
}
