namespace K8sBot.Core.Tests.Quiz;

/// <summary>A fresh folder for one test's LiteDB file, removed afterwards.</summary>
internal sealed class TempDb : IDisposable
{
    public TempDb()
    {
        Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "k8sbot-quiz-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string Path => System.IO.Path.Combine(Folder, "bot.db");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still closing on a slow runner; the OS temp cleaner gets it.
        }
    }
}
