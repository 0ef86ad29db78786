using PeerGrid.Domain;
using PeerGrid.Simulation.Physics;
using PeerGrid.Simulation.Profiles;
using PeerGrid.Simulation.Scenarios;

namespace PeerGrid.Application.Scenarios;

/// <summary>Loads a scenario file from disk: opens it and the profile files it declares, then validates everything.</summary>
public static class ScenarioFiles
{
    /// <summary>Mechanisms this build can run.</summary>
    public static IReadOnlySet<string> SupportedMechanisms { get; } = new HashSet<string>(Markets.MechanismFactory.Names, StringComparer.Ordinal);

    public static ScenarioFileResult Load(string path)
    {
        string name = Path.GetFileName(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return ScenarioFileResult.Invalid(new ValidationError("scenario", $"file {path} does not exist", "check the path (scenarios/demo-10.json is a sample)"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ScenarioFileResult.Invalid(new ValidationError("scenario", $"file {path} cannot be read ({e.Message})", "check the path and its permissions"));
        }
        string folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        return Parse(text, name, folder);
    }

    /// <summary>Validates scenario JSON; profile files are resolved against <paramref name="folder"/>.</summary>
    public static ScenarioFileResult Parse(string json, string sourceName, string folder) =>
        Parse(json, sourceName, declaration => OpenFile(declaration, folder));

    /// <summary>
    /// Validates scenario JSON whose profiles come from CSV texts held in memory (the web lab's uploads), keyed by file
    /// name. A declaration's <c>file</c> is matched by its last path segment only, so a scenario written for a folder
    /// of profiles ("profiles/ev.csv") finds the upload "ev.csv", and no path ever reaches the file system.
    /// </summary>
    public static ScenarioFileResult Parse(string json, string sourceName, IReadOnlyDictionary<string, string> profileFiles) =>
        Parse(json, sourceName, declaration => OpenUploaded(declaration, profileFiles));

    private static ScenarioFileResult Parse(string json, string sourceName, Func<ProfileDeclaration, (TextReader Reader, string Name)> open)
    {
        var context = new ScenarioLoadContext
        {
            LoadProfile = declaration => LoadProfile(declaration, open),
            ResolveLocation = name => ClimatePresets.TryGet(name, out Location? location) ? location : null,
            LocationNames = [.. ClimatePresets.Names],
            SupportedMechanisms = SupportedMechanisms,
        };
        using var reader = new StringReader(json);
        ScenarioLoadResult result = ScenarioLoader.Load(reader, sourceName, context);
        return result.IsValid ? ScenarioFileResult.Valid(result.Scenario) : ScenarioFileResult.Invalid([.. result.Errors]);
    }

    private static Profile LoadProfile(ProfileDeclaration declaration, Func<ProfileDeclaration, (TextReader Reader, string Name)> open)
    {
        var options = new ProfileCsvOptions
        {
            ProfileId = declaration.Id,
            Unit = declaration.Unit switch
            {
                "kW" => ProfileValueUnit.Kilowatt,
                "Wh" => ProfileValueUnit.WattHour,
                "kWh" => ProfileValueUnit.KilowattHour,
                _ => ProfileValueUnit.Watt,
            },
            ValueColumn = declaration.Column,
            Cumulative = declaration.Cumulative,
            AllowNegative = declaration.AllowNegative,
        };
        (TextReader reader, string name) = open(declaration);
        using (reader)
        {
            try
            {
                return ProfileCsvReader.Read(reader, name, options);
            }
            catch (ProfileFormatException e)
            {
                // The scenario loader reports format problems at the profile's path; keep the file/line/fix message.
                throw new FormatException(e.Message, e);
            }
        }
    }

    private static (TextReader, string) OpenFile(ProfileDeclaration declaration, string folder)
    {
        string path = Path.GetFullPath(Path.Combine(folder, declaration.File));
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"profile file {declaration.File} not found (looked for {path}); give a path relative to the scenario file");
        }
        return (new StreamReader(path), Path.GetFileName(path));
    }

    private static (TextReader, string) OpenUploaded(ProfileDeclaration declaration, IReadOnlyDictionary<string, string> profileFiles)
    {
        string name = declaration.File[(declaration.File.LastIndexOfAny(['/', '\\']) + 1)..];
        if (!profileFiles.TryGetValue(name, out string? text))
        {
            string uploaded = profileFiles.Count == 0 ? "none" : string.Join(", ", profileFiles.Keys.Order(StringComparer.Ordinal));
            throw new FileNotFoundException($"profile file {name} was not uploaded (uploaded: {uploaded}); upload a CSV file named {name} with the scenario");
        }
        return (new StringReader(text), name);
    }
}

/// <summary>A loaded scenario, or the problems that stop it from running.</summary>
public sealed class ScenarioFileResult
{
    private ScenarioFileResult(Scenario? scenario, IReadOnlyList<ValidationError> errors)
    {
        Scenario = scenario;
        Errors = errors;
    }

    public Scenario? Scenario { get; }
    public IReadOnlyList<ValidationError> Errors { get; }
    public bool IsValid => Scenario is not null;

    public static ScenarioFileResult Valid(Scenario scenario) => new(scenario, []);

    public static ScenarioFileResult Invalid(params ValidationError[] errors) => new(null, errors);
}
