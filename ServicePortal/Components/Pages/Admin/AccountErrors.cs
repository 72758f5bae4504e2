namespace ServicePortal.Components.Pages.Admin;

/// <summary>The field errors a dialog shows next to its fields (keys as the domain sends them: userName, password …).</summary>
public sealed class AccountErrors
{
    private readonly Dictionary<string, string> _errors = [];

    public bool Has(string field) => _errors.ContainsKey(field);

    public string? Of(string field) => _errors.GetValueOrDefault(field);

    public void Set(IReadOnlyDictionary<string, string[]> errors)
    {
        _errors.Clear();
        foreach (var (field, messages) in errors)
            _errors[field] = string.Join("；", messages);
    }

    public void Add(string field, string message) => _errors[field] = message;

    public void Clear(string field) => _errors.Remove(field);

    public bool Any => _errors.Count > 0;
}
