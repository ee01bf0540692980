using System.Globalization;
using Cohorts.Domain.Applications;
using Cohorts.Web.Lists;

namespace Cohorts.Web.Selection;

/// <summary>The ranking's two warnings.</summary>
public enum RankingAlert { Disagreement, MissingReviews }

/// <summary>What the ranking page filters by; the CSV export reads the same URL.</summary>
public sealed record RankingFilter(RankingAlert? Alert, int? AdministrationId, ServiceCategory? Category);

/// <summary>
/// The ranking as a list: computed over the whole cohort (a calibrated score depends on every review), then
/// filtered, sorted and paged in memory. Rows without a score come last whatever the direction.
/// </summary>
public static class RankingList
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly StringComparer Names = StringComparer.Create(French, CompareOptions.IgnoreCase);

    /// <summary>The sort keys of the URL, the default first.</summary>
    public static IReadOnlyList<string> SortKeys { get; } = ["rank", "name", "administration", "category", "reviews", "mean", "calibrated", "final", "spread"];

    public static string Label(RankingAlert flag) => flag switch
    {
        RankingAlert.Disagreement => "Désaccord",
        RankingAlert.MissingReviews => "Évaluations manquantes",
        _ => throw new ArgumentOutOfRangeException(nameof(flag), flag, null),
    };

    public static IEnumerable<RankingAlert> AlertsOf(RankingRow row)
    {
        if (row.Ranked.Disagreement) yield return RankingAlert.Disagreement;
        if (row.Ranked.MissingReviews) yield return RankingAlert.MissingReviews;
    }

    public static IEnumerable<RankingRow> Filtered(this IEnumerable<RankingRow> rows, RankingFilter filter)
    {
        if (filter.Alert is { } alert && Enum.IsDefined(alert))
            rows = rows.Where(r => alert == RankingAlert.Disagreement ? r.Ranked.Disagreement : r.Ranked.MissingReviews);
        if (filter.AdministrationId is { } administration) rows = rows.Where(r => r.AdministrationId == administration);
        if (filter.Category is { } category && Enum.IsDefined(category)) rows = rows.Where(r => r.Category == category);
        return rows;
    }

    /// <summary>Sorted by the chosen column, ties in rank order: the same order from page to page.</summary>
    public static IReadOnlyList<RankingRow> Sorted(this IEnumerable<RankingRow> rows, ListQuery list)
    {
        // The ranking's own order is the last tie-break, unscored rows included.
        var indexed = rows.Select((row, position) => (row, position)).ToList();
        var d = list.Descending;
        IOrderedEnumerable<(RankingRow row, int position)> sorted = list.Sort switch
        {
            "name" => By(indexed, x => x.row.LastName, d, Names).ThenBy(x => x.row.FirstName, d, Names),
            "administration" => By(indexed, x => x.row.Administration, d, Names),
            "category" => ByNullable(indexed, x => x.row.Category, d),
            "reviews" => By(indexed, x => x.row.Ranked.SubmittedReviews, d, Comparer<int>.Default),
            "mean" => ByNullable(indexed, x => x.row.Ranked.WeightedMean, d),
            "calibrated" => ByNullable(indexed, x => x.row.Ranked.Calibrated, d),
            "final" => ByNullable(indexed, x => x.row.Ranked.Final, d),
            "spread" => ByNullable(indexed, x => x.row.Ranked.Spread, d),
            _ => ByNullable(indexed, x => x.row.Ranked.Rank, d),
        };
        return sorted.ThenBy(x => x.position).Select(x => x.row).ToList();
    }

    private static IOrderedEnumerable<T> By<T, TKey>(IEnumerable<T> rows, Func<T, TKey> key, bool descending, IComparer<TKey> comparer) =>
        descending ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer);

    private static IOrderedEnumerable<T> ThenBy<T, TKey>(this IOrderedEnumerable<T> rows, Func<T, TKey> key, bool descending, IComparer<TKey> comparer) =>
        descending ? rows.ThenByDescending(key, comparer) : rows.ThenBy(key, comparer);

    private static IOrderedEnumerable<T> ByNullable<T, TKey>(IEnumerable<T> rows, Func<T, TKey?> key, bool descending) where TKey : struct =>
        rows.OrderBy(r => key(r) is null).ThenBy(r => key(r) ?? default, descending, Comparer<TKey>.Default);

    /// <summary>"3,75", or "—" when there is no score; two decimals, as the committee reads them.</summary>
    public static string Score(double? value) => value is { } v ? v.ToString("0.00", French) : "—";

    public static string Reviews(RankingRow row) => $"{row.Ranked.SubmittedReviews}/{row.Ranked.RequiredReviews}";
}
