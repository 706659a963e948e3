using System.ComponentModel.DataAnnotations;

namespace K8sBot.Core.Content;

/// <summary>Bound from <c>Content</c>.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The content folder; relative paths are tried from the working directory, then next to the binary.</summary>
    [Required]
    public string Path { get; set; } = "content";

    public string ResolvePath()
    {
        if (System.IO.Path.IsPathRooted(Path) || Directory.Exists(Path))
        {
            return System.IO.Path.GetFullPath(Path);
        }

        return System.IO.Path.Combine(AppContext.BaseDirectory, Path);
    }
}
