using K8sBot.Core.Localization;

namespace K8sBot.Core.Commands;

/// <summary>
/// The command set, declared once: the parser, <c>help</c>, and every adapter's registration
/// (Discord's <c>/k8s</c> subcommands and groups, Slack's <c>/k8s</c> text) come from this table.
/// Handlers point at these specs.
/// </summary>
public static class BotCommands
{
    private static readonly ArgSpec ConceptArg = new("concept", ArgKind.Word, new("개념 이름 (예: pod, 디플로이먼트)", "concept name (e.g. pod, deployment)")) { Required = true, ConceptName = true };

    public static readonly CommandSpec Ask = new(
        "ask",
        [new ArgSpec("question", ArgKind.Text, new("질문", "your question")) { Required = true }],
        new("쿠버네티스 질문에 개념 카드로 답합니다", "Answer a Kubernetes question with a concept card"))
    {
        Details = new(
            "명령 없이 그냥 질문해도 됩니다. 예: `데몬셋이 뭐야?`, `Deployment vs ReplicaSet`, `매일 새벽에 백업 돌리려면?`",
            "You can also just type the question. Examples: `what is a daemonset?`, `Deployment vs ReplicaSet`, `run a backup every night`"),
    };

    public static readonly CommandSpec Card = new("card", [ConceptArg], new("개념 카드 전체를 보여 줍니다", "Show a full concept card"));

    public static readonly CommandSpec Concepts = new(
        "concepts",
        [new ArgSpec("category", ArgKind.Word, new("분류 (예: workloads, 네트워킹)", "category (e.g. workloads, networking)"))],
        new("배울 수 있는 개념 목록", "List the concepts I can teach"));

    public static readonly CommandSpec Quiz = new(
        "quiz",
        [new ArgSpec("topic", ArgKind.Word, new("개념 또는 분류 (생략하면 추천)", "concept or category (omit for a pick)")) { ConceptName = true }],
        new("나만 보는 퀴즈 한 문제", "A private quiz question"));

    public static readonly CommandSpec Review = new("review", [], new("복습할 때가 된 개념을 퀴즈로 풉니다", "Review the concepts that are due"));

    public static readonly CommandSpec MatchStart = new(
        "match start",
        [
            new ArgSpec("count", ArgKind.Integer, new("문제 수 (1-30)", "number of questions (1-30)")) { Min = 1, Max = 30, Default = "10" },
            new ArgSpec("seconds", ArgKind.Integer, new("문제당 제한 시간(초, 5-120)", "seconds per question (5-120)")) { Min = 5, Max = 120, Default = "20" },
            new ArgSpec("topic", ArgKind.Word, new("개념 또는 분류", "concept or category")) { ConceptName = true },
            new ArgSpec("teams", ArgKind.Flag, new("팀 대항전으로 진행", "play as teams")) { Aliases = ["팀", "team"] },
        ],
        new("채널에서 퀴즈 대결을 시작합니다", "Start a quiz competition in this channel"))
    {
        Details = new("예: `/k8s match start 5 20 workloads teams`", "Example: `/k8s match start 5 20 workloads teams`"),
    };

    public static readonly CommandSpec MatchStop = new("match stop", [], new("진행 중인 대결을 끝냅니다 (시작한 사람 또는 관리자)", "End the running competition (starter or admin)"));

    public static readonly CommandSpec TeamJoin = new(
        "team join",
        [new ArgSpec("name", ArgKind.Text, new("팀 이름", "team name")) { Required = true }],
        new("팀에 들어갑니다 (한 사람은 한 팀)", "Join a team (one team per person)"));

    public static readonly CommandSpec TeamLeave = new("team leave", [], new("팀에서 나갑니다", "Leave your team"));

    public static readonly CommandSpec TeamList = new("team list", [], new("팀과 팀원 목록", "List teams and members"));

    public static readonly CommandSpec Score = new(
        "score",
        [new ArgSpec("user", ArgKind.User, new("사람 (생략하면 나)", "person (omit for yourself)"))],
        new("점수, 연속 학습일, 숙련도", "Points, streaks and mastery"));

    public static readonly CommandSpec Leaderboard = new(
        "leaderboard",
        [
            new ArgSpec("period", ArgKind.Choice, new("기간", "period")) { Choices = ["week", "all"], Default = "week" },
            new ArgSpec("scope", ArgKind.Choice, new("사람 또는 팀", "people or teams")) { Choices = ["people", "teams"], Default = "people" },
        ],
        new("순위표 (이번 주 / 전체, 사람 / 팀)", "Leaderboard (week / all time, people / teams)"));

    public static readonly CommandSpec DailyOn = new(
        "daily on",
        [
            new ArgSpec("time", ArgKind.Time, new("게시 시각 HH:mm", "post time HH:mm")) { Default = "09:00" },
            new ArgSpec("timezone", ArgKind.TimeZone, new("IANA 시간대", "IANA time zone")) { Default = "Asia/Seoul" },
            new ArgSpec("language", ArgKind.Language, new("카드 언어 ko|en", "card language ko|en")),
            new ArgSpec("weekdays", ArgKind.Flag, new("주말 건너뛰기", "skip weekends")) { Aliases = ["평일"] },
        ],
        new("이 채널에 매일 개념 카드를 올립니다 (관리자)", "Post a concept card here every day (admins)"))
    {
        AdminOnly = true,
        Details = new("예: `/k8s daily on 09:00 Asia/Seoul ko weekdays`", "Example: `/k8s daily on 08:30 America/New_York en`"),
    };

    public static readonly CommandSpec DailyOff = new("daily off", [], new("매일 카드를 끕니다 (관리자)", "Stop the daily cards (admins)")) { AdminOnly = true };

    public static readonly CommandSpec DailyStatus = new("daily status", [], new("다음 게시 시각과 다음 개념", "Next post time and next concept"));

    public static readonly CommandSpec DailyNow = new("daily now", [], new("오늘의 카드를 지금 올립니다 (관리자)", "Post today's card now (admins)")) { AdminOnly = true };

    public static readonly CommandSpec Lang = new(
        "lang",
        [new ArgSpec("language", ArgKind.Language, new("ko 또는 en", "ko or en")) { Required = true }],
        new("답변 언어를 정합니다", "Choose your reply language"));

    public static readonly CommandSpec Help = new(
        "help",
        [new ArgSpec("command", ArgKind.Text, new("명령 이름", "command name"))],
        new("명령 목록과 사용법", "Commands and how to use them"));

    /// <summary>All commands in the order help lists them.</summary>
    public static IReadOnlyList<CommandSpec> All { get; } =
    [
        Ask, Card, Concepts, Quiz, Review, MatchStart, MatchStop, TeamJoin, TeamLeave, TeamList,
        Score, Leaderboard, DailyOn, DailyOff, DailyStatus, DailyNow, Lang, Help,
    ];

    public static LocalizedText GroupSummary(string group) => group switch
    {
        "match" => new("채널 퀴즈 대결", "Quiz competitions in a channel"),
        "team" => new("팀 관리", "Teams"),
        "daily" => new("매일 개념 카드", "Daily concept cards"),
        _ => new("명령", "Commands"),
    };
}
