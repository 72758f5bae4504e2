using ServicePortal.Domain.Common;

namespace ServicePortal.Domain.Repairs;

/// <summary>
/// One price of the fee schedule (客户服务部收费标准, SPEC R-3), maintained by an Admin: an item, its
/// unit and price, valid from a day. A new price of the same item is a new row with a later day;
/// quotes copy the price valid on their day, so old quotes keep theirs.
/// </summary>
public class FeeItem
{
    public const int NameMax = 64;

    private FeeItem() { }

    public const int UnitMax = 16;

    public FeeItem(string name, FeeKind kind, string unit, decimal price, DateOnly validFrom)
    {
        Change(name, kind, unit, price, validFrom);
        IsActive = true;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public FeeKind Kind { get; private set; }
    public string Unit { get; private set; } = "";
    public decimal Price { get; private set; }
    public DateOnly ValidFrom { get; private set; }
    /// <summary>False once withdrawn: no longer offered in new quotes.</summary>
    public bool IsActive { get; private set; }

    public void Withdraw() => IsActive = false;

    /// <summary>Corrects the row (the Admin's edit of a price no quote has used yet, see <see cref="FeeScheduleService"/>).</summary>
    public void Change(string name, FeeKind kind, string unit, decimal price, DateOnly validFrom)
    {
        Name = StepRules.Required(name, "收费项目", NameMax);
        Unit = StepRules.Required(unit, "单位", UnitMax);
        if (price < 0) throw new DomainException("单价不能为负数");
        if (decimal.Round(price, 2) != price) throw new DomainException("单价最多保留两位小数");
        Kind = kind;
        Price = price;
        ValidFrom = validFrom;
    }

    /// <summary>The price rows valid on <paramref name="day"/>: per item name, the one with the latest start on or before it.</summary>
    public static IReadOnlyList<FeeItem> ValidOn(IEnumerable<FeeItem> items, DateOnly day) =>
        items.Where(i => i.IsActive && i.ValidFrom <= day)
            .GroupBy(i => i.Name)
            .Select(g => g.OrderByDescending(i => i.ValidFrom).ThenByDescending(i => i.Id).First())
            .OrderBy(i => i.Kind).ThenBy(i => i.Name, StringComparer.Ordinal)
            .ToList();
}

/// <summary>
/// The repair side's settings (Admin): the warranty period from the purchase date, and whether a
/// quoted fee must be collected before the repair is released to the factory (seed 003: 维修费全部上交
/// 公司后，客服内勤通知工厂维修部对产品进行维修).
/// </summary>
public class RepairSettings
{
    public const int DefaultWarrantyMonths = 12;

    public int Id { get; set; } = 1;
    public int WarrantyMonths { get; set; } = DefaultWarrantyMonths;
    public bool CollectFeeBeforeRepair { get; set; } = true;

    /// <summary>In warranty on <paramref name="day"/>: bought on or before it, and the period (whole months) not over.</summary>
    public bool InWarranty(DateOnly purchased, DateOnly day) => purchased <= day && day <= WarrantyEnd(purchased);

    /// <summary>The last day of the warranty.</summary>
    public DateOnly WarrantyEnd(DateOnly purchased) => purchased.AddMonths(WarrantyMonths).AddDays(-1);
}
