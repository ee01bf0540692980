using Cohorts.Web.Tests.Support;

namespace Cohorts.Web.Tests.Hosting;

/// <summary>What a refused form says: one message per problem, in the order of the form, in French.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class FormMessagesTests(CohortsApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_empty_registration_says_each_missing_field_once_in_the_order_of_the_form()
    {
        var page = await Forms.PostAndReadAsync(app.Client(), "/inscription", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "", ["Input.LastName"] = "", ["Input.Email"] = "", ["Input.Password"] = "", ["Input.ConfirmPassword"] = "",
        });

        var start = page.IndexOf("id=\"erreurs\"", StringComparison.Ordinal);
        var summary = page[start..page.IndexOf("</ul>", start, StringComparison.Ordinal)];
        string[] expected =
        [
            "Indiquez votre prénom.", "Indiquez votre nom.", "Indiquez votre adresse électronique professionnelle.",
            "Choisissez un mot de passe.", "Saisissez à nouveau le mot de passe.",
        ];
        Assert.Equal(expected.Select(m => summary.IndexOf(m, StringComparison.Ordinal)).Order(), expected.Select(m => summary.IndexOf(m, StringComparison.Ordinal)));
        Assert.DoesNotContain(-1, expected.Select(m => summary.IndexOf(m, StringComparison.Ordinal)));
        Assert.DoesNotContain("Le format de l'adresse électronique", page, StringComparison.Ordinal);
    }
}
