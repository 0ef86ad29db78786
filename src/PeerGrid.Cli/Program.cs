using PeerGrid.Cli;

return await PeergridCommand.Create(Console.Out, Console.Error).Parse(args).InvokeAsync();
