using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Customers;

public sealed partial class CustomerFiles
{
    /// <summary>
    /// The frame of every update: the reader, the file (active), the version they read, the part they change
    /// visible to them (products and open fields: every reader), then the change, the history entry and the save.
    /// </summary>
    private async Task<int> EditAsync(int id, string userId, int? expectedVersion, CustomerPart? part, bool withParts,
        Func<PortalDbContext, Customer, CaseActor, (string Action, string Note)> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await ReaderAsync(db, userId, ct);
        var now = clock.UtcNow;
        var customer = await LoadAsync(db, id, ct, withParts);
        if (!customer.IsActive) throw new DomainException(customer.MergedIntoId is { } into ? $"该档案已合并到客户 {into}，不能再修改" : "该档案已销毁，不能修改");
        if (part is { } p)
        {
            var scope = await CustomerAccess.ScopeAsync(db, actor, id, now, ct);
            if (!scope.Sees(p)) throw new NotPermittedException(scope[p].Refusal);
        }
        CaseStep.CheckVersion(expectedVersion, customer.Version);
        var (action, note) = change(db, customer, actor);
        customer.Version++;
        History(db, id, actor, now, action, note);
        await CaseStep.SaveAsync(db, ct);
        return customer.Version;
    }

    private static string Diff(params (string Label, string Before, string After)[] fields) =>
        string.Join("；", fields.Where(f => f.Before != f.After).Select(f => $"{f.Label}：{(f.Before.Length == 0 ? "（空）" : f.Before)} → {(f.After.Length == 0 ? "（空）" : f.After)}")) is { Length: > 0 } d ? d : "无变化";

    private static string Changed(params (string Label, object? Before, object? After)[] fields) =>
        fields.Where(f => !Equals(f.Before, f.After)).Select(f => f.Label).ToList() is { Count: > 0 } l ? "修改了：" + string.Join("、", l) : "无变化";

    /// <summary>The open fields (name, phone, address, area, key flag, foreign); values go into the history.</summary>
    public Task<int> UpdateOpenAsync(int id, CustomerInput input, int? expectedVersion, string userId, CancellationToken ct = default) =>
        UpdateAsync(id, input, false, expectedVersion, userId, ct);

    /// <summary>The basic data (秘密): only for viewers who see it; the history names the fields changed, never a value.</summary>
    public async Task<int> UpdateBasicAsync(int id, CustomerBasicInput input, int? expectedVersion, string userId, CancellationToken ct = default)
    {
        CustomerFileValidator.ThrowIfInvalid(CustomerFileValidator.ValidateBasic(input, DateOnly.FromDateTime(clock.LocalNow)));
        return await EditAsync(id, userId, expectedVersion, CustomerPart.Basic, false, (_, c, _) => ("修改基本资料", ApplyBasicNoted(c, input)), ct);
    }

    /// <summary>
    /// The open fields and, with <paramref name="withBasic"/>, the basic data in one save: refused as a whole
    /// (nothing saved) when the viewer may not see the basic data.
    /// </summary>
    public async Task<int> UpdateAsync(int id, CustomerInput input, bool withBasic, int? expectedVersion, string userId, CancellationToken ct = default)
    {
        var errors = CustomerFileValidator.ValidateOpen(input);
        if (withBasic)
            foreach (var e in CustomerFileValidator.ValidateBasic(input.Basic, DateOnly.FromDateTime(clock.LocalNow), "basic.")) errors[e.Key] = e.Value;
        CustomerFileValidator.ThrowIfInvalid(errors);
        return await EditAsync(id, userId, expectedVersion, withBasic ? CustomerPart.Basic : null, false, (_, c, _) =>
        {
            var before = (c.Kind, c.Name, c.Phone, c.Address, c.ServiceArea, c.IsKeyCustomer, c.IsForeign);
            ApplyOpen(c, input);
            var note = Diff(("类型", before.Kind.Chinese(), c.Kind.Chinese()), ("名称", before.Name, c.Name), ("电话", before.Phone, c.Phone),
                ("地址", before.Address, c.Address), ("服务区域", before.ServiceArea, c.ServiceArea),
                ("重点客户", before.IsKeyCustomer ? "是" : "否", c.IsKeyCustomer ? "是" : "否"), ("境外", before.IsForeign ? "是" : "否", c.IsForeign ? "是" : "否"));
            if (withBasic) note += "；基本资料" + ApplyBasicNoted(c, input.Basic);
            return ("修改档案", note);
        }, ct);
    }

    private static string ApplyBasicNoted(Customer c, CustomerBasicInput input)
    {
        var before = new CustomerBasicView(c.Industry, c.Scale, c.CustomerSince, c.FoundedOn, c.Qualifications, c.CreditClass, c.BusinessNotes);
        ApplyBasic(c, input);
        return Changed(("行业", before.Industry, c.Industry), ("企业规模", before.Scale, c.Scale),
            ("建立业务关系时间", before.CustomerSince, c.CustomerSince), ("创立时间", before.FoundedOn, c.FoundedOn),
            ("资质", before.Qualifications, c.Qualifications), ("信用等级", before.CreditClass, c.CreditClass), ("业务备注", before.BusinessNotes, c.BusinessNotes));
    }

