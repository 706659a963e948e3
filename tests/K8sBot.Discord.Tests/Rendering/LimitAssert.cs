using System.Text.Json.Nodes;

namespace K8sBot.Discord.Tests.Rendering;

/// <summary>Discord's documented message limits, checked on a rendered body.</summary>
internal static class LimitAssert
{
    public static void WithinLimits(JsonObject body)
    {
        Assert.True(((string?)body["content"])?.Length is null or <= 2000);
        Assert.Equal("{\"parse\":[]}", body["allowed_mentions"]!.ToJsonString());
        var total = 0;
        foreach (var embed in body["embeds"]?.AsArray() ?? [])
        {
            var title = (string?)embed!["title"] ?? string.Empty;
            var description = (string?)embed["description"] ?? string.Empty;
            Assert.True(title.Length <= 256, $"title {title.Length}");
            Assert.True(description.Length <= 4096, $"description {description.Length}");
            var fields = embed["fields"]?.AsArray() ?? [];
            Assert.True(fields.Count <= 25, $"fields {fields.Count}");
            total += title.Length + description.Length;
            foreach (var field in fields)
            {
                var name = field!["name"]!.GetValue<string>();
                var value = field["value"]!.GetValue<string>();
                Assert.True(name.Length <= 256);
                Assert.True(value.Length <= 1024, $"field value {value.Length}");
                total += name.Length + value.Length;
            }
        }

        Assert.True(total <= 6000, $"embed total {total}");
        var rows = body["components"]?.AsArray() ?? [];
        Assert.True(rows.Count <= 5, $"rows {rows.Count}");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var buttons = row!["components"]!.AsArray();
            Assert.InRange(buttons.Count, 1, 5);
            foreach (var button in buttons)
            {
                Assert.True(button!["label"]!.GetValue<string>().Length <= 80);
                if (button["custom_id"] is { } id)
                {
                    Assert.InRange(id.GetValue<string>().Length, 1, 100);
                    Assert.True(ids.Add(id.GetValue<string>()), "custom_id must be unique");
                }
            }
        }
    }
}
