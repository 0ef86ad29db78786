using System.CommandLine;
using PeerGrid.Cli.Commands;

namespace PeerGrid.Cli;

/// <summary>The `peergrid` command tree. Exit codes: 0 success, 2 invalid input, 1 an internal error.</summary>
public static class PeergridCommand
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int InvalidInput = 2;

    public static RootCommand Create(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("PeerGrid: simulate peer-to-peer energy trading communities.");
        root.Subcommands.Add(RunCommand.Create(stdout, stderr));
        root.Subcommands.Add(ValidateCommand.Create(stdout, stderr));
        root.Subcommands.Add(ClearCommand.Create(stdout, stderr));
        return root;
    }
}
