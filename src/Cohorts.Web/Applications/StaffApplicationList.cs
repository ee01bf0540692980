using Cohorts.Domain.Applications;
using Cohorts.Web.Data;
using Cohorts.Web.Lists;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Applications;

/// <summary>What staff filter a cohort's applications by: the list page and its CSV export read the same URL.</summary>
public sealed record StaffApplicationFilter(ApplicationState? State, int? MinistryId, int? AdministrationId, ServiceCategory? Category);

/// <summary>One submitted application as staff lists and exports it.</summary>
public sealed record StaffApplicationRow
{
    public required Guid Id { get; init; }
    public required string FirstName { get; init; }
    public required string LastName { get; init; }
    public required string ProfessionalEmail { get; init; }
    public required int? AdministrationId { get; init; }
    public required string? Administration { get; init; }
    public required string UnlistedAdministration { get; init; }
    public required int? MinistryId { get; init; }
    public required string? Ministry { get; init; }
    public required string? MinistryAcronym { get; init; }
    public required ServiceCategory? Category { get; init; }
    public required string Grade { get; init; }
    public required string Position { get; init; }
    public required ApplicationState State { get; init; }
    public required DateTimeOffset? SubmittedAt { get; init; }

    public string Name => $"{FirstName} {LastName}";
}

/// <summary>
/// A cohort's submitted applications, filtered, searched and sorted in one SQL query: the administration and its
/// ministry are joined once (not looked up per row). Drafts are the candidate's until submitted: staff never see
/// them, nor a draft withdrawn before it was sent.
/// </summary>
public static class StaffApplicationList
{
    /// <summary>The sort keys of the URL, the default first.</summary>
    public static IReadOnlyList<string> SortKeys { get; } = ["name", "administration", "ministry", "category", "state", "submitted"];

    public static IQueryable<StaffApplicationRow> Query(CohortsDbContext db, int cohortId, StaffApplicationFilter filter, string search)
    {
        var applications = db.Applications.AsNoTracking().Where(a => a.CohortId == cohortId && a.SubmittedAt != null);
        if (filter.State is { } state && Enum.IsDefined(state)) applications = applications.Where(a => a.State == state);
        if (filter.Category is { } category && Enum.IsDefined(category)) applications = applications.Where(a => a.Category == category);
        if (filter.AdministrationId is { } administration) applications = applications.Where(a => a.AdministrationId == administration);
        if (search.Length > 0)
            applications = applications.Where(a => EF.Functions.Like(EF.Property<string>(a, SearchText.Column), SearchText.Contains(search), SearchText.LikeEscape));
        var rows =
            from a in applications
            join x in db.Administrations on a.AdministrationId equals x.Id into administrations
            from x in administrations.DefaultIfEmpty()
            select new StaffApplicationRow
            {
                Id = a.Id,
                FirstName = a.FirstName,
                LastName = a.LastName,
                ProfessionalEmail = a.ProfessionalEmail,
                AdministrationId = a.AdministrationId,
                Administration = x.Name,
                UnlistedAdministration = a.UnlistedAdministration,
                MinistryId = x.MinistryId,
                Ministry = x.Ministry.Name,
                MinistryAcronym = x.Ministry.Acronym,
                Category = a.Category,
                Grade = a.Grade,
                Position = a.Position,
                State = a.State,
                SubmittedAt = a.SubmittedAt,
            };
        if (filter.MinistryId is { } ministry) rows = rows.Where(r => r.MinistryId == ministry);
        return rows;
    }

    /// <summary>
    /// Sorted by the chosen column, then by name and id: rows that tie keep one order from page to page, so
    /// none is shown twice or skipped.
    /// </summary>
    public static IOrderedQueryable<StaffApplicationRow> Sorted(this IQueryable<StaffApplicationRow> rows, ListQuery list)
    {
        var d = list.Descending;
        var first = list.Sort switch
        {
            "administration" => rows.OrderBy(r => r.Administration, d),
            "ministry" => rows.OrderBy(r => r.MinistryAcronym, d),
            "category" => rows.OrderBy(r => r.Category, d),
            "state" => rows.OrderBy(r => r.State, d),
            "submitted" => rows.OrderBy(r => r.SubmittedAt, d),
            _ => null,
        };
        return (first is null ? rows.OrderBy(r => r.LastName, d) : first.ThenBy(r => r.LastName, d))
            .ThenBy(r => r.FirstName, d).ThenBy(r => r.Id, d);
    }
}
