using K8sBot.Tests.Support;

namespace K8sBot.Tests.ConsoleChat;

/// <summary>The console chat end to end: the real binary, piped stdin, a real database file.</summary>
public sealed class ConsoleChatProcessTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private Task<(int ExitCode, string Stdout, string Stderr)> Chat(string input, string extra = "") =>
        BotProcess.RunAsync($"chat --db \"{_temp.File("bot.db")}\" {extra}", input);

    [Fact]
    public async Task A_korean_question_prints_the_korean_pod_card_and_an_english_one_the_english_card()
    {
        var (exit, stdout, stderr) = await Chat("ask 파드가 뭐야?\nask what is a pod\n");

        Assert.Equal(0, exit);
        Assert.Contains("## 파드 (Pod)", stdout, StringComparison.Ordinal);
        Assert.Contains("## Pod", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stdout + stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_arguments_get_usage_not_an_exception()
    {
        var (exit, stdout, stderr) = await Chat("match start 500\nhelp match\n");

        Assert.Equal(0, exit);
        Assert.Contains("/k8s match start [count=10] [seconds=20] [topic] [teams]", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Buttons_are_numbered_and_typing_the_number_presses_them()
    {
        var (exit, stdout, _) = await Chat("card deployment\nask 디플로이먼트\n2\n");

        Assert.Equal(0, exit);
        Assert.Contains("[2] 자세히", stdout, StringComparison.Ordinal);
        Assert.Contains("private", stdout, StringComparison.Ordinal);
        Assert.Contains("kind: Deployment", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_choice_persists_across_runs()
    {
        await Chat("lang en\n");
        var (_, stdout, _) = await Chat("card pod\n");
        Assert.Contains("## Pod", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("## 파드", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Switching_speakers_with_as_keeps_each_persons_settings()
    {
        var (_, stdout, _) = await Chat("/as Alice\nlang en\n/as Bob\ncard pod\n/as Alice\ncard pod\n");
        var bob = stdout.IndexOf("## 파드 (Pod)", StringComparison.Ordinal);
        var alice = stdout.LastIndexOf("## Pod", StringComparison.Ordinal);
        Assert.True(bob > 0 && alice > bob, stdout);
    }

    [Fact]
    public async Task A_locked_database_fails_with_one_clear_line_and_a_non_zero_exit()
    {
        using var holder = new FileStream(_temp.File("bot.db.lock"), FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        var (exit, stdout, stderr) = await Chat("card pod\n");

        Assert.Equal(2, exit);
        Assert.StartsWith("k8sbot: Cannot open the database", stderr.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stdout.Trim());
    }

    public void Dispose() => _temp.Dispose();
}
