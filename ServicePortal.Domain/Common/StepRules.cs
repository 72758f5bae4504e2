using ServicePortal.Domain.Accounts;

namespace ServicePortal.Domain.Common;

/// <summary>A step refused: its reason, and whether it is about who acts (<see cref="NotPermittedException"/>) or the case.</summary>
public sealed record Refusal(string Reason, bool NotPermitted)
{
    public DomainException ToException() => NotPermitted ? new NotPermittedException(Reason) : new DomainException(Reason);
}

/// <summary>
/// The building blocks of a case's step rules (complaints, repairs …): each step lists why it may be
/// refused, in order; the first refusal wins, and the steps with none are the ones a page offers.
/// </summary>
public static class StepRules
{
    public const int TextMax = 2000;

    /// <summary>Refused when <paramref name="refused"/>: a rule about the case.</summary>
    public static Refusal? Rule(bool refused, string reason) => refused ? new(reason, false) : null;

    /// <summary>Refused unless <paramref name="permitted"/>: a rule about who acts.</summary>
    public static Refusal? Permitted(bool permitted, string reason) => permitted ? null : new(reason, true);

    /// <summary>Only these roles may take the step.</summary>
    public static Refusal? Role(CaseActor actor, string action, params string[] roles) =>
        Permitted(roles.Contains(actor.Role), $"只有{string.Join("或", roles.Select(Roles.ChineseName))}可以{action}");

    /// <summary>Throws the refusal, if any.</summary>
    public static void Check(Refusal? refusal)
    {
        if (refusal is not null) throw refusal.ToException();
    }

    /// <summary>
    /// A required text, trimmed; refused when empty or longer than <paramref name="max"/>. With
    /// <paramref name="field"/> (the camelCase field of the step's body) the refusal names that field.
    /// </summary>
    public static string Required(string? value, string label, int max = TextMax, string? field = null)
    {
        var v = (value ?? "").Trim();
        if (v.Length == 0) throw Invalid(field, $"请填写{label}");
        if (v.Length > max) throw Invalid(field, $"{label}不能超过 {max} 个字");
        return v;
    }

    /// <summary>An optional text, trimmed; refused when longer than <paramref name="max"/>.</summary>
    public static string Optional(string? value, string label, int max = TextMax, string? field = null)
    {
        var v = (value ?? "").Trim();
        if (v.Length > max) throw Invalid(field, $"{label}不能超过 {max} 个字");
        return v;
    }

    /// <summary>A bad field of a step: <see cref="InputInvalidException"/> naming <paramref name="field"/>, or a plain refusal without one.</summary>
    public static DomainException Invalid(string? field, string message) =>
        field is null ? new DomainException(message) : InputInvalidException.Field(field, message);

    /// <summary>A UTC time as the history shows it: Beijing time.</summary>
    public static string Beijing(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), PortalClock.Beijing)
            .ToString(PortalClock.DisplayFormat, System.Globalization.CultureInfo.InvariantCulture);
}
