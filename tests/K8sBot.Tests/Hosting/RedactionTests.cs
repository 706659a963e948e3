using K8sBot.Hosting.Redaction;
using K8sBot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace K8sBot.Tests.Hosting;

public sealed partial class RedactionTests
{
    private const string DiscordToken = "MTA5ODc2NTQzMjEwOTg3NjU0Mw.FAKE01.discord-token-for-tests-only";
    private const string SlackBot = "xoxb-1111-2222-FAKEFAKEFAKE";
    private const string Signing = "8f742231b10e8888abcd99yyyzzz85a5";

    private static (ILogger Logger, CapturingLoggerProvider Capture) Build()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = DiscordToken,
            ["Slack:BotToken"] = SlackBot,
            ["Slack:SigningSecret"] = Signing,
        }).Build();
        var capture = new CapturingLoggerProvider();
        var provider = new RedactingLoggerProvider(capture, new SecretValues(configuration));
        return (provider.CreateLogger("test"), capture);
    }

    [Fact]
    public void Configured_secrets_are_masked_in_messages_values_and_exceptions()
    {
        var (logger, capture) = Build();
        LogCalling(logger, $"https://discord.com/api/v10/gateway?token={DiscordToken}");
        logger.LogError(new HttpRequestException($"401 for Bearer {SlackBot} signed {Signing}"), "Request failed");

        var all = string.Join('\n', capture.Lines);
        Assert.DoesNotContain(DiscordToken, all, StringComparison.Ordinal);
        Assert.DoesNotContain(SlackBot, all, StringComparison.Ordinal);
        Assert.DoesNotContain(Signing, all, StringComparison.Ordinal);
        Assert.Contains("***", all, StringComparison.Ordinal);
        Assert.Contains("Request failed", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_tokens_of_known_shapes_are_masked_too()
    {
        var (logger, capture) = Build();
        logger.LogWarning("POST /webhooks/123456/aW50ZXJhY3Rpb246MTIzNDU2Nzg5OmFiY2RlZmdoaWprbG1ub3A/messages/@original with xapp-1-A111-999-abcdef and Authorization: Bot abc.def.ghi");

        var line = Assert.Single(capture.Lines);
        Assert.DoesNotContain("aW50ZXJhY3Rpb24", line, StringComparison.Ordinal);
        Assert.DoesNotContain("xapp-1-A111", line, StringComparison.Ordinal);
        Assert.DoesNotContain("abc.def.ghi", line, StringComparison.Ordinal);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Calling {Url}")]
    private static partial void LogCalling(ILogger logger, string url);
}
