namespace ServicePortal.Domain.Notifications;

/// <summary>A message in a user's bell: a step on their case, an escalation, an approval to give.</summary>
public class Notification
{
    private Notification() { }

    public Notification(string userId, DateTime at, string text, string link)
    {
        UserId = userId; At = at; Text = text; Link = link;
    }

    public long Id { get; private set; }
    public string UserId { get; private set; } = "";
    public DateTime At { get; private set; }
    public string Text { get; private set; } = "";
    public string Link { get; private set; } = "";
    public DateTime? ReadAt { get; private set; }

    public void MarkRead(DateTime at) => ReadAt ??= at;
}
