namespace Cohorts.Domain.Tests.Selection;

/// <summary>Readable application identifiers: App(3) is 00000000-0000-0000-0000-000000000003, and they sort by number.</summary>
internal static class Ids
{
    public static Guid App(int number) => new($"00000000-0000-0000-0000-{number:D12}");
}
