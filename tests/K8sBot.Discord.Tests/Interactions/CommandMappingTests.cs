using System.Text.Json.Nodes;
using K8sBot.Core.Commands;
using K8sBot.Core.Messaging;
using K8sBot.Discord.Interactions;
using K8sBot.Discord.Tests.Fakes;

namespace K8sBot.Discord.Tests.Interactions;

public sealed class CommandMappingTests
{
    private static JsonObject Data(string path, params (string Name, JsonNode Value, int Type)[] options)
    {
        var interaction = Fakes.Interactions.Slash(
            path.Split(' ')[^1],
            new JsonArray([.. options.Select(o => (JsonNode)Fakes.Interactions.Option(o.Name, o.Value, o.Type))]),
            path.Contains(' ', StringComparison.Ordinal) ? path.Split(' ')[0] : null);
        return interaction["data"]!.AsObject();
    }

    [Fact]
    public void Options_become_a_command_line_in_declared_order()
    {
        var data = Data("match start", ("teams", true, 5), ("seconds", 5, 4), ("count", 3, 4));

        Assert.Equal("match start 3 5 teams", SlashCommandText.From(data));
    }

    [Fact]
    public void A_skipped_number_before_a_given_one_takes_its_default()
    {
        Assert.Equal("match start 10 30", SlashCommandText.From(Data("match start", ("seconds", 30, 4))));
    }

    [Fact]
    public void False_flags_vanish_users_become_mentions_and_words_lose_spaces()
    {
        Assert.Equal("match start 10 20 cluster-architecture", SlashCommandText.From(Data("match start", ("topic", "cluster architecture", 3), ("teams", false, 5))));
        Assert.Equal("score <@53908232506183680>", SlashCommandText.From(Data("score", ("user", "53908232506183680", 6))));
        Assert.Equal("ask what is a   pod?", SlashCommandText.From(Data("ask", ("question", " what is a   pod? ", 3))));
        Assert.Equal("daily status", SlashCommandText.From(Data("daily status")));
    }

    [Fact]
    public void Every_command_round_trips_through_the_core_parser()
    {
        var parser = new CommandLineParser(BotCommands.All);
        foreach (var spec in BotCommands.All)
        {
            var options = spec.Args.Where(a => a.Required).Select(a => (a.Name, (JsonNode)(a.Kind == ArgKind.Language ? "en" : "pod"), 3)).ToArray();
            var text = SlashCommandText.From(Data(spec.Path, options))!;

            var parsed = Assert.IsType<ParseOutcome.Command>(parser.Parse(text));
            Assert.Equal(spec.Path, parsed.Spec.Path);
        }
    }

    [Fact]
    public void Registration_mirrors_the_command_table_within_discord_limits()
    {
        var command = CommandRegistration.Build().Single()!.AsObject();

        Assert.Equal("k8s", command["name"]!.GetValue<string>());
        var subcommands = new List<string>();
        var characters = command["name"]!.GetValue<string>().Length + command["description"]!.GetValue<string>().Length;
        foreach (var top in command["options"]!.AsArray())
        {
            characters += Count(top!.AsObject());
            var members = top["type"]!.GetValue<int>() == 2 ? top["options"]!.AsArray().Select(s => $"{top["name"]} {s!["name"]}") : [top["name"]!.GetValue<string>()];
            subcommands.AddRange(members);
        }

        Assert.Equal(BotCommands.All.Select(c => c.Path).Order(StringComparer.Ordinal), subcommands.Order(StringComparer.Ordinal));
        Assert.True(characters <= 8000, $"{characters} characters");
        var match = command["options"]!.AsArray().Single(o => o!["name"]!.GetValue<string>() == "match")!;
        var start = match["options"]!.AsArray().Single(o => o!["name"]!.GetValue<string>() == "start")!;
        var count = start["options"]!.AsArray().Single(o => o!["name"]!.GetValue<string>() == "count")!;
        Assert.Equal(4, count["type"]!.GetValue<int>());
        Assert.Equal(1, count["min_value"]!.GetValue<int>());
        Assert.Equal(30, count["max_value"]!.GetValue<int>());
        Assert.Equal(5, start["options"]!.AsArray().Single(o => o!["name"]!.GetValue<string>() == "teams")!["type"]!.GetValue<int>());
        Assert.True(start["options"]!.AsArray().Single(o => o!["name"]!.GetValue<string>() == "topic")!["autocomplete"]!.GetValue<bool>());
        Assert.Equal("채널 퀴즈 대결", match["description_localizations"]!["ko"]!.GetValue<string>());
        Assert.Equal("Quiz competitions in a channel", match["description_localizations"]!["en-US"]!.GetValue<string>());
    }

    private static int Count(JsonObject option)
    {
        var total = option["name"]!.GetValue<string>().Length + option["description"]!.GetValue<string>().Length;
        Assert.InRange(option["description"]!.GetValue<string>().Length, 1, 100);
        Assert.Matches("^[-_a-z0-9]{1,32}$", option["name"]!.GetValue<string>());
        var seenOptional = false;
        foreach (var child in option["options"]?.AsArray() ?? [])
        {
            var required = child!["required"]?.GetValue<bool>() ?? false;
            Assert.False(required && seenOptional, "required options come first");
            seenOptional |= !required && child["type"]!.GetValue<int>() > 2;
            Assert.False(child["autocomplete"] is not null && child["choices"] is not null);
            total += Count(child.AsObject());
            foreach (var choice in child["choices"]?.AsArray() ?? [])
            {
                total += choice!["name"]!.GetValue<string>().Length + choice["value"]!.GetValue<string>().Length;
            }
        }

        return total;
    }

    [Fact]
    public void A_thread_interaction_addresses_the_parent_channel_and_the_thread()
    {
        var interaction = Fakes.Interactions.Slash("help");
        interaction["channel_id"] = "900";
        interaction["channel"] = new JsonObject { ["id"] = "900", ["type"] = 11, ["parent_id"] = "645027906669510667" };

        var address = InteractionTranslator.Address(interaction);

        Assert.Equal(new ConversationAddress(Platform.Discord, "290926798626357999", "645027906669510667", "900"), address);
    }

    [Fact]
    public void A_dm_interaction_uses_the_dm_tenant_and_the_top_level_user()
    {
        var interaction = Fakes.Interactions.Slash("help", locale: "ko");
        var user = interaction["member"]!["user"]!.DeepClone();
        interaction.Remove("member");
        interaction.Remove("guild_id");
        interaction["user"] = user;

        var message = InteractionTranslator.Translate(interaction, DateTimeOffset.UnixEpoch)!;

        Assert.Equal("@me", message.Where.TenantId);
        Assert.True(message.IsDirect);
        Assert.Equal("Mason", message.User.DisplayName);
        Assert.Equal("ko", message.User.Locale);
        Assert.False(message.User.IsAdmin);
    }
}
