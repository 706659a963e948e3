using K8sBot.Core.Content;
using K8sBot.Core.Messaging;
using K8sBot.Core.Storage;

namespace K8sBot.Hosting;

/// <summary>
/// <c>/healthz</c> is process health only (a Discord outage must not restart the pod and burn the
/// identify budget); <c>/readyz</c> checks content, database and every configured adapter.
/// </summary>
internal static class HealthEndpoints
{
    public static void MapHealth(this WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        app.MapGet("/readyz", (IServiceProvider services) =>
        {
            var problems = new List<string>();
            var catalog = services.GetRequiredService<ContentCatalog>();
            if (catalog.Concepts.Count == 0)
            {
                problems.Add("content: no concepts loaded");
            }

            try
            {
                _ = services.GetRequiredService<BotDatabase>().SchemaVersion;
            }
            catch (Exception ex) when (ex is ObjectDisposedException or LiteDB.LiteException)
            {
                problems.Add("database: not open");
            }

            var board = services.GetRequiredService<AdapterStatusBoard>();
            foreach (var status in board.All.Where(s => s.State != AdapterState.Connected))
            {
                problems.Add($"{status.Adapter}: {status.State.ToString().ToLowerInvariant()}{(status.Reason is null ? string.Empty : " (" + status.Reason + ")")}");
            }

            var adapters = string.Join(", ", board.All.Select(s => $"{s.Adapter}={s.State.ToString().ToLowerInvariant()}"));
            return problems.Count == 0
                ? Results.Text($"ready ({(adapters.Length == 0 ? "no adapters configured" : adapters)})\n")
                : Results.Text("not ready\n" + string.Join('\n', problems) + "\n", statusCode: StatusCodes.Status503ServiceUnavailable);
        });
    }
}
