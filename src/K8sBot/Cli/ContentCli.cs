using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using K8sBot.Content;
using K8sBot.Core.Content;
using K8sBot.Core.Messaging;
using K8sBot.Hosting;

namespace K8sBot.Cli;

/// <summary><c>k8sbot content lint|list</c>.</summary>
internal static class ContentCli
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    public static Command Create()
    {
        var path = new Option<string?>("--path") { Description = "Content folder (default Content:Path)" };
        var lint = new Command("lint", "Check every card, question and manifest; exit 1 on any problem") { path };
        lint.SetAction(result =>
        {
            var folder = Resolve(result.GetValue(path));
            using var services = Services();
            var linter = new ContentLinter(services.GetServices<IReplyLimits>());
            var problems = linter.Lint(folder, requireFullCurriculum: true);
            foreach (var problem in problems)
            {
                Console.Error.WriteLine(problem);
            }

            var catalog = ContentLoader.Load(folder).Catalog;
            Console.WriteLine(problems.Count == 0
                ? $"content ok: {catalog.Concepts.Count} concepts, {catalog.Questions.Count} questions, {catalog.Comparisons.Count} comparisons"
                : $"{problems.Count} problem(s)");
            return problems.Count == 0 ? 0 : 1;
        });

        var json = new Option<bool>("--json") { Description = "Machine-readable output" };
        var list = new Command("list", "List the catalogue: ids, titles, category, order, quiz counts") { path, json };
        list.SetAction(result =>
        {
            var catalog = ContentLoader.Load(Resolve(result.GetValue(path))).Catalog;
            var rows = catalog.Concepts.Select(c => new
            {
                id = c.Id,
                ko = c.Ko.Title,
                en = c.En.Title,
                category = c.Category.Slug(),
                order = c.Order,
                questions = catalog.QuestionsFor(c.Id).Count,
            }).ToList();
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(rows, Json));
            }
            else
            {
                foreach (var row in rows)
                {
                    Console.WriteLine($"{row.order,3}  {row.id,-26} {row.category,-21} {row.questions,3}q  {row.en} / {row.ko}");
                }
            }

            return 0;
        });

        return new Command("content", "Work with the curriculum in content/") { lint, list };
    }

    private static ServiceProvider Services() =>
        new ServiceCollection().AddLogging().AddBot(BuildConfiguration()).BuildServiceProvider();

    private static IConfiguration BuildConfiguration()
    {
        var builder = new ConfigurationBuilder();
        BotConfiguration.Apply(builder);
        return builder.Build();
    }

    private static string Resolve(string? path) =>
        new ContentOptions { Path = path ?? BuildConfiguration()["Content:Path"] ?? "content" }.ResolvePath();
}
