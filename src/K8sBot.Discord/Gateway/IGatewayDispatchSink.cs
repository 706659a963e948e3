using System.Text.Json.Nodes;

namespace K8sBot.Discord.Gateway;

/// <summary>Receives dispatches; must return at once (the receive loop never waits for handlers).</summary>
internal interface IGatewayDispatchSink
{
    void OnDispatch(string type, JsonObject data);
}
