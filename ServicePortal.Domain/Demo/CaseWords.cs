using System.Globalization;
using System.Text;

namespace ServicePortal.Domain.Demo;

/// <summary>
/// The variable parts of one case (product, technician, amount, dates …), chosen on first use and
/// then kept, so the content, the request and the history of a case speak of the same things.
/// </summary>
internal sealed class CaseWords(DemoRandom random, DateTime receivedLocal, bool company)
{
    private readonly Dictionary<string, string> _chosen = new(StringComparer.Ordinal);
    private DemoProduct? _product;

    /// <summary>The largest amount (yuan) chosen for this case that <paramref name="text"/> mentions, or 0.</summary>
    public int AmountIn(string text)
    {
        var amount = 0;
        foreach (var token in (ReadOnlySpan<string>)["金额", "大额"])
        {
            if (_chosen.TryGetValue(token, out var value) && text.Contains(value, StringComparison.Ordinal))
                amount = Math.Max(amount, int.Parse(value, CultureInfo.InvariantCulture));
        }
        return amount;
    }

    /// <summary>Fixes a word before the texts use it (a repair's product, the technician a complaint names).</summary>
    public void Choose(string token, string word) => _chosen[token] = word;

    public string Fill(string template)
    {
        if (!template.Contains('{', StringComparison.Ordinal)) return template;
        var sb = new StringBuilder(template.Length + 16);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0) { sb.Append(template, i, template.Length - i); break; }
            var close = template.IndexOf('}', open);
            sb.Append(template, i, open - i);
            sb.Append(Word(template.Substring(open + 1, close - open - 1)));
            i = close + 1;
        }
        return sb.ToString();
    }

    private string Word(string token)
    {
        if (_chosen.TryGetValue(token, out var word)) return word;
        word = token switch
        {
            "产品" => Product(ComplaintTexts.Products).Name,
            "空调" => Product(ComplaintTexts.AirProducts).Name,
            "型号" => random.Pick(Product(ComplaintTexts.Products).Models),
            "日期" => receivedLocal.AddDays(-random.Between(1, 15)).ToString("M月d日", CultureInfo.InvariantCulture),
            "时段" => random.Pick(ComplaintTexts.DayTimes),
            "师傅" => DemoCustomers.Surname(random) + "师傅",
            "金额" => AmountText(),
            "大额" => (random.Between(30, 800) * 100).ToString(CultureInfo.InvariantCulture),
            "天数" => random.Between(2, 10).ToString(CultureInfo.InvariantCulture),
            "次数" => random.Pick(ComplaintTexts.Counts),
            "房间" => random.Pick(company ? ComplaintTexts.OfficeRooms : ComplaintTexts.HomeRooms),
            "小时" => random.Between(2, 5).ToString(CultureInfo.InvariantCulture),
            "代码" => random.Pick(ComplaintTexts.FaultCodes),
            "月数" => random.Between(3, 8).ToString(CultureInfo.InvariantCulture),
            _ => throw new InvalidOperationException($"Unknown placeholder {{{token}}}"),
        };
        _chosen[token] = word;
        return word;
    }

    /// <summary>One product per case, whichever placeholder names it first.</summary>
    private DemoProduct Product(DemoProduct[] candidates) => _product ??= random.Pick(candidates);

    /// <summary>Mostly a few hundred yuan, sometimes a few thousand, in tens.</summary>
    private string AmountText()
    {
        var yuan = random.Chance(0.75) ? random.Between(8, 60) * 10 : random.Between(60, 600) * 10;
        return yuan.ToString(CultureInfo.InvariantCulture);
    }
}
