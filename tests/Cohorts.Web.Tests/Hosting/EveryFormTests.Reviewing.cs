using System.Globalization;
using Cohorts.Domain.Selection;
using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Hosting;

/// <summary>The reviewer's forms: a review, a conflict of interest.</summary>
public sealed partial class EveryFormTests
{
    /// <summary>
    /// A reviewer with an application under review assigned to them, in the scenario's cohort with a rubric; a second
    /// member of the committee to take it over after a conflict. Returns the reviewer's client and the assignment.
    /// </summary>
    private async Task<(HttpClient Reviewer, Guid Assignment, IReadOnlyList<int> Criteria)> AssignedReviewAsync()
    {
        var applicationId = await _scenario.SubmitAsync(await _scenario.SignedInAsync("camille@numerique.gouv.fr"));
        var reviewer = await _scenario.SignedInAsync("jury@numerique.gouv.fr", Roles.Reviewer, "Jeanne", "Jury");
        var other = await app.CreateUserAsync("jury2@numerique.gouv.fr", ApplicationScenario.Password, Roles.Reviewer, firstName: "Jules", lastName: "Jury");
        var now = app.Clock.GetUtcNow();
        var (assignment, criteria) = await app.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE applications SET state = 'UnderReview' WHERE id = {0}", applicationId);
            string[] levels = ["Insuffisant", "Fragile", "Correct", "Solide", "Remarquable"];
            var rubric = Rubric.Create(_scenario.ProgramId, 1, 5, 0,
                [new("Motivation", "", 2, levels), new("Adéquation", "", 1, levels), new("Diffusion", "", 1, levels)], now);
            db.Rubrics.Add(rubric);
            db.SelectionSettings.Add(SelectionSettings.For(_scenario.CohortId));
            var reviewerId = await db.Users.Where(u => u.Email == "jury@numerique.gouv.fr").Select(u => u.Id).SingleAsync();
            db.CommitteeMembers.AddRange(new CommitteeMember(_scenario.CohortId, reviewerId, now), new CommitteeMember(_scenario.CohortId, other.Id, now));
            var assignment = ReviewAssignment.Create(_scenario.CohortId, applicationId, reviewerId, now);
            db.ReviewAssignments.Add(assignment);
            await db.SaveChangesAsync();
            return (assignment.Id, rubric.Criteria.OrderBy(c => c.Position).Select(c => c.Id).ToList());
        });
        return (reviewer, assignment, criteria);
    }

    /// <summary>A review with every criterion scored; each post is made at the review's current version, as a fresh form would be.</summary>
    private async Task<Target> ReviewAsync(string handler)
    {
        var (reviewer, assignment, criteria) = await AssignedReviewAsync();
        var fields = new Dictionary<string, string> { ["Comment"] = "Un dossier solide.", ["Version"] = "" };
        for (var k = 0; k < criteria.Count; k++)
        {
            fields[$"Scores[{k}].CriterionId"] = criteria[k].ToString(CultureInfo.InvariantCulture);
            fields[$"Scores[{k}].Score"] = "3";
            fields[$"Scores[{k}].Comment"] = "Convaincant.";
        }
        var page = $"/evaluations/{assignment}";
        return new Target(reviewer, $"{page}?handler={handler}", page, fields)
        {
            BeforeEachPost = async target => target.Fields["Version"] = await app.WithDbAsync(db => db.Reviews.Where(r => r.AssignmentId == assignment)
                .Select(r => r.Version.ToString(CultureInfo.InvariantCulture)).SingleOrDefaultAsync()) ?? "",
        };
    }

    /// <summary>A conflict declaration; each post finds the assignment given back to the reviewer and no reassignment.</summary>
    private async Task<Target> ConflictAsync()
    {
        var (reviewer, assignment, _) = await AssignedReviewAsync();
        var page = $"/evaluations/{assignment}/conflit";
        return new Target(reviewer, page, page, new() { ["Reason"] = "J'ai travaillé avec cette personne." })
        {
            BeforeEachPost = _ => app.WithDbAsync(async db =>
            {
                await db.ConflictsOfInterest.ExecuteDeleteAsync();
                await db.ReviewAssignments.Where(a => a.Id != assignment).ExecuteDeleteAsync();
                return await db.ReviewAssignments.Where(a => a.Id == assignment)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.RemovedAt, (DateTimeOffset?)null).SetProperty(a => a.Removal, (AssignmentRemoval?)null));
            }),
        };
    }

    [Fact]
    public async Task Every_corpus_value_in_every_GET_parameter_of_the_reviewers_list_is_answered_without_a_server_error()
    {
        var (reviewer, _, _) = await AssignedReviewAsync();
        var values = BadInput.Strings.Select(v => (v.Name, v.Text)).Concat([("négatif", "-1"), ("zéro", "0"), ("énorme", "99999999999999999999")]);
        foreach (var parameter in new[] { "Sort", "Order", "PageNumber" })
        foreach (var (name, text) in values)
        {
            using var response = await reviewer.GetAsync($"/evaluations?{parameter}={Uri.EscapeDataString(text)}");
            var body = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"/evaluations with {parameter} = {name}: HTTP {(int)response.StatusCode}");
            Assert.Contains("Camille Durand", body, StringComparison.Ordinal);
            Assert.False(Trace().IsMatch(body), $"/evaluations with {parameter} = {name}: the page shows a stack trace");
            Assert.False(English().IsMatch(body), $"/evaluations with {parameter} = {name}: an English message: {English().Match(body).Value}");
        }
    }
}
