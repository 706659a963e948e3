namespace K8sBot.ConsoleChat;

/// <summary>
/// Keys of tracked posts already shown in the terminal, one per line in a file next to the
/// database. A key is written (and flushed to disk) before its card is printed, so a crash between
/// printing and recording can never print the card again: at most once, the console's best.
/// </summary>
internal sealed class DeliveredJournal(string path)
{
    /// <summary>Past this size the journal keeps only its newest <see cref="KeepLines"/> keys (a few years of daily posts).</summary>
    internal const long MaxBytes = 64 * 1024;

    internal const int KeepLines = 1_000;

    private readonly Lock _gate = new();

    public string Path => path;

    public bool Contains(string key)
    {
        lock (_gate)
        {
            return File.Exists(path) && File.ReadLines(path).Any(line => string.Equals(line, key, StringComparison.Ordinal));
        }
    }

    public void Add(string key)
    {
        lock (_gate)
        {
            using (var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 4096, FileOptions.WriteThrough))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(key);
                writer.Write('\n');
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            if (new FileInfo(path).Length > MaxBytes)
            {
                var keep = File.ReadLines(path).TakeLast(KeepLines).ToList();
                var temp = path + ".tmp";
                File.WriteAllLines(temp, keep);
                File.Move(temp, path, overwrite: true);
            }
        }
    }
}
