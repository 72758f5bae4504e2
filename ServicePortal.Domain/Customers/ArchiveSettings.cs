namespace ServicePortal.Domain.Customers;

/// <summary>
/// The archive's settings (one row; the Admin changes them): each part's confidentiality level (A-2,
/// defaults from seed 001 2.9.2), how often a file is re-verified (A-3, 2.8.4: at least monthly) and how
/// long an access grant may run.
/// </summary>
public class ArchiveSettings
{
    public const int DefaultReverifyMonths = 1;
    public const int DefaultGrantDays = 7;
    public const int MaxGrantDaysLimit = 90;

    public int Id { get; set; }
    public Confidentiality BasicLevel { get; set; } = Confidentiality.Secret;
    public Confidentiality ContactsLevel { get; set; } = Confidentiality.Confidential;
    public Confidentiality CooperationLevel { get; set; } = Confidentiality.TopSecret;
    /// <summary>A file is due for re-verification this many months after its last verification (or creation).</summary>
    public int ReverifyMonths { get; set; } = DefaultReverifyMonths;
    /// <summary>The longest an access request may ask for, in days.</summary>
    public int MaxGrantDays { get; set; } = 30;
    /// <summary>Who changed the settings last, and when (UTC); empty while the defaults apply.</summary>
    public string UpdatedByName { get; set; } = "";
    public DateTime? UpdatedAt { get; set; }

    public Confidentiality LevelOf(CustomerPart part) => part switch
    {
        CustomerPart.Basic => BasicLevel,
        CustomerPart.Contacts => ContactsLevel,
        CustomerPart.Cooperation => CooperationLevel,
        _ => Confidentiality.TopSecret,
    };

    public static ArchiveSettings Defaults() => new();
}
