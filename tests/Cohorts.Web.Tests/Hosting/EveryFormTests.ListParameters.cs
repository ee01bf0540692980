using System.Net;
using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Support;

namespace Cohorts.Web.Tests.Hosting;

/// <summary>The staff lists read their page, sort, search and filters from the URL: each corpus value in each of them.</summary>
public sealed partial class EveryFormTests
{
    private static readonly string[] ApplicationListParameters = ["State", "Ministry", "Administration", "Category", "Search", "Sort", "Order", "PageNumber"];
    private static readonly string[] AccountListParameters = ["Role", "Search", "Sort", "Order", "PageNumber"];
    private static readonly string[] CommitteeListParameters = ["Search", "Sort", "Order", "PageNumber", "Candidature"];
    private static readonly string[] MailJournalParameters = ["cohorte", "kind", "state", "Search", "PageNumber"];
    private static readonly string[] RankingListParameters = ["Alert", "Administration", "Category", "Sort", "Order", "PageNumber"];

    [Fact]
    public async Task Every_corpus_value_in_every_GET_parameter_of_the_staff_lists_is_answered_without_a_server_error()
    {
        await _scenario.SubmitAsync(await _scenario.SignedInAsync("a@numerique.gouv.fr"), firstName: "Alice", lastName: "Soumise");
        var admin = await _scenario.SignedInAsync("admin@cohorts.test", Roles.Admin, "Ada", "Admin");
        var lists = new[]
        {
            ($"/gestion/promotions/{_scenario.CohortId}/candidatures", ApplicationListParameters),
            ($"/gestion/promotions/{_scenario.CohortId}/candidatures/export.csv", ApplicationListParameters),
            ("/admin/comptes", AccountListParameters),
            ($"/gestion/promotions/{_scenario.CohortId}/jury", CommitteeListParameters),
            ($"/gestion/promotions/{_scenario.CohortId}/classement", RankingListParameters),
            ($"/gestion/promotions/{_scenario.CohortId}/classement/export.csv", RankingListParameters),
            ($"/gestion/promotions/{_scenario.CohortId}/proposition", ["Confirm", "PageNumber"]),
            ("/gestion/courriels", MailJournalParameters),
            ($"/gestion/promotions/{_scenario.CohortId}/seances", ["vue", "semaine"]),
        };
        var values = BadInput.Strings.Select(v => (v.Name, v.Text)).Concat([("négatif", "-1"), ("zéro", "0"), ("énorme", "99999999999999999999")]);
        foreach (var (path, parameters) in lists)
        foreach (var parameter in parameters)
        foreach (var (name, text) in values)
        {
            var url = $"{path}?{parameter}={Uri.EscapeDataString(text)}";
            using var response = await admin.GetAsync(url);
            var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} with {parameter} = {name}: HTTP {(int)response.StatusCode}");
            Assert.False(Trace().IsMatch(body), $"{path} with {parameter} = {name}: the page shows a stack trace");
            Assert.False(English().IsMatch(body), $"{path} with {parameter} = {name}: an English message: {English().Match(body).Value}");
        }
    }
}
