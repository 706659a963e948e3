using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace K8sBot.Discord.Interactions;

/// <summary>
/// <c>POST /discord/interactions</c>: rejects a bad or missing signature with 401, answers PING
/// with PONG, and hands everything else to the same handler the gateway uses, which answers
/// through the callback endpoint (so the HTTP request itself gets 202).
/// </summary>
internal static class InteractionsEndpoint
{
    private const int MaxBody = 1024 * 1024;

    public static async Task<IResult> HandleAsync(HttpContext context, SignatureVerifier verifier)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(verifier);
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (buffer.Length > MaxBody)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var raw = buffer.ToArray();
        var headers = context.Request.Headers;
        if (!verifier.Verify(headers["X-Signature-Ed25519"], headers["X-Signature-Timestamp"], raw))
        {
            return Results.Text("invalid request signature", statusCode: StatusCodes.Status401Unauthorized);
        }

        JsonObject? interaction;
        try
        {
            interaction = JsonNode.Parse(raw) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            interaction = null;
        }

        if (interaction is null)
        {
            return Results.BadRequest();
        }

        if (interaction["type"]?.GetValue<int>() == InteractionTypes.Ping)
        {
            return Results.Json(new JsonObject { ["type"] = CallbackTypes.Pong });
        }

        var handler = context.RequestServices.GetRequiredService<InteractionHandler>();
        var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        _ = Task.Run(() => handler.HandleAsync(interaction, stopping), stopping);
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }
}
