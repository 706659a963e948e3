using K8sBot.Core.Commands;

namespace K8sBot.Core.Tests.Commands;

public sealed class CommandLineParserTests
{
    private readonly CommandLineParser _parser = new(BotCommands.All);

    [Theory]
    [InlineData("ask what is a pod", "ask")]
    [InlineData("/k8s ask 파드가 뭐야?", "ask")]
    [InlineData("card pod", "card")]
    [InlineData("concepts", "concepts")]
    [InlineData("concepts workloads", "concepts")]
    [InlineData("quiz", "quiz")]
    [InlineData("quiz deployment", "quiz")]
    [InlineData("review", "review")]
    [InlineData("match start", "match start")]
    [InlineData("match start 3 5 pod teams", "match start")]
    [InlineData("match stop", "match stop")]
    [InlineData("team join Blue Whales", "team join")]
    [InlineData("team leave", "team leave")]
    [InlineData("team list", "team list")]
    [InlineData("score", "score")]
    [InlineData("score <@123>", "score")]
    [InlineData("leaderboard", "leaderboard")]
    [InlineData("leaderboard all teams", "leaderboard")]
    [InlineData("daily on", "daily on")]
    [InlineData("daily on 08:30 America/New_York en weekdays", "daily on")]
    [InlineData("daily off", "daily off")]
    [InlineData("daily status", "daily status")]
    [InlineData("daily now", "daily now")]
    [InlineData("lang en", "lang")]
    [InlineData("help", "help")]
    [InlineData("help match start", "help")]
    [InlineData("MATCH START", "match start")]
    public void Every_command_parses_to_its_spec(string line, string path)
    {
        var outcome = Assert.IsType<ParseOutcome.Command>(_parser.Parse(line));
        Assert.Equal(path, outcome.Spec.Path);
    }

    [Fact]
    public void Arguments_are_matched_by_shape_not_only_position()
    {
        var start = Assert.IsType<ParseOutcome.Command>(_parser.Parse("match start teams 7"));
        Assert.Equal(7, start.Args.Int("count", 10));
        Assert.True(start.Args.Has("teams"));
        Assert.False(start.Args.Has("topic"));

        var daily = Assert.IsType<ParseOutcome.Command>(_parser.Parse("daily on en"));
        Assert.Equal("en", daily.Args.Text("language"));
        Assert.False(daily.Args.Has("time"));
    }

    [Fact]
    public void Two_numbers_fill_count_then_seconds()
    {
        var outcome = Assert.IsType<ParseOutcome.Command>(_parser.Parse("match start 3 5"));
        Assert.Equal(3, outcome.Args.Int("count", 0));
        Assert.Equal(5, outcome.Args.Int("seconds", 0));
    }

    [Fact]
    public void Text_argument_keeps_the_rest_of_the_line()
    {
        var outcome = Assert.IsType<ParseOutcome.Command>(_parser.Parse("team join   Blue   Whales  "));
        Assert.Equal("Blue   Whales", outcome.Args.Text("name"));
    }

    [Theory]
    [InlineData("match start 100", "count", "1", "30")]
    [InlineData("match start 10 2", "seconds", "5", "120")]
    [InlineData("match start 0", "count", "1", "30")]
    public void Out_of_range_numbers_name_the_argument_and_range(string line, string arg, string min, string max)
    {
        var bad = Assert.IsType<ParseOutcome.BadArguments>(_parser.Parse(line));
        Assert.Contains(arg, bad.Problem.En, StringComparison.Ordinal);
        Assert.Contains($"{min} to {max}", bad.Problem.En, StringComparison.Ordinal);
        Assert.Contains($"{min}부터 {max}", bad.Problem.Ko, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_time_gets_a_clear_error()
    {
        var bad = Assert.IsType<ParseOutcome.BadArguments>(_parser.Parse("daily on 25:00"));
        Assert.Contains("25:00", bad.Problem.En, StringComparison.Ordinal);
        Assert.Contains("09:00", bad.Problem.En, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_time_zone_gets_an_example()
    {
        var bad = Assert.IsType<ParseOutcome.BadArguments>(_parser.Parse("daily on 09:00 Mars/Olympus"));
        Assert.Contains("Asia/Seoul", bad.Problem.Ko, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_argument_is_reported()
    {
        var bad = Assert.IsType<ParseOutcome.BadArguments>(_parser.Parse("card"));
        Assert.Contains("concept", bad.Problem.En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_no_argument_takes_is_reported()
    {
        var bad = Assert.IsType<ParseOutcome.BadArguments>(_parser.Parse("lang fr"));
        Assert.Contains("fr", bad.Problem.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("match")]
    [InlineData("team")]
    [InlineData("daily")]
    [InlineData("match begin")]
    public void A_group_without_a_valid_subcommand_lists_its_commands(string line)
    {
        var group = Assert.IsType<ParseOutcome.IncompleteGroup>(_parser.Parse(line));
        Assert.NotEmpty(group.Commands);
        Assert.All(group.Commands, c => Assert.Equal(line.Split(' ')[0], c.Group));
    }

    [Theory]
    [InlineData("hlep", "help")]
    [InlineData("revew", "review")]
    [InlineData("/k8s leaderbord", "leaderboard")]
    public void A_mistyped_command_suggests_the_right_one(string line, string suggestion)
    {
        var unknown = Assert.IsType<ParseOutcome.UnknownCommand>(_parser.Parse(line));
        Assert.Equal(suggestion, unknown.Suggestion?.Path.Split(' ')[0]);
    }

    [Theory]
    [InlineData("데몬셋이 뭐야?")]
    [InlineData("what is a daemonset")]
    [InlineData("Deployment vs ReplicaSet?")]
    public void Free_text_is_a_question(string line)
    {
        var free = Assert.IsType<ParseOutcome.FreeText>(_parser.Parse(line));
        Assert.Equal(line, free.Text);
    }

    [Fact]
    public void User_text_in_errors_is_escaped()
    {
        var bad = Assert.IsType<ParseOutcome.BadArguments>(_parser.Parse("lang @everyone"));
        Assert.DoesNotContain("@everyone", bad.Problem.En, StringComparison.Ordinal);
    }
}
