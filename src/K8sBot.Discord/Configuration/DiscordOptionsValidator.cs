using Microsoft.Extensions.Options;

namespace K8sBot.Discord.Configuration;

/// <summary>Checks that need more than one key (the shard must exist in the shard count).</summary>
internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var id = ShardResolver.Resolve(options.ShardId, Environment.GetEnvironmentVariable);
        if (id is null)
        {
            return ValidateOptionsResult.Fail("Discord:ShardId is 'auto' but neither POD_INDEX nor a HOSTNAME ending in -N is set.");
        }

        return id >= options.ShardCount
            ? ValidateOptionsResult.Fail($"Discord:ShardId {id} must be below Discord:ShardCount {options.ShardCount}.")
            : ValidateOptionsResult.Success;
    }
}
