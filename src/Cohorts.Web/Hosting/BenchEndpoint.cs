using System.Net;
using System.Text;
using Cohorts.Domain.Applications;
using Cohorts.Web.Pages;
using Npgsql;

namespace Cohorts.Web.Hosting;

/// <summary>
/// The benchmark's yardstick (tests/Cohorts.Benchmarks): page 1 of a cohort's applications as one hand-written SQL
/// query through Npgsql, written as the same HTML table, in the same process and behind the same sign-in. Mapped
/// only when COHORTS_BENCH=1 outside Production: it is a measuring rod, not a page.
/// </summary>
public static class BenchEndpoint
{
    private const string Sql = """
        SELECT a.id, a.first_name, a.last_name, x.name, m.acronym, a.category, a.state, a.submitted_at, count(*) OVER ()
        FROM applications a
        LEFT JOIN administrations x ON x.id = a.administration_id
        LEFT JOIN ministries m ON m.id = x.ministry_id
        WHERE a.cohort_id = $1 AND a.submitted_at IS NOT NULL
        ORDER BY a.last_name, a.first_name, a.id
        LIMIT 50
        """;

    public static void MapBenchEndpointIfAsked(this WebApplication app)
    {
        if (app.Configuration["COHORTS_BENCH"] != "1" || app.Environment.IsProduction()) return;
        var dataSource = NpgsqlDataSource.Create(CohortsServices.ConnectionString(app.Configuration));
        app.MapGet("/bench/promotions/{id:int}/candidatures", async (int id, HttpContext context) =>
        {
            var html = new StringBuilder("<!DOCTYPE html><html lang=\"fr\"><body><div class=\"fr-table\"><table id=\"candidatures\"><tbody>");
            var total = 0L;
            await using (var command = dataSource.CreateCommand(Sql))
            {
                command.Parameters.AddWithValue(id);
                await using var reader = await command.ExecuteReaderAsync(context.RequestAborted);
                while (await reader.ReadAsync(context.RequestAborted))
                {
                    total = reader.GetInt64(8);
                    var state = Enum.Parse<ApplicationState>(reader.GetString(6));
                    html.Append("<tr><td><a href=\"/gestion/candidatures/").Append(reader.GetGuid(0)).Append("\">")
                        .Append(WebUtility.HtmlEncode(reader.GetString(1) + " " + reader.GetString(2))).Append("</a></td><td>")
                        .Append(WebUtility.HtmlEncode(reader.IsDBNull(3) ? "" : reader.GetString(3))).Append("</td><td>")
                        .Append(WebUtility.HtmlEncode(reader.IsDBNull(4) ? "" : reader.GetString(4))).Append("</td><td>")
                        .Append(reader.IsDBNull(5) ? "" : reader.GetString(5)).Append("</td><td><p class=\"fr-badge fr-badge--sm ")
                        .Append(StateBadge.For(state)).Append("\">").Append(WebUtility.HtmlEncode(ApplicationWorkflow.Label(state))).Append("</p></td><td>")
                        .Append(reader.IsDBNull(7) ? "" : Display.DateTime(reader.GetFieldValue<DateTimeOffset>(7))).Append("</td></tr>");
                }
            }
            html.Append("</tbody><caption>").Append(total).Append(" candidature(s)</caption></table></div></body></html>");
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(html.ToString(), context.RequestAborted);
        }).RequireAuthorization(Policies.Staff);
    }
}
