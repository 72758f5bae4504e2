namespace ServicePortal.Components.Shared;

/// <summary>
/// Which message each field of a form shows (the complaint and repair intakes): the domain's rules
/// run as the user types (shown once a field was touched, or all after a save attempt), and the
/// refusals the domain returned on save (shown until their field changes). Keys are the domain's
/// camelCase field names.
/// </summary>
public sealed class FormErrors
{
    private readonly HashSet<string> _touched = [];
    private Dictionary<string, string[]> _client = [];
    private Dictionary<string, string[]> _server = [];
    private bool _submitted;

    /// <summary>The user changed a field: its message shows from now on, and the domain's earlier refusal of it is gone.</summary>
    public void Touch(string field)
    {
        _touched.Add(field);
        _server.Remove(field);
    }

    /// <summary>Forgets the domain's refusals of these fields (they were replaced by the user's pick).</summary>
    public void ForgetServer(params string[] fields)
    {
        foreach (var f in fields) _server.Remove(f);
    }

    /// <summary>The result of checking every field now (the domain's validator plus the form's own parse checks).</summary>
    public void SetClient(Dictionary<string, string[]> errors) => _client = errors;

    /// <summary>A save attempt: every field shows its message; true when none has one.</summary>
    public bool Submit(Dictionary<string, string[]> errors)
    {
        _submitted = true;
        _server.Clear();
        _client = errors;
        return _client.Count == 0;
    }

    /// <summary>Shows the domain's refusals next to their fields.</summary>
    public void ShowServer(IReadOnlyDictionary<string, string[]> errors)
    {
        _submitted = true;
        _server = errors.ToDictionary(e => e.Key, e => e.Value);
    }

    public string? Error(string field)
    {
        if (_server.TryGetValue(field, out var server) && server.Length > 0) return string.Join(" ", server);
        if ((_submitted || _touched.Contains(field)) && _client.TryGetValue(field, out var client)) return string.Join(" ", client);
        return null;
    }

    /// <summary>The class of a field's cell: "field-invalid" (red outline and label) while it shows a message.</summary>
    public string Css(string field) => Error(field) is null ? "" : "field-invalid";
}
