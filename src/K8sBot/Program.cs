using K8sBot.Cli;

return await BotCli.InvokeAsync(args);
