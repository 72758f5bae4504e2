using ServicePortal.Domain.Customers;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Customers;

/// <summary>Short-hands for the customer file tests: a valid new file, a file with every part filled, acting as a test account.</summary>
public static class CustomerFilesTesting
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public const string ContactName = "周海峰";
    public const string ContactPhone = "13912348765";

    public static CustomerInput Input(string name = "沈阳安泰消防设备有限公司", string phone = "024-23456789") => new()
    {
        Kind = CustomerKind.Organisation, Name = name, Phone = phone, Address = "沈阳市和平区南京北街 1 号", ServiceArea = "和平区",
        Basic = new CustomerBasicInput { Industry = "消防工程", Scale = "员工 300 人", CreditClass = CreditClass.B, BusinessNotes = "年度维保合同客户" },
    };

    public static async Task<string> IdOf(this DomainFixture f, string userName) => (await f.UserAsync(userName)).Id;

    /// <summary>A file with basic data, one key contact, one product and one cooperation record (created by the Executive).</summary>
    public static async Task<int> FullFileAsync(this DomainFixture f, string name = "沈阳安泰消防设备有限公司", string phone = "024-23456789")
    {
        var files = f.Get<CustomerFiles>();
        var exec = await f.IdOf("exec");
        var id = await files.CreateAsync(Input(name, phone), exec, ct: Ct);
        await files.SaveContactAsync(id, null, new ContactInput(ContactName, "总经理", ContactPhone, "zhou@example.com", "", true), null, exec, Ct);
        await files.SaveProductAsync(id, null, new ProductInput("JB-QB-5000", "SN-0001", new DateOnly(2024, 3, 1), null, new DateOnly(2027, 3, 1)), null, exec, Ct);
        await files.SaveCooperationAsync(id, null, new CooperationInput(CooperationKind.Contract, new DateOnly(2025, 1, 5), "年度维保合同", 120000m, "每季度巡检"), null, exec, Ct);
        return id;
    }
}
