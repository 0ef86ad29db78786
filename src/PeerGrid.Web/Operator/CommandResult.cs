using PeerGrid.Domain;

namespace PeerGrid.Web.Operator;

/// <summary>What an operator command did: its result, or the input's errors (and then nothing was written).</summary>
internal sealed record CommandResult<T>(T? Value, ValidationErrors Errors)
{
    public bool Succeeded => Errors.IsEmpty;

    public static CommandResult<T> Done(T value) => new(value, new ValidationErrors());

    public static CommandResult<T> Refused(ValidationErrors errors) => new(default, errors);
}
