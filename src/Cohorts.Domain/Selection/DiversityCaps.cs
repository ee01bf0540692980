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
        MinimumSharePercent.TryGetValue(category, out var percent) && percent > 0 && seats > 0 ? (int)((percent * (long)seats + 99) / 100) : 0;
}

/// <summary>
/// The one cap check of the selection, used by the proposal and by the waitlist promotion alike: who holds a seat
/// (per administration, ministry and category), how many seats are left, and how many candidates of each category
/// are still to come, so that the minimum-share check costs the same for every candidate whatever their number.
/// </summary>
internal sealed class SeatLedger(int seats, DiversityCaps caps)
{
    private static readonly ServiceCategory[] Categories = Enum.GetValues<ServiceCategory>();

    private readonly Dictionary<int, int> perAdministration = [];
    private readonly Dictionary<int, int> perMinistry = [];
    private readonly int[] admittedPerCategory = new int[Categories.Length];
    private readonly int[] remainingPerCategory = new int[Categories.Length];
    private readonly int[] minimumPerCategory = [.. Categories.Select(category => caps.MinimumSeats(category, seats))];
    private int admitted;

    public int SeatsLeft => Math.Max(0, seats - admitted);

    /// <summary>
    /// A seat taken by the committee's forced admission: a deliberate exception to the caps, so it takes a seat and
    /// nothing else: it counts towards no administration or ministry cap and no category minimum, and pushes no one of
    /// its administration out.
    /// </summary>
    public void TakeSeatOnly() => admitted++;

    /// <summary>A seat taken outside <see cref="Fill"/>: an offer already made (it counts towards every cap).</summary>
    public void Admit(AdmissionCandidate candidate)
    {
        admitted++;
        if (candidate.AdministrationId is { } administration) perAdministration[administration] = CountOf(perAdministration, administration) + 1;
        if (candidate.MinistryId is { } ministry) perMinistry[ministry] = CountOf(perMinistry, ministry) + 1;
        if (candidate.Category is { } category) admittedPerCategory[(int)category]++;
    }

    /// <summary>
    /// Fills the seats left from <paramref name="candidates"/>, in their order, at most <paramref name="maxAdmissions"/>:
    /// a candidate is admitted when the hard caps hold and the seats left can still reach every minimum share the
    /// candidates still to come can fill. One passed over for a reserved share comes back, before anyone ranked lower,
    /// as soon as that share can no longer be reached (the last ones of the category fell under a hard cap): the
    /// design's second pass, done at the moment it becomes certain. Candidates not reached (no seat left) have neither.
    /// </summary>
    public (bool Admitted, string? Reason)[] Fill(IReadOnlyList<AdmissionCandidate> candidates, int maxAdmissions = int.MaxValue)
    {
        var outcomes = new (bool Admitted, string? Reason)[candidates.Count];
        foreach (var candidate in candidates)
            if (candidate.Category is { } category) remainingPerCategory[(int)category]++;
        var heldBack = new Queue<int>();
        var admissions = 0;
        bool Open() => SeatsLeft > 0 && admissions < maxAdmissions;

        void TakeBackHeld()
        {
            while (heldBack.Count > 0 && Open())
            {
                var i = heldBack.Peek();
                // Caps only tighten as seats are taken: one now over a cap stays so, with that reason.
                if (CapRefusal(candidates[i]) is { } cap)
                {
                    outcomes[heldBack.Dequeue()] = (false, cap);
                    continue;
                }
                if (ShareRefusal(candidates[i]) is not null) return;
                var unreachable = Categories.Where(c => admittedPerCategory[(int)c] + remainingPerCategory[(int)c] < minimumPerCategory[(int)c]).ToList();
                var note = unreachable.Count switch
                {
                    0 => "Admis au second tour : une place réservée s'est libérée.",
                    1 => $"Admis au second tour : {DescribeMinimums(unreachable)} ne peut pas être atteinte avec les candidats restants.",
                    _ => $"Admis au second tour : {DescribeMinimums(unreachable)} ne peuvent pas être atteintes avec les candidats restants.",
                };
                Admit(candidates[heldBack.Dequeue()]);
                admissions++;
                outcomes[i] = (true, note);
            }
        }

        for (var i = 0; i < candidates.Count && Open(); i++)
        {
            var candidate = candidates[i];
            if (candidate.Category is { } category) remainingPerCategory[(int)category]--;
            if (CapRefusal(candidate) is { } cap)
            {
                outcomes[i] = (false, cap);
                // The only moment a reserved seat can free itself: one of its category passed by, under a cap.
                TakeBackHeld();
            }
            else if (ShareRefusal(candidate) is { } share)
            {
                outcomes[i] = (false, share);
                heldBack.Enqueue(i);
            }
            else
            {
                Admit(candidate);
                admissions++;
                outcomes[i] = (true, null);
            }
        }
        TakeBackHeld();
        return outcomes;
    }

    /// <summary>Why admitting the candidate would break a hard cap (administration, ministry), or null.</summary>
    private string? CapRefusal(AdmissionCandidate candidate)
    {
        if (caps.MaxPerAdministration is { } k && candidate.AdministrationId is { } administration && CountOf(perAdministration, administration) >= k)
            return $"Plafond atteint : {Agents(k)} au plus par administration{Named(candidate.AdministrationName)}";
        if (caps.MaxPerMinistry is { } m && candidate.MinistryId is { } ministry && CountOf(perMinistry, ministry) >= m)
            return $"Plafond atteint : {Agents(m)} au plus par ministère{Named(candidate.MinistryName)}";
        return null;
    }

    /// <summary>
    /// Why admitting the candidate (no longer counted among those to come) would leave too few seats for the minimum
    /// shares the candidates still to come can fill, or null. A candidate of a category still short of its minimum is
    /// never refused for it: they take one of the reserved seats.
    /// </summary>
    private string? ShareRefusal(AdmissionCandidate candidate)
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
        if (reserved < SeatsLeft) return null;
        return reserving!.Count == 1
            ? $"Places réservées à la part minimale de catégorie {Share(reserving[0])}"
            : $"Places réservées aux parts minimales des catégories {Shares(reserving)}";
    }

    /// <summary>« la part minimale de catégorie B (30 %) », « les parts minimales des catégories B (30 %) et C (20 %) ».</summary>
    private string DescribeMinimums(List<ServiceCategory> categories) => categories.Count == 1
        ? $"la part minimale de catégorie {Share(categories[0])}"
        : $"les parts minimales des catégories {Shares(categories)}";

    private string Share(ServiceCategory category) =>
        $"{category} ({caps.MinimumSharePercent[category].ToString(System.Globalization.CultureInfo.InvariantCulture)} %)";

    private string Shares(List<ServiceCategory> categories) =>
        string.Join(", ", categories.Take(categories.Count - 1).Select(Share)) + " et " + Share(categories[^1]);

    private static int CountOf(Dictionary<int, int> counts, int key) => counts.TryGetValue(key, out var count) ? count : 0;

    private static string Agents(int count) => count == 1 ? "1 agent" : $"{count.ToString(System.Globalization.CultureInfo.InvariantCulture)} agents";

    private static string Named(string? name) => string.IsNullOrWhiteSpace(name) ? "" : $" ({name})";
}
