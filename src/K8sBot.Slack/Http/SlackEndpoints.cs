using System.Text;
using System.Text.Json;
using K8sBot.Slack.Http;
using K8sBot.Slack.Inbound;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace K8sBot.Slack;

/// <summary>
/// The HTTP mode (Events API behind an Ingress): every request is signature-checked on its raw
/// bytes, answered at once (Slack waits at most 3 s) and handled afterwards on the work queue.
/// A retry (<c>X-Slack-Retry-Num</c>) of an event already handled is acknowledged and dropped.
/// </summary>
public static partial class SlackEndpoints
{
    private const int MaxBody = 1024 * 1024;

    /// <summary>Maps POST /slack/events, /slack/commands and /slack/interactivity when Slack:SigningSecret is set.</summary>
    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (!options.UsesHttp)
        {
            return app;
        }

        app.MapPost("/slack/events", (Delegate)Events);
        app.MapPost("/slack/commands", (Delegate)Commands);
        app.MapPost("/slack/interactivity", (Delegate)Interactivity);
        return app;
    }

    private static async Task<IResult> Events(HttpContext context)
    {
        var (body, denied) = await ReadVerifiedAsync(context);
        if (denied is not null)
        {
            return denied;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        using (document)
        {
            var root = document.RootElement;
            var type = root.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (type == "url_verification")
            {
                var challenge = root.TryGetProperty("challenge", out var c) ? c.GetString() : null;
                return Results.Json(new Dictionary<string, string?> { ["challenge"] = challenge });
            }

            var services = context.RequestServices;
            if (context.Request.Headers.ContainsKey("X-Slack-Retry-Num")
                && root.TryGetProperty("event_id", out var id)
                && services.GetRequiredService<DeliveryDeduper>().Seen("event:" + id.GetString()))
            {
                return Results.Ok();
            }

            services.GetRequiredService<SlackInbound>().AcceptEventCallback(root.Clone());
            return Results.Ok();
        }
    }

    private static async Task<IResult> Commands(HttpContext context)
    {
        var (body, denied) = await ReadVerifiedAsync(context);
        if (denied is not null)
        {
            return denied;
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        var fields = form.ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal);
        context.RequestServices.GetRequiredService<SlackInbound>().AcceptSlashCommand(fields);

        // An empty 200 shows nothing; the answer follows through response_url.
        return Results.Ok();
    }

    private static async Task<IResult> Interactivity(HttpContext context)
    {
        var (body, denied) = await ReadVerifiedAsync(context);
        if (denied is not null)
        {
            return denied;
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        if (!form.TryGetValue("payload", out var payload))
        {
            return Results.BadRequest();
        }

        try
        {
            using var document = JsonDocument.Parse(payload.ToString());
            context.RequestServices.GetRequiredService<SlackInbound>().AcceptInteractive(document.RootElement.Clone());
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        return Results.Ok();
    }

    private static async Task<(byte[] Body, IResult? Denied)> ReadVerifiedAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength > MaxBody)
        {
            return ([], Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (buffer.Length > MaxBody)
        {
            return ([], Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }

        var body = buffer.ToArray();
        var verifier = context.RequestServices.GetRequiredService<SlackSignatureVerifier>();
        var check = verifier.Verify(request.Headers["X-Slack-Request-Timestamp"], request.Headers["X-Slack-Signature"], body);
        if (check == SignatureCheck.Valid)
        {
            return (body, null);
        }

        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackEndpoints));
        LogRejected(logger, request.Path, check);
        return (body, Results.Unauthorized());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a request to {Path}: signature {Check}")]
    private static partial void LogRejected(ILogger logger, string path, SignatureCheck check);
}
