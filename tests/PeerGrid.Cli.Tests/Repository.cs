namespace PeerGrid.Cli.Tests;

/// <summary>Finds files of this repository (the sample scenarios) from the test's output folder.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Scenario(string name) => Path.Combine(Root, "scenarios", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PeerGrid.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("PeerGrid.slnx not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A temporary folder removed after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "peergrid-test-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}

/// <summary>Runs the `peergrid` command in-process and captures its output.</summary>
internal static class Peergrid
{
    public static (int ExitCode, string Stdout, string Stderr) Invoke(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var root = PeergridCommand.Create(stdout, stderr);
        var config = new System.CommandLine.InvocationConfiguration { Output = stdout, Error = stderr };
        int code = root.Parse(args).Invoke(config);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
