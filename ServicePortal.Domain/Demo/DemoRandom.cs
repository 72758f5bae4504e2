namespace ServicePortal.Domain.Demo;

/// <summary>
/// The one source of randomness of the demo data: a seeded <see cref="Random"/>, so the same seed
/// (and the same clock) gives the same data every time.
/// </summary>
internal sealed class DemoRandom(int seed)
{
    private readonly Random _random = new(seed);

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    public int Between(int min, int maxInclusive) => _random.Next(min, maxInclusive + 1);

    public double NextDouble() => _random.NextDouble();

    public double Between(double min, double max) => min + (_random.NextDouble() * (max - min));

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public string Digits(int count)
    {
        Span<char> digits = stackalloc char[count];
        for (var i = 0; i < count; i++) digits[i] = (char)('0' + _random.Next(10));
        return new string(digits);
    }
}

/// <summary>Items with relative weights, picked in proportion to their weight.</summary>
internal sealed class Weighted<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public Weighted(params (T Item, double Weight)[] items)
    {
        _items = items.Select(i => i.Item).ToArray();
        _cumulative = new double[items.Length];
        var sum = 0.0;
        for (var i = 0; i < items.Length; i++) _cumulative[i] = sum += items[i].Weight;
    }

    public IReadOnlyList<T> Items => _items;

    public T Pick(DemoRandom random)
    {
        var x = random.NextDouble() * _cumulative[^1];
        var i = Array.BinarySearch(_cumulative, x);
        i = i < 0 ? ~i : i + 1;
        return _items[Math.Min(i, _items.Length - 1)];
    }
}
