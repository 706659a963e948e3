using K8sBot.Hosting;

namespace K8sBot.Deploy.Tests.Startup;

public sealed class SlackShardGateTests
{
    [Theory]
    [InlineData("2", null, 2)]
    [InlineData(null, "k8sbot-3", 3)]
    [InlineData("1", "k8sbot-7", 1)]
    [InlineData(null, "laptop", null)]
    [InlineData(null, null, null)]
    public void The_pod_ordinal_comes_from_pod_index_then_the_pod_name(string? podIndex, string? hostName, int? expected)
    {
        Assert.Equal(expected, SlackShardGate.PodOrdinal(podIndex, hostName));
    }

    [Theory]
    [InlineData("0", "xoxb-kept")]
    [InlineData("1", "")]
    [InlineData("2", "")]
    public void Only_the_chosen_pod_keeps_its_Slack_credentials(string podIndex, string expectedToken)
    {
        var configuration = Configuration(new()
        {
            ["Sharding:SlackPodIndex"] = "0",
            ["POD_INDEX"] = podIndex,
            ["Slack:BotToken"] = "xoxb-kept",
            ["Slack:AppToken"] = "xapp-kept",
            ["Discord:Token"] = "discord-kept",
        });

        SlackShardGate.Apply(configuration);

        Assert.Equal(expectedToken, configuration["Slack:BotToken"]);
        Assert.Equal(expectedToken.Length == 0 ? string.Empty : "xapp-kept", configuration["Slack:AppToken"]);
        Assert.Equal("discord-kept", configuration["Discord:Token"]);
    }

    [Fact]
    public void Without_the_setting_every_pod_keeps_Slack()
    {
        var configuration = Configuration(new() { ["POD_INDEX"] = "3", ["Slack:BotToken"] = "xoxb-kept" });

        SlackShardGate.Apply(configuration);

        Assert.Equal("xoxb-kept", configuration["Slack:BotToken"]);
    }

    private static ConfigurationManager Configuration(Dictionary<string, string?> values)
    {
        var manager = new ConfigurationManager();
        manager.AddInMemoryCollection(values);
        return manager;
    }
}
