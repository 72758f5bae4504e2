using ServicePortal.Domain.Complaints;

namespace ServicePortal.Domain.Repairs;

/// <summary>
/// Field rules of the repair request form (SPEC R-1), with the Chinese message shown next to each
/// field; keys are the camelCase field names of the API and the form. Text and phone rules are the
/// intake's (<see cref="ComplaintValidator"/>).
/// </summary>
public static class RepairValidator
{
    public const int DescriptionMax = 2000;

    /// <summary>
    /// Checks every field (the request's times in UTC; <paramref name="today"/> is the local day, and
    /// <paramref name="receivedDay"/> the local day of receipt, on which the warranty is judged).
    /// </summary>
    public static Dictionary<string, string[]> Validate(RepairRequest r, DateTime nowUtc, DateOnly today, DateOnly receivedDay, RepairSettings settings)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string? message)
        {
            if (message is not null) errors[field] = [message];
        }

        if (r.CustomerId is null)
        {
            Add("customerName", ComplaintValidator.RequiredText(r.CustomerName, "客户名称", ComplaintValidator.NameMax));
            Add("customerPhone", ComplaintValidator.PhoneError(r.CustomerPhone));
        }
        Add("address", ComplaintValidator.RequiredText(r.Address, "维修地址", ComplaintValidator.AddressMax));
        Add("contactName", ComplaintValidator.RequiredText(r.ContactName, "联系人", 32));
        Add("contactPhone", ComplaintValidator.PhoneError(r.ContactPhone));
        Add("productModel", ComplaintValidator.RequiredText(r.ProductModel, "产品型号", 64));
        Add("serialNumber", ComplaintValidator.OptionalText(r.SerialNumber, "序列号", 64));
        Add("faultCategory", string.IsNullOrWhiteSpace(r.FaultCategory) ? "请选择故障类别"
            : RepairFaults.Categories.Contains(r.FaultCategory.Trim()) ? null : $"故障类别“{r.FaultCategory}”不存在，请从列表中选择");
        Add("faultDescription", ComplaintValidator.RequiredText(r.FaultDescription, "故障描述", DescriptionMax));
        Add("channel", r.Channel is null ? "请选择报修渠道" : Enum.IsDefined(r.Channel.Value) ? null : "报修渠道无效");

        if (r.ReceivedAt > nowUtc + ComplaintValidator.FutureTolerance) Add("receivedAt", "受理时间不能晚于当前时间");
        if (r.PurchaseDate is { } bought)
        {
            if (bought > today) Add("purchaseDate", "购买日期不能晚于今天");
            else if (bought < new DateOnly(1990, 1, 1)) Add("purchaseDate", "购买日期不正确");
        }
        if (r.RequestedVisitAt is { } visit && visit < r.ReceivedAt.AddHours(-1)) Add("requestedVisitAt", "期望上门时间不能早于受理时间");

        var inWarranty = r.WarrantyOverride ?? (r.PurchaseDate is { } p && settings.InWarranty(p, receivedDay));
        if (r.WarrantyOverride is not null)
            Add("warrantyOverrideReason", ComplaintValidator.RequiredText(r.WarrantyOverrideReason, "人工认定保修的理由", 200));
        else if (r.PurchaseDate is null)
            Add("purchaseDate", "请填写购买日期（用于判断是否在保修期内），或人工认定保修并说明理由");
        // A warranty repair is traced by the product's serial number.
        if (inWarranty && string.IsNullOrWhiteSpace(r.SerialNumber) && !errors.ContainsKey("serialNumber"))
            Add("serialNumber", "保修期内的产品请填写序列号");
        return errors;
    }
}
