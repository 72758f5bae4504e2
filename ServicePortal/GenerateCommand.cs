namespace ServicePortal;

/// <summary>`dotnet run --project ServicePortal -- generate …`: fills a database with generated complaints for benchmarks.</summary>
internal static class GenerateCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("generate: not implemented yet");
        return Task.FromResult(2);
    }
}
