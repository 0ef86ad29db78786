namespace PeerGrid.Domain;

/// <summary>
/// One problem with user input: where (<see cref="Path"/>, e.g. "households[2].batteries[0].capacityKwh"),
/// what is wrong, and how to fix it. Every user-facing validator in the project produces these.
/// </summary>
public sealed record ValidationError(string Path, string Problem, string Fix)
{
    public override string ToString() => $"{Path}: {Problem}; {Fix}";
}

/// <summary>Collects <see cref="ValidationError"/>s with helpers for the common range checks.</summary>
public sealed class ValidationErrors
{
    private readonly List<ValidationError> _errors = [];

    public IReadOnlyList<ValidationError> All => _errors;

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string path, string problem, string fix) => _errors.Add(new ValidationError(path, problem, fix));

    public void Positive(string path, double value, string unit)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            Add(path, $"must be a number > 0 {unit} (got {Show(value)})", $"set a positive value in {unit}");
        }
    }

    public void NonNegative(string path, double value, string unit)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            Add(path, $"must be a number ≥ 0 {unit} (got {Show(value)})", $"set a value of 0 or more in {unit}");
        }
    }

    public void Range(string path, double value, double min, double max, string unit)
    {
        if (!double.IsFinite(value) || value < min || value > max)
        {
            Add(path, $"must be between {Show(min)} and {Show(max)} {unit} (got {Show(value)})", $"use a value from {Show(min)} to {Show(max)}");
        }
    }

    public void Fraction(string path, double value) => Range(path, value, 0, 1, "(a fraction)");

    public void NotBlank(string path, string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(path, "is missing or empty", $"give the {what}");
        }
    }

    private static string Show(double v) => v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);
}
