namespace K8sBot.Discord.Tests.Fakes;

internal sealed record FakeResponse(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static FakeResponse Json(string body) => new(200, body);

    /// <summary>A 429 exactly as a shared composed fixture describes it.</summary>
    public static FakeResponse FromFixture(string name)
    {
        var fixture = Payload.Load(name);
        var headers = fixture["headers"]!.AsObject().ToDictionary(h => h.Key, h => h.Value!.GetValue<string>());
        return new FakeResponse(fixture["status"]!.GetValue<int>(), fixture["body"]!.ToJsonString(), headers);
    }
}
