using System.Collections;
using System.Globalization;
using System.Reflection;
using K8sBot.Hosting;
using Microsoft.Extensions.Options;

namespace K8sBot.Deploy.Tests.Policies;

/// <summary>
/// Every key the manifests set (ConfigMap literals of every overlay and every key of
/// secret.env.example) must change an option the real host binds; a typo such as
/// <c>Discord__Tokn</c> would otherwise be silently ignored in production.
/// </summary>
public sealed class ConfigurationKeyTests
{
    private static readonly Lazy<string> Baseline = new(() => Fingerprint(null, null));

    public static TheoryData<string, string> Keys
    {
        get
        {
            var data = new TheoryData<string, string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (key, value) in ManifestKeys())
            {
                if (seen.Add(key))
                {
                    data.Add(key, value);
                }
            }

            return data;
        }
    }

    [Fact]
    public void The_manifests_set_the_storage_and_every_platform_credential()
    {
        var keys = ManifestKeys().Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "Storage__Path", "Discord__Token", "Discord__ApplicationId", "Discord__PublicKey",
                "Slack__BotToken", "Slack__AppToken", "Slack__SigningSecret",
            },
            keys);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_manifest_key_is_an_option_the_app_binds(string key, string value)
    {
        var baseline = Baseline.Value;
        var candidates = new[] { value, "1", "true", "x" }.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal);
        var bound = candidates.Any(candidate =>
        {
            try
            {
                return Fingerprint(key, candidate) != baseline;
            }
            catch (InvalidOperationException)
            {
                // The binder tried and failed to convert the value: the key is bound, the sample just
                // had the wrong type (a number key given "x").
                return true;
            }
        });
        Assert.True(bound, $"{key} is not bound by any options class of the host (misspelt, or the feature is missing)");
    }

    [Fact]
    public void A_misspelt_key_is_caught()
    {
        Assert.Equal(Baseline.Value, Fingerprint(null, null));
        Assert.Equal(Baseline.Value, Fingerprint("Discord__Tokn", "x"));
        Assert.Equal(Baseline.Value, Fingerprint("Storage__Pth", "/data/x.db"));
    }

    private static IEnumerable<KeyValuePair<string, string>> ManifestKeys()
    {
        foreach (var pair in EnvFile.Read(Path.Combine(Repo.Deploy, "base", "config.env")))
        {
            yield return pair;
        }

        foreach (var pair in EnvFile.Read(Path.Combine(Repo.Deploy, "base", "secret.env.example")))
        {
            yield return pair;
        }

        // configMapGenerator literals in overlays ("- Key=Value" lines).
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Deploy, "overlays"), "kustomization.yaml", SearchOption.AllDirectories))
        {
            foreach (var line in File.ReadLines(file).Select(l => l.Trim()))
            {
                if (line.StartsWith("- ", StringComparison.Ordinal) && line.Contains("__", StringComparison.Ordinal) && line.Contains('=', StringComparison.Ordinal))
                {
                    var eq = line.IndexOf('=', StringComparison.Ordinal);
                    yield return new(line[2..eq].Trim(), line[(eq + 1)..].Trim());
                }
            }
        }
    }

    /// <summary>The scalar state of every options object the host configures, with one extra setting.</summary>
    private static string Fingerprint(string? envKey, string? value)
    {
        // The same (never created) folder every time, so only the key under test differs.
        var overrides = AppUnderTest.Overrides(Path.Combine(Path.GetTempPath(), "k8sbot-keys-unused"));
        if (envKey is not null)
        {
            overrides[envKey.Replace("__", ":", StringComparison.Ordinal)] = value;
        }

        var builder = RunHost.CreateBuilder([], overrides);
        var optionTypes = builder.Services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IConfigureOptions<>))
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .Distinct()
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();
        using var services = builder.Services.BuildServiceProvider();
        var lines = new List<string>();
        foreach (var type in optionTypes.Where(t => t.GetConstructor(Type.EmptyTypes) is not null))
        {
            lines.Add(type.FullName + ": " + Describe(Configure(type, services), depth: 0));
        }

        return string.Join('\n', lines);
    }

    private static object Configure(Type type, IServiceProvider services)
    {
        var options = Activator.CreateInstance(type)!;
        var configureType = typeof(IConfigureOptions<>).MakeGenericType(type);
        foreach (var configure in (IEnumerable)services.GetService(typeof(IEnumerable<>).MakeGenericType(configureType))!)
        {
            try
            {
                configureType.GetMethod(nameof(IConfigureOptions<object>.Configure))!.Invoke(configure, [options]);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is InvalidOperationException inner)
            {
                throw inner;
            }
        }

        return options;
    }

    private static string Describe(object? value, int depth)
    {
        switch (value)
        {
            case null:
                return "null";
            case string s:
                return "\"" + s + "\"";
            case IFormattable f when value.GetType().IsPrimitive || value is Enum or decimal or TimeSpan or DateTimeOffset or DateTime:
                return f.ToString(null, CultureInfo.InvariantCulture);
            case bool b:
                return b ? "true" : "false";
            case Delegate or Type or IServiceProvider:
                return value.GetType().Name;
            case IEnumerable items when depth < 3:
                return "[" + string.Join(",", items.Cast<object?>().Take(50).Select(i => Describe(i, depth + 1))) + "]";
            default:
                if (depth >= 3)
                {
                    return value.GetType().Name;
                }

                var parts = value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead)
                    .OrderBy(p => p.Name, StringComparer.Ordinal)
                    .Select(p => p.Name + "=" + SafeGet(p, value, depth));
                return "{" + string.Join(";", parts) + "}";
        }
    }

    private static string SafeGet(PropertyInfo property, object owner, int depth)
    {
        try
        {
            return Describe(property.GetValue(owner), depth + 1);
        }
        catch (TargetInvocationException)
        {
            return "?";
        }
    }
}
