namespace ServicePortal.Domain.Customers;

public enum CustomerKind { Person, Organisation }

/// <summary>信用等级 (A best … D worst).</summary>
public enum CreditClass { A, B, C, D }

public enum CooperationKind { Contract, Volume, Terms, CreditProblem, Other }

/// <summary>
/// 密级 (seed 001 2.9.2). Ordered: a level lets one see everything at or below it. <see cref="Open"/> is
/// what the desk's work needs and is not classified.
/// </summary>
public enum Confidentiality { Open = 0, Secret = 1, Confidential = 2, TopSecret = 3 }

/// <summary>The parts of a customer file that carry a level; the defaults are configurable (ArchiveSettings).</summary>
public enum CustomerPart { Basic, Contacts, Cooperation }

public static class CustomerEnumNames
{
    public static string Chinese(this CustomerKind k) => k switch
    {
        CustomerKind.Person => "个人",
        CustomerKind.Organisation => "机构",
        _ => k.ToString(),
    };

    public static string Chinese(this Confidentiality c) => c switch
    {
        Confidentiality.Open => "公开",
        Confidentiality.Secret => "秘密",
        Confidentiality.Confidential => "机密",
        Confidentiality.TopSecret => "绝密",
        _ => c.ToString(),
    };

    public static string Chinese(this CustomerPart p) => p switch
    {
        CustomerPart.Basic => "基本资料",
        CustomerPart.Contacts => "联系人",
        CustomerPart.Cooperation => "合作记录",
        _ => p.ToString(),
    };

    public static string Chinese(this CooperationKind k) => k switch
    {
        CooperationKind.Contract => "合同",
        CooperationKind.Volume => "业务量",
        CooperationKind.Terms => "交易条件",
        CooperationKind.CreditProblem => "信用问题",
        CooperationKind.Other => "其他",
        _ => k.ToString(),
    };

    public static string Chinese(this CreditClass c) => $"{c} 级";
}
