namespace ServicePortal.Domain.Customers;

public class Customer
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Phone { get; set; }
    public string Address { get; set; } = "";
    /// <summary>Foreign (境外) customers get a longer closing deadline (20 days instead of 15).</summary>
    public bool IsForeign { get; set; }
    /// <summary>重点客户: revisited 100 % — every case, plus the weekly routine revisit (seed 001 4.5.2).</summary>
    public bool IsKeyCustomer { get; set; }
    public DateTime CreatedAt { get; set; }
}