    /// <summary>Adds (<paramref name="contactId"/> null) or edits a contact (机密): only for viewers who see contacts.</summary>
    public Task<int> SaveContactAsync(int id, long? contactId, ContactInput input, int? expectedVersion, string userId, CancellationToken ct = default)
    {
        CustomerFileValidator.ThrowIfInvalid(CustomerFileValidator.ValidateContact(input));
        return EditAsync(id, userId, expectedVersion, CustomerPart.Contacts, true, (_, c, _) =>
        {
            var contact = contactId is { } cid
                ? c.Contacts.SingleOrDefault(x => x.Id == cid) ?? throw new NotFoundException("该联系人不存在或已被删除")
                : new CustomerContact { Name = "" };
            contact.Name = input.Name!.Trim();
            contact.Role = input.Role?.Trim() ?? "";
            contact.Phone = string.IsNullOrWhiteSpace(input.Phone) ? "" : Complaints.ComplaintValidator.NormalizePhone(input.Phone);
            contact.Email = input.Email?.Trim() ?? "";
            contact.Notes = input.Notes?.Trim() ?? "";
            contact.IsKeyPerson = input.IsKeyPerson;
            if (contactId is null) c.Contacts.Add(contact);
            return contactId is null ? ("添加联系人", "联系人为机密内容，历史中不记录姓名与电话") : ("修改联系人", $"联系人 #{contactId}（内容为机密，不记录）");
        }, ct);
    }

    public Task<int> RemoveContactAsync(int id, long contactId, int? expectedVersion, string userId, CancellationToken ct = default) =>
        EditAsync(id, userId, expectedVersion, CustomerPart.Contacts, true, (db, c, _) =>
        {
            var contact = c.Contacts.SingleOrDefault(x => x.Id == contactId) ?? throw new NotFoundException("该联系人不存在或已被删除");
            db.CustomerContacts.Remove(contact);
            return ("删除联系人", $"联系人 #{contactId}（内容为机密，不记录）");
        }, ct);

    /// <summary>Adds or edits an installed product (open: every reader; model and serial go into the history).</summary>
    public Task<int> SaveProductAsync(int id, long? productId, ProductInput input, int? expectedVersion, string userId, CancellationToken ct = default)
    {
        CustomerFileValidator.ThrowIfInvalid(CustomerFileValidator.ValidateProduct(input));
        return EditAsync(id, userId, expectedVersion, null, true, (_, c, _) =>
        {
            var product = productId is { } pid
                ? c.Products.SingleOrDefault(x => x.Id == pid) ?? throw new NotFoundException("该产品不存在或已被删除")
                : new CustomerProduct { Model = "" };
            var before = $"{product.Model} {product.SerialNumber}".Trim();
            product.Model = input.Model!.Trim();
            product.SerialNumber = input.SerialNumber?.Trim() ?? "";
            product.InstalledOn = input.InstalledOn;
            product.PurchasedOn = input.PurchasedOn;
            product.WarrantyEnd = input.WarrantyEnd;
            if (productId is null) c.Products.Add(product);
            var after = $"{product.Model} {product.SerialNumber}".Trim();
            return productId is null ? ("添加产品", after) : ("修改产品", before == after ? after : $"{before} → {after}");
        }, ct);
    }

    public Task<int> RemoveProductAsync(int id, long productId, int? expectedVersion, string userId, CancellationToken ct = default) =>
        EditAsync(id, userId, expectedVersion, null, true, (db, c, _) =>
        {
            var product = c.Products.SingleOrDefault(x => x.Id == productId) ?? throw new NotFoundException("该产品不存在或已被删除");
            db.CustomerProducts.Remove(product);
            return ("删除产品", $"{product.Model} {product.SerialNumber}".Trim());
        }, ct);

    /// <summary>Adds or edits a cooperation record (绝密): only for viewers who see it; the history records no content.</summary>
    public Task<int> SaveCooperationAsync(int id, long? recordId, CooperationInput input, int? expectedVersion, string userId, CancellationToken ct = default)
    {
        CustomerFileValidator.ThrowIfInvalid(CustomerFileValidator.ValidateCooperation(input));
        return EditAsync(id, userId, expectedVersion, CustomerPart.Cooperation, true, (_, c, _) =>
        {
            var record = recordId is { } rid
                ? c.Cooperation.SingleOrDefault(x => x.Id == rid) ?? throw new NotFoundException("该合作记录不存在或已被删除")
                : new CooperationRecord { Title = "" };
            record.Kind = input.Kind!.Value;
            record.On = input.On!.Value;
            record.Title = input.Title!.Trim();
            record.Amount = input.Amount;
            record.Details = input.Details?.Trim() ?? "";
            if (recordId is null) c.Cooperation.Add(record);
            return recordId is null ? ("添加合作记录", "合作记录为绝密内容，历史中不记录") : ("修改合作记录", $"合作记录 #{recordId}（内容为绝密，不记录）");
        }, ct);
    }

    public Task<int> RemoveCooperationAsync(int id, long recordId, int? expectedVersion, string userId, CancellationToken ct = default) =>
        EditAsync(id, userId, expectedVersion, CustomerPart.Cooperation, true, (db, c, _) =>
        {
            var record = c.Cooperation.SingleOrDefault(x => x.Id == recordId) ?? throw new NotFoundException("该合作记录不存在或已被删除");
            db.CooperationRecords.Remove(record);
            return ("删除合作记录", $"合作记录 #{recordId}（内容为绝密，不记录）");
        }, ct);
}
