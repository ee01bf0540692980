using Cohorts.Domain.Applications;

namespace Cohorts.Web.Pages;

/// <summary>An application's history as a timeline (partial <c>_History</c>), for the candidate and for staff.</summary>
public sealed record HistoryModel(IEnumerable<ApplicationTransition> Lines);
