using K8sBot.Core.Messaging;
using K8sBot.Discord.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace K8sBot.Discord.Tests;

public sealed class DiscordSetupTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddDiscordAdapter(configuration).BuildServiceProvider();
    }

    [Theory]
    [InlineData("Discord:ShardId", "2", "below Discord:ShardCount")]
    [InlineData("Discord:ShardId", "first", "ShardId")]
    [InlineData("Discord:ShardCount", "0", "ShardCount")]
    [InlineData("Discord:PublicKey", "not-hex", "PublicKey")]
    [InlineData("Discord:ApiBaseUrl", "nowhere", "ApiBaseUrl")]
    public void Bad_settings_fail_validation_with_the_key_named(string key, string value, string expected)
    {
        using var services = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DiscordOptions>>().Value);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_token_only_the_reply_limits_are_registered()
    {
        using var services = Build([]);

        Assert.Single(services.GetServices<IReplyLimits>());
        Assert.Empty(services.GetServices<IHostedService>());
        Assert.Empty(services.GetServices<ITenantFilter>());
        Assert.Equal(1, services.GetRequiredService<IOptions<DiscordOptions>>().Value.ShardCount);
    }
}
