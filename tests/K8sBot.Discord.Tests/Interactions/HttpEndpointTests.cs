using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using K8sBot.Core.Commands;
using K8sBot.Core.Content;
using K8sBot.Core.Messaging;
using K8sBot.Core.Telemetry;
using K8sBot.Discord.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NSec.Cryptography;

namespace K8sBot.Discord.Tests.Interactions;

public sealed class HttpEndpointTests
{
    private static readonly JsonObject Vector = Payload.Load("http-interaction-ping-signed.json");

    private static async Task<(WebApplication App, HttpClient Client)> StartAsync(string publicKeyHex, FakeDiscord fake, IChatCore core)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration["Discord:PublicKey"] = publicKeyHex;
        builder.Configuration["Discord:ApiBaseUrl"] = fake.ApiBase;
        builder.Configuration["Discord:ApplicationId"] = "290926444748734465";
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<BotMetrics>();
        builder.Services.AddSingleton<AdapterStatusBoard>();
        builder.Services.AddSingleton(core);
        builder.Services.AddSingleton(FixtureCatalog.Create());
        builder.Services.AddSingleton<ConceptLookup>();
        builder.Services.AddDiscordAdapter(builder.Configuration);
        var app = builder.Build();
        app.MapDiscordInteractions();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new HttpClient { BaseAddress = new Uri(address) });
    }

    private static HttpRequestMessage Signed(string body, string timestamp, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Ed25519", signature);
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return request;
    }

    [Fact]
    public async Task The_shared_vector_ping_gets_pong_and_both_tampered_variants_get_401()
    {
        await using var fake = await FakeDiscord.StartAsync();
        var (app, client) = await StartAsync(Vector["public_key_hex"]!.GetValue<string>(), fake, new FakeCore());
        await using var _ = app;
        using var __ = client;
        var body = Vector["raw_body"]!.GetValue<string>();
        var timestamp = Vector["headers"]!["X-Signature-Timestamp"]!.GetValue<string>();
        var signature = Vector["headers"]!["X-Signature-Ed25519"]!.GetValue<string>();

        using var valid = await client.SendAsync(Signed(body, timestamp, signature));
        using var alteredBody = await client.SendAsync(Signed(Vector["negative_cases"]![0]!["raw_body"]!.GetValue<string>(), timestamp, signature));
        using var alteredTime = await client.SendAsync(Signed(body, Vector["negative_cases"]![1]!["X-Signature-Timestamp"]!.GetValue<string>(), signature));
        using var missing = await client.PostAsync("/discord/interactions", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal("{\"type\":1}", await valid.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, alteredBody.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, alteredTime.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
    }

    [Fact]
    public async Task A_command_signed_with_a_fresh_key_pair_is_routed_like_a_gateway_interaction()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var publicHex = Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        await using var fake = await FakeDiscord.StartAsync();
        var core = new FakeCore();
        var (app, client) = await StartAsync(publicHex, fake, core);
        await using var _ = app;
        using var __ = client;
        var body = Fakes.Interactions.Slash("help").ToJsonString();
        const string timestamp = "1764230400";
        var signature = Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(timestamp + body)));

        using var response = await client.SendAsync(Signed(body, timestamp, signature));
        using var forged = await client.SendAsync(Signed(body, timestamp, new string('0', 128)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal("help", (await core.NextAsync()).Text);
        var callback = await fake.NextRequestAsync();
        Assert.Equal("/interactions/786008729715212338/A_UNIQUE_TOKEN/callback", callback.Path);
        Assert.Equal(4, callback.Json["type"]!.GetValue<int>());
        Assert.Equal(string.Empty, callback.Authorization);
    }

    [Fact]
    public async Task Without_a_public_key_there_is_no_endpoint_but_the_reply_limits_are_registered()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddDiscordAdapter(builder.Configuration);
        await using var app = builder.Build();
        app.MapDiscordInteractions();
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

        using var response = await client.PostAsync("/discord/interactions", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(app.Services.GetServices<IReplyLimits>(), l => l.Platform == "discord");
        Assert.Empty(app.Services.GetServices<IPlatformPublisher>());
    }
}
