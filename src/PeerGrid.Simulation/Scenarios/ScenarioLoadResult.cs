using System.Diagnostics.CodeAnalysis;
using PeerGrid.Domain;

namespace PeerGrid.Simulation.Scenarios;

/// <summary>Either a valid <see cref="Scenario"/> or every problem found with the file (never both, never neither).</summary>
public sealed class ScenarioLoadResult
{
    private ScenarioLoadResult(Scenario? scenario, IReadOnlyList<ValidationError> errors)
    {
        Scenario = scenario;
        Errors = errors;
    }

    public Scenario? Scenario { get; }

    /// <summary>Empty when <see cref="IsValid"/>; otherwise at least one error, in the order found.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Scenario))]
    public bool IsValid => Scenario is not null;

    public static ScenarioLoadResult Success(Scenario scenario) => new(scenario, []);

    public static ScenarioLoadResult Failure(IReadOnlyList<ValidationError> errors)
    {
        if (errors.Count == 0)
        {
            throw new ArgumentException("A failed load needs at least one error.", nameof(errors));
        }
        return new(null, errors);
    }
}
