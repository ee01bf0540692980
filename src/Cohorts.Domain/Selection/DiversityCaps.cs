using Cohorts.Domain.Applications;

namespace Cohorts.Domain.Selection;

/// <summary>
/// A candidate for a seat, in rank order. The names, when given, are only for the reasons shown to staff
/// (« … par administration (Direction X) »); the caps count by identifier. A null administration, ministry or
/// category counts towards no cap.
/// </summary>
public sealed record AdmissionCandidate(
    Guid ApplicationId,
    int? AdministrationId,
    int? MinistryId,
    ServiceCategory? Category,
    string? AdministrationName = null,
    string? MinistryName = null);

/// <summary>
/// The cohort's diversity rules: at most so many admitted per administration and per ministry (hard caps), and a
/// minimum share of the seats per category, in percent (a target: met when the candidates allow it).
/// </summary>
public sealed record DiversityCaps(
    int? MaxPerAdministration,
    int? MaxPerMinistry,
    IReadOnlyDictionary<ServiceCategory, int> MinimumSharePercent)
{
    public static DiversityCaps None { get; } = new(null, null, new Dictionary<ServiceCategory, int>());

    /// <summary>The seats a minimum share reserves: ceil(share × seats).</summary>
    public int MinimumSeats(ServiceCategory category, int seats) =>
        MinimumSharePercent.TryGetValue(category, out var percent) && percent > 0 ? (int)Math.Ceiling(percent * (long)seats / 100.0) : 0;
}

/// <summary>
/// The one cap check of the selection, used by the proposal and by the waitlist promotion alike: who holds a seat
/// (per administration, ministry and category), how many seats are left, and how many candidates of each category
/// are still to come, so that the minimum-share check costs the same for every candidate whatever their number.
/// </summary>
internal sealed class SeatLedger
{
    private static readonly ServiceCategory[] Categories = Enum.GetValues<ServiceCategory>();

    private readonly DiversityCaps caps;
    private readonly Dictionary<int, int> perAdministration = [];
    private readonly Dictionary<int, int> perMinistry = [];
    private readonly int[] admittedPerCategory = new int[Categories.Length];
    private readonly int[] remainingPerCategory = new int[Categories.Length];
    private readonly int[] minimumPerCategory = new int[Categories.Length];

    /// <param name="toCome">The candidates who may still take a seat, each later passed once with <see cref="Pass"/>.</param>
    public SeatLedger(int seats, DiversityCaps caps, IEnumerable<AdmissionCandidate> toCome)
    {
        this.caps = caps;
        Seats = seats;
        foreach (var category in Categories) minimumPerCategory[(int)category] = caps.MinimumSeats(category, seats);
        foreach (var candidate in toCome)
            if (candidate.Category is { } category) remainingPerCategory[(int)category]++;
    }

    public int Seats { get; }
    public int Admitted { get; private set; }
    public int SeatsLeft => Math.Max(0, Seats - Admitted);

    public void Admit(AdmissionCandidate candidate)
    {
        Admitted++;
        if (candidate.AdministrationId is { } administration) perAdministration[administration] = CountOf(perAdministration, administration) + 1;
        if (candidate.MinistryId is { } ministry) perMinistry[ministry] = CountOf(perMinistry, ministry) + 1;
        if (candidate.Category is { } category) admittedPerCategory[(int)category]++;
    }

    /// <summary>The candidate is being considered: from now on they are no longer one of those still to come.</summary>
    public void Pass(AdmissionCandidate candidate)
    {
        if (candidate.Category is { } category) remainingPerCategory[(int)category]--;
    }

    /// <summary>Why admitting the candidate would break a hard cap (administration, ministry), or null.</summary>
    public string? CapRefusal(AdmissionCandidate candidate)
    {
        if (caps.MaxPerAdministration is { } k && candidate.AdministrationId is { } administration && CountOf(perAdministration, administration) >= k)
            return $"Plafond atteint : {Agents(k)} au plus par administration{Named(candidate.AdministrationName)}";
        if (caps.MaxPerMinistry is { } m && candidate.MinistryId is { } ministry && CountOf(perMinistry, ministry) >= m)
            return $"Plafond atteint : {Agents(m)} au plus par ministère{Named(candidate.MinistryName)}";
        return null;
    }

    /// <summary>
    /// Why admitting the candidate (already <see cref="Pass"/>ed) would leave too few seats for the minimum shares
    /// the candidates still to come can fill, or null. A candidate of a category still short of its minimum is
    /// never refused for it: they take one of the reserved seats.
    /// </summary>
    public string? ShareRefusal(AdmissionCandidate candidate)
    {
        if (candidate.Category is { } own && admittedPerCategory[(int)own] < minimumPerCategory[(int)own]) return null;
        var reserved = 0;
        List<ServiceCategory>? reserving = null;
        foreach (var category in Categories)
        {
            var c = (int)category;
            var need = Math.Min(Math.Max(0, minimumPerCategory[c] - admittedPerCategory[c]), remainingPerCategory[c]);
            if (need == 0) continue;
            reserved += need;
            (reserving ??= []).Add(category);
        }
        if (reserved <= SeatsLeft - 1) return null;
        return reserving!.Count == 1
            ? $"Places réservées à la part minimale de catégorie {Share(reserving[0])}"
            : $"Places réservées aux parts minimales des catégories {Shares(reserving)}";
    }

    /// <summary>The categories whose minimum share is not reached by those admitted so far.</summary>
    public IReadOnlyList<ServiceCategory> UnmetMinimums() =>
        [.. Categories.Where(category => admittedPerCategory[(int)category] < minimumPerCategory[(int)category])];

    /// <summary>« la part minimale de catégorie B (30 %) », « les parts minimales des catégories B (30 %) et C (20 %) ».</summary>
    public string DescribeMinimums(IReadOnlyList<ServiceCategory> categories) => categories.Count == 1
        ? $"la part minimale de catégorie {Share(categories[0])}"
        : $"les parts minimales des catégories {Shares(categories)}";

    private string Share(ServiceCategory category) =>
        $"{category} ({caps.MinimumSharePercent[category].ToString(System.Globalization.CultureInfo.InvariantCulture)} %)";

    private string Shares(IReadOnlyList<ServiceCategory> categories) =>
        string.Join(", ", categories.Take(categories.Count - 1).Select(Share)) + " et " + Share(categories[^1]);

    private static int CountOf(Dictionary<int, int> counts, int key) => counts.TryGetValue(key, out var count) ? count : 0;

    private static string Agents(int count) => count == 1 ? "1 agent" : $"{count.ToString(System.Globalization.CultureInfo.InvariantCulture)} agents";

    private static string Named(string? name) => string.IsNullOrWhiteSpace(name) ? "" : $" ({name})";
}
