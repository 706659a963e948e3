using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using K8sBot.ConsoleChat;
using K8sBot.Core.Ask;
using K8sBot.Core.Localization;
using K8sBot.Hosting;

namespace K8sBot.Cli;

/// <summary><c>k8sbot ask</c>: answers questions without a database or adapter; <c>--json</c> for evaluation.</summary>
internal static class AskCli
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var lang = new Option<string?>("--lang") { Description = "Answer in ko or en (default: the question's language)" };
        var json = new Option<bool>("--json") { Description = "One JSON object per answer: question, lang, concepts, answer" };
        var question = new Argument<string[]>("question") { Description = "The question (omit to read one per line from stdin)", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("ask", "Answer one question, or one per line from stdin") { lang, json, question };
        command.SetAction(async (result, cancellationToken) =>
        {
            var words = result.GetValue(question) ?? [];
            var forced = LangExtensions.TryParse(result.GetValue(lang), out var l) ? l : (Lang?)null;
            using var services = new ServiceCollection().AddLogging().AddBot(new ConfigurationBuilder().Apply()).BuildServiceProvider();
            IAskEngine engine;
            try
            {
                engine = services.GetRequiredService<IAskEngine>();
            }
            catch (Exception ex)
            {
                throw BotCli.Unwrap(ex);
            }

            var replies = services.GetRequiredService<AskReplyBuilder>();
            var asJson = result.GetValue(json);
            if (words.Length > 0)
            {
                Answer(string.Join(' ', words), forced, engine, replies, asJson);
                return 0;
            }

            while (await Console.In.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.Trim().Length > 0)
                {
                    Answer(line.Trim(), forced, engine, replies, asJson);
                }
            }

            return 0;
        });
        return command;
    }

    private static IConfiguration Apply(this ConfigurationBuilder builder)
    {
        BotConfiguration.Apply(builder);
        return builder.Build();
    }

    private static void Answer(string question, Lang? forced, IAskEngine engine, AskReplyBuilder replies, bool asJson)
    {
        var lang = LanguageResolver.Resolve(forced, question, null);
        var answer = engine.Answer(question, lang);
        var reply = replies.Build(question, answer, lang);
        var text = ConsoleRenderer.Render(reply, 1);
        if (asJson)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { question, lang = lang.Code(), concepts = answer.Concepts, answer = text.Trim() }, Json));
        }
        else
        {
            Console.Write(text);
        }
    }
}
