namespace ServicePortal.Domain.Common;

/// <summary>A business rule refused the action; the message is for the user (Chinese).</summary>
public class DomainException(string message) : Exception(message);

/// <summary>Input failed validation; nothing was saved. Errors are keyed by field name (camelCase).</summary>
public sealed class InputInvalidException(IReadOnlyDictionary<string, string[]> errors, string message = "输入有误，请按提示修改后再保存。")
    : DomainException(message)
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    /// <summary>One field refused: the message is the field's own (a step's form shows it as is, the API as that field's error).</summary>
    public static InputInvalidException Field(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] }, message);
}

/// <summary>The record was changed by someone else since it was read.</summary>
public sealed class ConcurrencyConflictException() : DomainException("已被他人修改，请刷新后重试。");

public sealed class NotFoundException(string message) : DomainException(message);

/// <summary>The user's role or department may not take this step (403 in the API).</summary>
public sealed class NotPermittedException(string message) : DomainException(message);
