namespace Cohorts.Web.Selection;

/// <summary>Where a reviewer stands on one assignment, as "Mes évaluations" and the review page show it.</summary>
public enum ReviewStatus { ToDo, Draft, Submitted }

public static class ReviewStatuses
{
    public static ReviewStatus Of(bool started, bool submitted) =>
        submitted ? ReviewStatus.Submitted : started ? ReviewStatus.Draft : ReviewStatus.ToDo;

    public static string Label(ReviewStatus status) => status switch
    {
        ReviewStatus.ToDo => "À faire",
        ReviewStatus.Draft => "Brouillon",
        ReviewStatus.Submitted => "Soumise",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The DSFR badge colour: what is left to do stands out.</summary>
    public static string Badge(ReviewStatus status) => status switch
    {
        ReviewStatus.ToDo => "fr-badge--warning",
        ReviewStatus.Draft => "fr-badge--info",
        _ => "fr-badge--success",
    };
}
