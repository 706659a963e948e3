using System.ComponentModel.DataAnnotations;

namespace K8sBot.Core.Storage;

/// <summary>Bound from <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The LiteDB file; its folder is created on start.</summary>
    [Required]
    public string Path { get; set; } = "data/k8sbot.db";
}
