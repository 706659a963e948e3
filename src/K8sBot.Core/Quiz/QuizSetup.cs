using K8sBot.Core.Commands;
using K8sBot.Core.Learning;
using K8sBot.Core.Scoring;
using K8sBot.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace K8sBot.Core.Quiz;

/// <summary>Registers quizzes, competitions, scoring and FSRS learning.</summary>
public static class QuizSetup
{
    public static IServiceCollection AddQuiz(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<LearningOptions>().Bind(configuration.GetSection(LearningOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ScoringOptions>().Bind(configuration.GetSection(ScoringOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<QuizOptions>().Bind(configuration.GetSection(QuizOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<IDatabaseMigration, LearningSchemaMigration>();
        services.AddSingleton<IDatabaseMigration, QuizSchemaMigration>();

        services.AddSingleton<Fsrs>();
        services.AddSingleton<MemoryStore>();
        services.AddSingleton<TenantCalendar>();
        services.AddSingleton<ScoreStore>();
        services.AddSingleton<TeamStore>();
        services.AddSingleton<Leaderboard>();
        services.AddSingleton<TopicResolver>();
        services.AddSingleton<PersonalQuiz>();
        services.AddSingleton<RoundStore>();
        services.AddSingleton<AnswerRecorder>();
        services.AddSingleton<MatchDependencies>();
        services.AddSingleton<MatchEngine>();
        services.AddHostedService<MatchResumer>();

        services.AddSingleton<ICommandHandler, QuizCommand>();
        services.AddSingleton<ICommandHandler, ReviewCommand>();
        services.AddSingleton<ICommandHandler, MatchStartCommand>();
        services.AddSingleton<ICommandHandler, MatchStopCommand>();
        services.AddSingleton<ICommandHandler, TeamJoinCommand>();
        services.AddSingleton<ICommandHandler, TeamLeaveCommand>();
        services.AddSingleton<ICommandHandler, TeamListCommand>();
        services.AddSingleton<ICommandHandler, ScoreCommand>();
        services.AddSingleton<ICommandHandler, LeaderboardCommand>();
        services.AddSingleton<IButtonHandler, QuizButtons>();
        services.AddSingleton<IButtonHandler, MatchButtons>();
        return services;
    }
}
