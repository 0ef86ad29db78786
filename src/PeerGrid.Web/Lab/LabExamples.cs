using System.Reflection;

namespace PeerGrid.Web.Lab;

/// <summary>
/// The sample scenarios from the repository's scenarios/ folder that fit the lab's limits, embedded in the assembly
/// (PeerGrid.Web.csproj) so the lab offers them wherever the host runs.
/// </summary>
public static class LabExamples
{
    private const string Prefix = "lab-examples/";

    /// <summary>File names, e.g. "demo-10.json".</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. typeof(LabExamples).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Select(n => n[Prefix.Length..]).Order(StringComparer.Ordinal)];

    /// <summary>The example's JSON text, or null for a name that is not an example.</summary>
    public static string? Read(string name)
    {
        if (!Names.Contains(name))
        {
            return null;
        }
        Assembly assembly = typeof(LabExamples).Assembly;
        using Stream stream = assembly.GetManifestResourceStream(Prefix + name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
