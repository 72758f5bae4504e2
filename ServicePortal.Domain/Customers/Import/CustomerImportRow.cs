using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Imports;

namespace ServicePortal.Domain.Customers.Import;

/// <summary>A data row read into the inputs of a new file (open fields, basic data, one contact, one product), with every problem.</summary>
internal sealed class CustomerImportRow(ImportSheetRow<CustomerImportColumn> sheet)
{
    public ImportSheetRow<CustomerImportColumn> Sheet { get; } = sheet;
    public int Row => Sheet.Row;
    public List<CustomerImportProblem> Problems { get; } = [];
    public CustomerInput Input { get; set; } = new();
    public ContactInput? Contact { get; set; }
    public ProductInput? Product { get; set; }
    /// <summary>The name as duplicate detection compares it.</summary>
    public string NameKey { get; set; } = "";
    /// <summary>What the possible duplicates are (for the file's history when the user imports anyway).</summary>
    public List<string> DuplicateNotes { get; } = [];

    public bool Blocked(bool duplicatesConfirmed) => Problems.Any(p => !p.Duplicate || !duplicatesConfirmed);

    public string Text(CustomerImportColumn column) => ImportWorkbookReader.Text(Sheet.Cells.GetValueOrDefault(column));

    public bool Has(CustomerImportColumn column) => !ImportWorkbookReader.IsBlank(Sheet.Cells.GetValueOrDefault(column));

    public void Error(CustomerImportColumn? column, string message) =>
        Problems.Add(new CustomerImportProblem(Row, column is { } c ? CustomerImportColumns.Header(c) : "", message, false));

    public void Duplicate(CustomerImportColumn column, string message, string note)
    {
        Problems.Add(new CustomerImportProblem(Row, CustomerImportColumns.Header(column), message, true));
        DuplicateNotes.Add(note);
    }
}

/// <summary>
/// Reads one data row: Chinese names to values, dates; then the rules of a file through
/// <see cref="CustomerFileValidator"/> (open fields, basic data, contact, product), each message under its column.
/// </summary>
internal sealed class CustomerImportParser(DateOnly today, bool mayAddContacts, string contactsRefusal)
{
    private static readonly Dictionary<string, CustomerImportColumn> OpenFields = new(StringComparer.Ordinal)
    {
        ["kind"] = CustomerImportColumn.Kind, ["name"] = CustomerImportColumn.Name, ["phone"] = CustomerImportColumn.Phone,
        ["address"] = CustomerImportColumn.Address, ["serviceArea"] = CustomerImportColumn.ServiceArea,
        ["industry"] = CustomerImportColumn.Industry, ["scale"] = CustomerImportColumn.Scale, ["qualifications"] = CustomerImportColumn.Qualifications,
        ["businessNotes"] = CustomerImportColumn.BusinessNotes, ["creditClass"] = CustomerImportColumn.CreditClass,
        ["customerSince"] = CustomerImportColumn.CustomerSince, ["foundedOn"] = CustomerImportColumn.FoundedOn,
    };

    private static readonly Dictionary<string, CustomerImportColumn> ContactFields = new(StringComparer.Ordinal)
    {
        ["name"] = CustomerImportColumn.ContactName, ["role"] = CustomerImportColumn.ContactRole,
        ["phone"] = CustomerImportColumn.ContactPhone, ["email"] = CustomerImportColumn.ContactEmail, ["notes"] = CustomerImportColumn.ContactName,
    };

    private static readonly Dictionary<string, CustomerImportColumn> ProductFields = new(StringComparer.Ordinal)
    {
        ["model"] = CustomerImportColumn.ProductModel, ["serialNumber"] = CustomerImportColumn.SerialNumber, ["warrantyEnd"] = CustomerImportColumn.WarrantyEnd,
    };

    private static readonly CustomerImportColumn[] ContactColumns =
        [CustomerImportColumn.ContactName, CustomerImportColumn.ContactRole, CustomerImportColumn.ContactPhone, CustomerImportColumn.ContactEmail];

    private static readonly CustomerImportColumn[] ProductColumns =
    [
        CustomerImportColumn.ProductModel, CustomerImportColumn.SerialNumber, CustomerImportColumn.InstalledOn,
        CustomerImportColumn.PurchasedOn, CustomerImportColumn.WarrantyEnd,
    ];

