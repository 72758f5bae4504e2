using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Demo;

/// <summary>
/// The demo customers' files: industry, scale, service area, customer-since, credit classes A–D (every
/// class present), about one in eight a key customer, contacts with key people, installed products with serials
/// and warranty, and cooperation records for companies. The first <see cref="MaxFiles"/> generated customers get
/// their files after the cases (<see cref="WriteAsync"/>, as the demo database always had them); a volume run's
/// others are filled before they are written (<see cref="FillVolume"/>), with the customer rows.
/// </summary>
internal static class DemoCustomerFiles
{
    public const int MaxFiles = 1000;

    private static readonly string[] Industries = ["消防工程", "物业管理", "商业地产", "酒店", "医院", "学校", "制造业", "物流仓储", "餐饮连锁", "政府机关"];
    private static readonly string[] Areas = ["和平区", "沈河区", "皇姑区", "大东区", "铁西区", "浑南区", "于洪区", "苏家屯区"];
    private static readonly string[] Roles = ["总经理", "设备主管", "物业经理", "采购经理", "安全主任", "对接人"];
    private static readonly string[] Models = ["JB-QB-5000", "JB-TG-100", "GST-200", "TX3000", "JTY-GD-930", "ZSJ-800"];

    /// <summary>
    /// The files of the customers after the first <see cref="MaxFiles"/> (a volume run: 200,000 for a million
    /// complaints), filled in memory before they are written, with their own random numbers so that the demo
    /// database's first files stay as they were.
    /// </summary>
    public static void FillVolume(DemoRandom r, IReadOnlyList<DemoCustomer> customers, PortalClock clock)
    {
        var today = DateOnly.FromDateTime(clock.LocalNow);
        for (var i = MaxFiles; i < customers.Count; i++) Fill(r, customers[i].Customer, customers[i].IsCompany, i, today, clock);
    }

    /// <summary>One customer's file: the basic data, contacts, products and (companies) cooperation records; <paramref name="index"/> cycles the credit class.</summary>
    private static void Fill(DemoRandom r, Customer c, bool company, int index, DateOnly today, PortalClock clock)
    {
        c.Kind = company ? CustomerKind.Organisation : CustomerKind.Person;
        c.ServiceArea = r.Pick(Areas);
        c.IsKeyCustomer = company ? r.Chance(0.3) : r.Chance(0.05);
        c.CreditClass = (CreditClass)(index % 4); // every class A–D present
        c.CustomerSince = DateOnly.FromDateTime(clock.ToLocal(c.CreatedAt));
        if (company)
        {
            c.Industry = r.Pick(Industries);
            c.Scale = $"员工 {r.Between(20, 2000)} 人，年销售额 {r.Between(1, 50)} 千万元";
            c.FoundedOn = new DateOnly(r.Between(1985, 2018), r.Between(1, 12), r.Between(1, 28));
            c.Qualifications = r.Chance(0.5) ? "消防设施维护保养检测二级资质" : "";
            c.BusinessNotes = r.Chance(0.5) ? "按季度巡检，年底续签维保合同" : "";
        }
        var contacts = company ? r.Between(1, 4) : 1;
        for (var i = 0; i < contacts; i++)
            c.Contacts.Add(new CustomerContact
            {
                Name = i == 0 && !company ? c.Name : DemoCustomers.PersonName(r), Role = company ? Roles[Math.Min(i, Roles.Length - 1)] : "本人",
                Phone = DemoCustomers.Mobile(r), Email = company ? $"contact{c.Id}x{i}@example.com" : "", IsKeyPerson = company && i == 0,
            });
        for (var i = r.Between(1, company ? 3 : 1); i > 0; i--)
        {
            var purchased = today.AddDays(-r.Between(30, 2500));
            c.Products.Add(new CustomerProduct
            {
                Model = r.Pick(Models), SerialNumber = $"SN{c.Id:D6}{i:D2}", PurchasedOn = purchased, InstalledOn = purchased.AddDays(r.Between(1, 14)),
                WarrantyEnd = purchased.AddYears(r.Between(1, 3)),
            });
        }
        if (company)
        {
            var signed = today.AddDays(-r.Between(30, 1500));
            c.Cooperation.Add(new CooperationRecord { Kind = CooperationKind.Contract, On = signed, Title = "年度维保合同", Amount = r.Between(2, 60) * 5000m, Details = "含季度巡检与 24 小时应急响应" });
            if (r.Chance(0.4)) c.Cooperation.Add(new CooperationRecord { Kind = CooperationKind.Volume, On = signed.AddDays(180), Title = "年度采购量", Amount = r.Between(10, 200) * 10000m });
            if (c.CreditClass == CreditClass.D) c.Cooperation.Add(new CooperationRecord { Kind = CooperationKind.CreditProblem, On = signed.AddDays(90), Title = "货款逾期 90 天", Details = "已催收两次" });
        }
    }

    public static async Task WriteAsync(IDbContextFactory<PortalDbContext> dbFactory, DemoRandom r, IReadOnlyList<DemoCustomer> customers, PortalClock clock,
        CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.LocalNow);
        var chosen = customers.Take(MaxFiles).ToList();
        if (chosen.Count == 0) return;
        var byId = chosen.ToDictionary(c => c.Customer.Id);
        var (from, to) = (chosen[0].Customer.Id, chosen[^1].Customer.Id);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Customers.Where(c => c.Id >= from && c.Id <= to).ToListAsync(ct);
        var index = 0;
        foreach (var c in rows)
        {
            if (!byId.TryGetValue(c.Id, out var demo)) continue;
            Fill(r, c, demo.IsCompany, index++, today, clock);
        }
        await db.SaveChangesAsync(ct);
    }
}
