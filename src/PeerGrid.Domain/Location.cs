namespace PeerGrid.Domain;

/// <summary>
/// Where a community is: latitude (−90 … 90, north positive) and longitude (−180 … 180, east positive) in
/// degrees, and its climate, which drives the weather model.
/// </summary>
public sealed record Location(string Name, double LatitudeDegrees, double LongitudeDegrees, Climate Climate)
{
    public void Validate(string path, ValidationErrors errors)
    {
        errors.Range($"{path}.latitude", LatitudeDegrees, -90, 90, "degrees");
        errors.Range($"{path}.longitude", LongitudeDegrees, -180, 180, "degrees");
        Climate.Validate($"{path}.climate", errors);
    }
}

/// <summary>
/// Monthly climate normals (index 0 = January): <see cref="ClearnessIndex"/> is the monthly mean daily
/// clearness index K_T (global horizontal ÷ extraterrestrial horizontal irradiation, 0 … 1);
/// <see cref="TemperatureC"/> the mean air temperature (°C); <see cref="WindSpeedMs"/> the mean wind
/// speed at 10 m (m/s), with <see cref="WeibullK"/> the shape of its distribution (≈ 2).
/// </summary>
public sealed record Climate(IReadOnlyList<double> ClearnessIndex, IReadOnlyList<double> TemperatureC, double WindSpeedMs = 4.5, double WeibullK = 2.0)
{
    public void Validate(string path, ValidationErrors errors)
    {
        if (ClearnessIndex.Count != 12)
        {
            errors.Add($"{path}.clearnessIndex", $"has {ClearnessIndex.Count} values", "give 12 monthly values, January first");
        }
        else
        {
            for (int i = 0; i < 12; i++)
            {
                errors.Range($"{path}.clearnessIndex[{i}]", ClearnessIndex[i], 0.05, 0.85, "(a fraction)");
            }
        }
        if (TemperatureC.Count != 12)
        {
            errors.Add($"{path}.temperatureC", $"has {TemperatureC.Count} values", "give 12 monthly values, January first");
        }
        else
        {
            for (int i = 0; i < 12; i++)
            {
                errors.Range($"{path}.temperatureC[{i}]", TemperatureC[i], -60, 60, "°C");
            }
        }
        errors.Range($"{path}.windSpeedMs", WindSpeedMs, 0, 30, "m/s");
        errors.Range($"{path}.weibullK", WeibullK, 1, 5, "");
    }
}