    public CustomerImportRow Parse(ImportSheetRow<CustomerImportColumn> sheet)
    {
        var r = new CustomerImportRow(sheet);
        var own = new HashSet<CustomerImportColumn>(); // read failures: the validator is not asked again about them
        void Fail(CustomerImportColumn column, string message)
        {
            r.Error(column, message);
            own.Add(column);
        }

        var name = r.Text(CustomerImportColumn.Name);
        if (name.StartsWith("示例", StringComparison.Ordinal))
        {
            r.Error(null, "这是模板中的示例行，请删除后再导入");
            return r;
        }

        var kindText = r.Text(CustomerImportColumn.Kind);
        var kind = CustomerImportColumns.Kind(kindText);
        if (kindText.Length > 0 && kind is null) Fail(CustomerImportColumn.Kind, $"“{kindText}”无效，应为 个人 或 机构");
        var key = YesNo(r, CustomerImportColumn.KeyCustomer, Fail);
        var foreign = YesNo(r, CustomerImportColumn.Foreign, Fail);
        var creditText = r.Text(CustomerImportColumn.CreditClass);
        var credit = CustomerImportColumns.Credit(creditText);
        if (creditText.Length > 0 && credit is null) Fail(CustomerImportColumn.CreditClass, $"“{creditText}”无效，信用等级只能是 A、B、C 或 D");

        r.Input = new CustomerInput
        {
            Kind = kind, Name = name, Phone = r.Text(CustomerImportColumn.Phone), Address = r.Text(CustomerImportColumn.Address),
            ServiceArea = r.Text(CustomerImportColumn.ServiceArea), IsKeyCustomer = key ?? false, IsForeign = foreign ?? false,
            Basic = new CustomerBasicInput
            {
                Industry = r.Text(CustomerImportColumn.Industry), Scale = r.Text(CustomerImportColumn.Scale),
                Qualifications = r.Text(CustomerImportColumn.Qualifications), BusinessNotes = r.Text(CustomerImportColumn.BusinessNotes),
                CreditClass = credit,
                CustomerSince = Date(r, CustomerImportColumn.CustomerSince, Fail), FoundedOn = Date(r, CustomerImportColumn.FoundedOn, Fail),
            },
        };
        r.NameKey = CustomerFileValidator.NormalizeName(name);

        Report(r, CustomerFileValidator.ValidateOpen(r.Input), OpenFields, own);
        Report(r, CustomerFileValidator.ValidateBasic(r.Input.Basic, today), OpenFields, own);

        if (ContactColumns.Any(r.Has))
        {
            if (!mayAddContacts) r.Error(CustomerImportColumn.ContactName, contactsRefusal);
            else
            {
                r.Contact = new ContactInput(r.Text(CustomerImportColumn.ContactName), r.Text(CustomerImportColumn.ContactRole),
                    r.Text(CustomerImportColumn.ContactPhone), r.Text(CustomerImportColumn.ContactEmail), "", false);
                Report(r, CustomerFileValidator.ValidateContact(r.Contact), ContactFields, own);
            }
        }

        if (ProductColumns.Any(r.Has))
        {
            r.Product = new ProductInput(r.Text(CustomerImportColumn.ProductModel), r.Text(CustomerImportColumn.SerialNumber),
                Date(r, CustomerImportColumn.InstalledOn, Fail), Date(r, CustomerImportColumn.PurchasedOn, Fail), Date(r, CustomerImportColumn.WarrantyEnd, Fail));
            Report(r, CustomerFileValidator.ValidateProduct(r.Product), ProductFields, own);
        }
        return r;
    }

    private static void Report(CustomerImportRow r, Dictionary<string, string[]> errors, Dictionary<string, CustomerImportColumn> fields, HashSet<CustomerImportColumn> own)
    {
        foreach (var (field, messages) in errors)
        {
            var column = fields[field];
            if (own.Contains(column)) continue;
            foreach (var message in messages) r.Error(column, message);
        }
    }

    private static bool? YesNo(CustomerImportRow r, CustomerImportColumn column, Action<CustomerImportColumn, string> fail)
    {
        if (!r.Has(column)) return null;
        var value = ImportColumns.YesNo(r.Text(column));
        if (value is null) fail(column, $"“{r.Text(column)}”无效，应为 是 或 否");
        return value;
    }

    private static DateOnly? Date(CustomerImportRow r, CustomerImportColumn column, Action<CustomerImportColumn, string> fail)
    {
        if (!r.Has(column)) return null;
        var value = CustomerImportColumns.Date(r.Sheet.Cells[column], CustomerImportColumns.Header(column), out var error);
        if (error is not null) fail(column, error);
        return value;
    }
}
