using K8sBot.Core.Messaging;
using K8sBot.Slack.Publishing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace K8sBot.Slack.Tests;

public sealed class SetupTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<AdapterStatusBoard>();
        services.AddSlackAdapter(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Reply_limits_are_registered_even_without_a_token()
    {
        using var provider = Build([]);

        Assert.Contains(provider.GetServices<IReplyLimits>(), l => l.Platform == "slack");
        Assert.Empty(provider.GetServices<IPlatformPublisher>());
        Assert.NotNull(provider.GetRequiredService<IOptions<SlackOptions>>().Value);
    }

    [Theory]
    [InlineData("xoxp-user-token", "xapp-1", null, "xoxb-")]
    [InlineData("xoxb-1", "xoxb-wrong", null, "xapp-")]
    [InlineData(null, "xapp-1", null, "BotToken is required")]
    [InlineData(null, null, "secret", "BotToken is required")]
    public void Misconfigured_tokens_fail_at_start_with_a_clear_message(string? bot, string? app, string? secret, string expected)
    {
        using var provider = Build(new() { ["Slack:BotToken"] = bot, ["Slack:AppToken"] = app, ["Slack:SigningSecret"] = secret });

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SlackOptions>>().Value);

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("xoxp-user-token", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, null, 0)]
    [InlineData("2", null, null, 2)]
    [InlineData("auto", null, "k8sbot-3", 3)]
    [InlineData("auto", "1", "k8sbot-3", 1)]
    [InlineData("auto", null, "laptop", 0)]
    public void Slack_tenants_belong_to_shard_zero_only(string? shardId, string? podIndex, string? hostname, int expectedShard)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:ShardId"] = shardId,
            ["POD_INDEX"] = podIndex,
            ["HOSTNAME"] = hostname,
        }).Build();

        var filter = new SlackTenantFilter(configuration);

        Assert.Equal(expectedShard, SlackTenantFilter.ResolveShard(configuration));
        Assert.Equal(expectedShard == 0, filter.Owns("T111"));
        Assert.Equal(Platform.Slack, filter.Platform);
    }
}
