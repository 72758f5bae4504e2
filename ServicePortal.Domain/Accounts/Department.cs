namespace ServicePortal.Domain.Accounts;

public class Department
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string Code { get; set; } = "";
    public int SortOrder { get; set; }
}
