using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cohorts.Web.Tests.Support.ApplicationScenario;

namespace Cohorts.Web.Tests.Hosting;

/// <summary>
/// Every form of the app, posted as a careless or hostile user would: all fields empty, none at all, each one
/// missing, each one filled with every value of the bad-input corpus (and every corpus file where a file is
/// asked for). No answer is a server error; what is refused is refused in French.
/// </summary>
[Collection(AppFixtureGroup.Name)]
public sealed partial class EveryFormTests(CohortsApp app) : IAsyncLifetime
{
    private readonly ApplicationScenario _scenario = new(app);

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        await _scenario.SeedAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Where a form is posted, by whom, and a filling it accepts; <see cref="BeforeEachPost"/> puts back what a post used up.</summary>
    private sealed record Target(HttpClient Client, string Url, string FormPage, Dictionary<string, string> Fields)
    {
        public string? FileField { get; init; }
        public Func<Target, Task>? BeforeEachPost { get; init; }
    }

    /// <summary>A POST handler of the app, named "PageModel type (below Pages).handler method", and how to reach it.</summary>
    private sealed record Form(string Handler, Func<EveryFormTests, Task<Target>> Reach, bool RefusesEmpty = true);

    private static readonly Form[] All =
    [
        new("Account.LoginModel.OnPostAsync", t => t.AnonymousAsync("/connexion", new()
        {
            ["Input.Email"] = "camille@numerique.gouv.fr", ["Input.Password"] = Password, ["ReturnUrl"] = "/candidatures",
        }, createCandidate: true)),
        new("Account.RegisterModel.OnPostAsync", t => t.AnonymousAsync("/inscription", new()
        {
            ["Input.FirstName"] = "Camille", ["Input.LastName"] = "Durand", ["Input.Email"] = "nouvelle@numerique.gouv.fr",
            ["Input.Password"] = Password, ["Input.ConfirmPassword"] = Password,
        })),
        new("Account.ForgotPasswordModel.OnPostAsync", t => t.AnonymousAsync("/mot-de-passe/oublie", new() { ["Email"] = "camille@numerique.gouv.fr" }, createCandidate: true)),
        new("Account.ResendConfirmationModel.OnPostAsync", t => t.AnonymousAsync("/confirmation/renvoyer", new() { ["Email"] = "camille@numerique.gouv.fr" })),
        new("Account.ResetPasswordModel.OnPostAsync", t => t.ResetPasswordAsync()),
        new("Account.LogoutModel.OnPostAsync", t => t.SignedInAsync("/deconnexion", "/candidatures", new()), RefusesEmpty: false),
        new("Admin.Users.CreateModel.OnPostAsync", t => t.SignedInAsync("/admin/comptes/nouveau", null, new()
        {
            ["Input.FirstName"] = "Claire", ["Input.LastName"] = "Coach", ["Input.Email"] = "claire.coach@numerique.gouv.fr", ["Input.Roles"] = Roles.Coach,
            ["Input.Administration"] = AdministrationLabel,
        }, Roles.Admin)),
        new("Admin.Users.DetailsModel.OnPostRolesAsync", t => t.AccountAsync("Roles", new() { ["Roles"] = Roles.Coach })),
        new("Admin.Users.DetailsModel.OnPostAdministrationAsync", t => t.AccountAsync("Administration", new() { ["Administration"] = AdministrationLabel }),
            RefusesEmpty: false),
        new("Admin.Users.DetailsModel.OnPostInvitationAsync", t => t.AccountAsync("Invitation", []), RefusesEmpty: false),
        new("Admin.Users.DetailsModel.OnPostDeactivateAsync", t => t.AccountAsync("Deactivate", [], deactivatedBeforeEachPost: false), RefusesEmpty: false),
        new("Admin.Users.DetailsModel.OnPostReactivateAsync", t => t.AccountAsync("Reactivate", [], deactivatedBeforeEachPost: true), RefusesEmpty: false),
        new("Catalogue.CohortModel.OnPostApplyAsync", t => t.SignedInAsync($"/promotions/{t._scenario.CohortId}?handler=Apply", $"/promotions/{t._scenario.CohortId}", new()),
            RefusesEmpty: false),
        new("Applications.EditModel.OnPostSaveAsync", t => t.DraftAsync("Save"), RefusesEmpty: false),
        new("Applications.EditModel.OnPostSubmitAsync", t => t.DraftAsync("Submit")),
        new("Applications.WithdrawModel.OnPostAsync", t => t.WithdrawAsync(), RefusesEmpty: false),
        new("Applications.StatusModel.OnPostAcceptAsync", t => t.OfferAsync(accept: true), RefusesEmpty: false),
        new("Applications.DeclineModel.OnPostAsync", t => t.OfferAsync(accept: false), RefusesEmpty: false),
        new("Applications.EndorseModel.OnPostAsync", t => t.EndorseAsync()),
        new("Management.ApplicationModel.OnPostAsync", t => t.StaffMoveAsync()),
        new("Catalogue.Programs.CreateModel.OnPostAsync", t => t.SignedInAsync("/gestion/programmes/nouveau", null, ProgramFields(), Roles.Admin)),
        new("Catalogue.Programs.EditModel.OnPostAsync", t => t.SignedInAsync($"/gestion/programmes/{t._scenario.ProgramId}", null, ProgramFields(), Roles.ProgramManager)),
        new("Catalogue.Programs.EditModel.OnPostAssignAsync", t => t.AssignManagerAsync("Assign")),
        new("Catalogue.Programs.EditModel.OnPostUnassignAsync", t => t.AssignManagerAsync("Unassign"), RefusesEmpty: false),
        new("Catalogue.Programs.CreateCohortModel.OnPostAsync", t => t.SignedInAsync($"/gestion/programmes/{t._scenario.ProgramId}/promotions/nouvelle", null,
            CohortFields("Promotion 9"), Roles.ProgramManager)),
        new("Catalogue.Programs.EditCohortModel.OnPostAsync", t => t.SignedInAsync($"/gestion/promotions/{t._scenario.CohortId}/modifier", null,
            CohortFields("Promotion 3"), Roles.ProgramManager)),
        new("Selection.RubricModel.OnPostAsync", t => t.RubricAsync(null)),
        new("Selection.RubricModel.OnPostScaleAsync", t => t.RubricAsync("Scale")),
        new("Selection.CommitteeModel.OnPostSettingsAsync", t => t.CommitteeSettingsAsync()),
        new("Selection.CommitteeModel.OnPostCloseAsync", t => t.CommitteeScoringAsync("Close"), RefusesEmpty: false),
        new("Selection.CommitteeModel.OnPostReopenAsync", t => t.CommitteeScoringAsync("Reopen"), RefusesEmpty: false),
        new("Selection.CommitteeModel.OnPostAddMemberAsync", t => t.CommitteeMemberAsync("AddMember")),
        new("Selection.CommitteeModel.OnPostRemoveMemberAsync", t => t.CommitteeMemberAsync("RemoveMember")),
        new("Selection.CommitteeModel.OnPostAssignAsync", t => t.CommitteeAssignAsync(), RefusesEmpty: false),
        new("Selection.CommitteeModel.OnPostAddReviewerAsync", t => t.CommitteeAdjustAsync("AddReviewer")),
        new("Selection.CommitteeModel.OnPostUnassignAsync", t => t.CommitteeAdjustAsync("Unassign")),
        new("Selection.ReviewModel.OnPostSaveAsync", t => t.ReviewAsync("Save")),
        new("Selection.ReviewModel.OnPostSubmitAsync", t => t.ReviewAsync("Submit")),
        new("Selection.ConflictModel.OnPostAsync", t => t.ConflictAsync()),
        new("Selection.InterviewModel.OnPostAsync", t => t.InterviewAsync(invited: false, "")),
        new("Selection.InterviewModel.OnPostScoreAsync", t => t.InterviewAsync(invited: true, "?handler=Score")),
        new("Selection.InterviewScoreModel.OnPostAsync", t => t.InterviewAsync(invited: true, null)),
        new("Selection.ProposalModel.OnPostOverrideAsync", t => t.ProposalAsync("Override")),
        new("Selection.ProposalModel.OnPostLiftAsync", t => t.ProposalAsync("Lift")),
        new("Selection.ProposalModel.OnPostPublishAsync", t => t.ProposalAsync("Publish")),
        new("Reminders.CohortRemindersModel.OnPostSwitchOffAsync", t => t.ReminderSwitchAsync("SwitchOff")),
        new("Reminders.CohortRemindersModel.OnPostSwitchOnAsync", t => t.ReminderSwitchAsync("SwitchOn")),
        new("Mail.MessageModel.OnPostResendAsync", t => t.ResendAsync(), RefusesEmpty: false),
        new("Journey.RateModel.OnPostAsync", t => t.SessionRatingAsync()),
        new("Attendance.GridModel.OnPostAsync", t => t.AttendanceSheetAsync()),
        new("Attendance.RatesModel.OnPostAsync", t => t.AttendanceThresholdAsync()),
        new("Agenda.CalendarIndexModel.OnPostCreateAsync", t => t.AgendaAsync("Create"), RefusesEmpty: false),
        new("Agenda.CalendarIndexModel.OnPostRegenerateAsync", t => t.AgendaAsync("Regenerate"), RefusesEmpty: false),
        new("Agenda.CalendarIndexModel.OnPostRevokeAsync", t => t.AgendaAsync("Revoke"), RefusesEmpty: false),
        new("Coaching.CoachesModel.OnPostAddAsync", t => t.CoachesAsync("Add")),
        new("Coaching.CoachesModel.OnPostCapacityAsync", t => t.CoachesAsync("Capacity")),
        new("Coaching.CoachesModel.OnPostPairAsync", t => t.CoachesAsync("Pair")),
        new("Coaching.CoachesModel.OnPostUnpairAsync", t => t.CoachesAsync("Unpair")),
        new("Coaching.NewSessionModel.OnPostAsync", t => t.CoachPlansAsync()),
        new("Coaching.SessionModel.OnPostAsync", t => t.CoachChangesAsync(null)),
        new("Coaching.SessionModel.OnPostCancelAsync", t => t.CoachChangesAsync("Cancel"), RefusesEmpty: false),
        new("Coaching.LogModel.OnPostAsync", t => t.CoachLogsAsync()),
        new("Sessions.CreateSessionModel.OnPostAsync", t => t.SessionCreateAsync()),
        new("Sessions.EditSessionModel.OnPostAsync", t => t.SessionEditAsync()),
        new("Sessions.EditSeriesModel.OnPostAsync", t => t.SeriesEditAsync()),
        new("Sessions.CancelSessionModel.OnPostAsync", t => t.SessionCancelAsync(), RefusesEmpty: false),
    ];

    /// <summary>The error page answers the method a failed request came with; it is no form of its own.</summary>
    private static readonly string[] NotForms = ["ErrorModel.OnPost"];

    public static TheoryData<string> Handlers => new(All.Select(f => f.Handler));

    [Fact]
    public void The_list_of_forms_holds_every_POST_handler_of_the_app()
    {
        var handlers = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(PageModel)))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal))
                .Select(m => $"{t.FullName!["Cohorts.Web.Pages.".Length..]}.{m.Name}"))
            .Order(StringComparer.Ordinal).ToList();

        Assert.Equal(handlers, All.Select(f => f.Handler).Concat(NotForms).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Handlers))]
    public async Task Every_field_empty_missing_or_hostile_never_answers_a_server_error_and_refusals_are_in_French(string handler)
    {
        var form = All.Single(f => f.Handler == handler);
        var target = await form.Reach(this);
        var page = await target.Client.GetStringAsync(target.FormPage);
        if (target.FormPage == target.Url.Split('?')[0])
            Assert.Subset(target.Fields.Keys.Append(target.FileField).OfType<string>().ToHashSet(), FieldsOf(FormOf(page, target.Url)));
        var token = WebUtility.HtmlDecode(TokenField().Match(page).Groups[1].Value);

        var empty = await PostAsync(target, token, fields => fields.ToDictionary(f => f.Key, _ => ""), "tous les champs vides");
        if (form.RefusesEmpty)
            Assert.True(empty.Contains("id=\"erreurs\"", StringComparison.Ordinal) || empty.Contains("fr-alert--error", StringComparison.Ordinal),
                $"{handler}: a form posted empty is refused with a message");
        await PostAsync(target, token, _ => [], "aucun champ");
        foreach (var field in target.Fields.Keys.ToList())
        {
            await PostAsync(target, token, fields => fields.Where(f => f.Key != field).ToDictionary(), $"{field} absent");
            foreach (var value in BadInput.Strings)
                await PostAsync(target, token, fields => new(fields) { [field] = value.Text }, $"{field} = {value.Name}");
        }
        if (target.FileField is { } fileField)
            foreach (var file in BadInput.Files)
                await PostAsync(target, token, fields => new(fields), $"{fileField} = {file.FileName}", (fileField, file));
    }

    /// <summary>
    /// Posts the target's filling as <paramref name="vary"/> changes it, and checks the answer: no server error nor
    /// trace, no English message. Returns the page.
    /// </summary>
    private static async Task<string> PostAsync(Target target, string token, Func<Dictionary<string, string>, Dictionary<string, string>> vary,
        string what, (string Field, BadInput.Upload File)? upload = null)
    {
        if (target.BeforeEachPost is { } restore) await restore(target);
        var fields = vary(target.Fields);
        HttpContent content;
        if (target.FileField is null)
        {
            content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        }
        else
        {
            var multipart = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
            foreach (var (name, value) in fields) multipart.Add(new StringContent(value), name);
            if (upload is { } u) multipart.Add(new ByteArrayContent(u.File.Content), u.Field, u.File.FileName);
            content = multipart;
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = content };
        // Each post from an address of its own: the sign-in and email rate limits must not hide what a form answers.
        request.Headers.Add(ClientAddressFromHeader.Header, ClientAddressFromHeader.NewAddress());
        using var response = await target.Client.SendAsync(request);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True((int)response.StatusCode < 500, $"{target.Url} with {what}: HTTP {(int)response.StatusCode}");
        Assert.False(Trace().IsMatch(body), $"{target.Url} with {what}: the page shows a stack trace");
        Assert.False(English().IsMatch(body), $"{target.Url} with {what}: an English message: {English().Match(body).Value}");
        return body;
    }

    /// <summary>On a page of several forms, the one posted to <paramref name="url"/>; else the whole page.</summary>
    private static string FormOf(string page, string url) =>
        FormWithAction().Matches(page).FirstOrDefault(m => WebUtility.HtmlDecode(m.Groups[1].Value) == url)?.Value ?? page;

    private static HashSet<string> FieldsOf(string page) =>
        FieldName().Matches(page).Select(m => m.Groups[1].Value).Where(n => n != "__RequestVerificationToken").ToHashSet();

    private async Task<Target> AnonymousAsync(string url, Dictionary<string, string> fields, bool createCandidate = false)
    {
        if (createCandidate) await app.CreateUserAsync("camille@numerique.gouv.fr", Password, Roles.Candidate);
        return new Target(app.Client(followRedirects: false), url, url, fields);
    }

    private async Task<Target> SignedInAsync(string url, string? formPage, Dictionary<string, string> fields, string role = Roles.Candidate) =>
        new(await _scenario.SignedInAsync($"{role.ToLowerInvariant()}@numerique.gouv.fr", role), url, formPage ?? url, fields);

    private async Task<Target> ResetPasswordAsync()
    {
        var user = await app.CreateUserAsync("camille@numerique.gouv.fr", Password, Roles.Candidate);
        var code = "";
        await app.WithScopeAsync(async services =>
        {
            var token = await services.GetRequiredService<UserManager<CohortsUser>>().GeneratePasswordResetTokenAsync(user);
            code = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token));
        });
        var url = $"/mot-de-passe/choisir?userId={user.Id}&code={code}";
        return new Target(app.Client(followRedirects: false), url, url, new()
        {
            ["UserId"] = user.Id, ["Code"] = code, ["Input.Password"] = "une autre phrase de passe", ["Input.ConfirmPassword"] = "une autre phrase de passe",
        });
    }

    /// <summary>A coach's account page, for an Admin; a deactivation or a reactivation is undone before each post when asked.</summary>
    private async Task<Target> AccountAsync(string handler, Dictionary<string, string> fields, bool? deactivatedBeforeEachPost = null)
    {
        var admin = await _scenario.SignedInAsync("admin@numerique.gouv.fr", Roles.Admin);
        var coach = await app.CreateUserAsync("claire.coach@numerique.gouv.fr", Password, Roles.Coach);
        var page = $"/admin/comptes/{coach.Id}";
        Task Restore(bool deactivated) => app.WithDbAsync(db => db.Users.Where(u => u.Id == coach.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.DeactivatedAt, deactivated ? app.Clock.GetUtcNow() : null)));
        // The page shows the reactivation form only to a deactivated account.
        if (deactivatedBeforeEachPost is true) await Restore(true);
        return new Target(admin, $"{page}?handler={handler}", page, fields)
        {
            BeforeEachPost = deactivatedBeforeEachPost is { } deactivated ? _ => Restore(deactivated) : null,
        };
    }

    /// <summary>
    /// A draft's form. Without a CV, a submission never goes through: every post reaches the same draft, at the
    /// version the form carries.
    /// </summary>
    private async Task<Target> DraftAsync(string handler)
    {
        var candidate = await _scenario.SignedInAsync("camille@numerique.gouv.fr");
        var id = await _scenario.StartAsync(candidate);
        var fields = new Dictionary<string, string>(CompleteForm()) { ["Version"] = "" };
        return new Target(candidate, FormUrl(id, handler), $"/candidatures/{id}/formulaire", fields)
        {
            FileField = "Input.Cv",
            BeforeEachPost = async target => target.Fields["Version"] = await CurrentVersionAsync(id),
        };
    }

    private async Task<string> CurrentVersionAsync(Guid application) =>
        (await app.WithDbAsync(db => db.Applications.Where(a => a.Id == application).Select(a => a.Version).SingleAsync()))
        .ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<Target> WithdrawAsync()
    {
        var candidate = await _scenario.SignedInAsync("camille@numerique.gouv.fr");
        var id = await _scenario.SubmitAsync(candidate);
        return new Target(candidate, $"/candidatures/{id}/retirer", $"/candidatures/{id}/retirer", []);
    }

    /// <summary>A seat offered to the candidate, accepted or declined; each post finds the offer open again, without enrollment.</summary>
    private async Task<Target> OfferAsync(bool accept)
    {
        var candidate = await _scenario.SignedInAsync("camille@numerique.gouv.fr");
        var id = await _scenario.SubmitAsync(candidate);
        Task Offer() => app.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM enrollments WHERE application_id = {0}", id);
            return await db.Database.ExecuteSqlRawAsync("UPDATE applications SET state = 'Admitted', offer_expires_at = {0} WHERE id = {1}",
                app.Clock.GetUtcNow().AddDays(7), id);
        });
        await Offer();
        var page = accept ? $"/candidatures/{id}" : $"/candidatures/{id}/decliner";
        return new Target(candidate, accept ? $"{page}?handler=Accept" : page, page, []) { BeforeEachPost = _ => Offer() };
    }

    private static Dictionary<string, string> ProgramFields() => new()
    {
        ["Input.Name"] = "Données et IA", ["Input.Summary"] = "Quatre mois.", ["Input.Expertise"] = "DataAndAi", ["Input.Format"] = "Hybride",
        ["Input.RequiresEndorsement"] = "true", ["Input.HasInterview"] = "true", ["Input.SelectionDescription"] = "Un jury de trois membres.",
    };

    private static Dictionary<string, string> CohortFields(string name) => new()
    {
        ["Input.Name"] = name, ["Input.Seats"] = "30", ["Input.StartsOn"] = "2031-03-01", ["Input.EndsOn"] = "2031-06-30",
        ["Input.OpensAt"] = "2030-12-01T09:00", ["Input.ClosesAt"] = "2031-01-15T12:00", ["Input.Place"] = "Paris", ["Input.Format"] = "Hybride",
        ["Input.Published"] = "true",
    };

    /// <summary>An Admin on a program's page choosing a manager; each post finds the manager unassigned again.</summary>
    private async Task<Target> AssignManagerAsync(string handler)
    {
        var manager = await app.CreateUserAsync("sophie@cohorts.test", Password, Roles.ProgramManager);
        var admin = await _scenario.SignedInAsync("admin@cohorts.test", Roles.Admin);
        var page = $"/gestion/programmes/{_scenario.ProgramId}";
        // The page's other form is posted along: every field of the page gets the corpus.
        return new Target(admin, $"{page}?handler={handler}", page, new(ProgramFields()) { ["ManagerId"] = manager.Id })
        {
            BeforeEachPost = _ => app.WithDbAsync(db => db.ProgramManagers.Where(m => m.UserId == manager.Id).ExecuteDeleteAsync()),
        };
    }

    /// <summary>The line manager's link; each post finds the application awaiting the endorsement again, with the same link in force.</summary>
    private async Task<Target> EndorseAsync()
    {
        var id = await _scenario.SubmitAsync(await _scenario.SignedInAsync("camille@numerique.gouv.fr"));
        var link = new Uri(Mailbox.LinkIn(await app.Mailbox.WaitForAsync("jean.chef@numerique.gouv.fr"), app.BaseUrl)).PathAndQuery;
        var nonce = await app.WithDbAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.EndorsementNonce).SingleAsync());
        return new Target(app.Client(followRedirects: false), link, link, new() { ["Decision"] = "favourable", ["Comment"] = "Agent très impliqué" })
        {
            BeforeEachPost = _ => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
                "UPDATE applications SET state = 'AwaitingEndorsement', endorsement_nonce = {0} WHERE id = {1}", nonce!, id)),
        };
    }

    /// <summary>A staff move with a reason; each post finds the application submitted again, at the version the form carries.</summary>
    private async Task<Target> StaffMoveAsync()
    {
        var id = await _scenario.SubmitAsync(await _scenario.SignedInAsync("camille@numerique.gouv.fr"));
        var staff = await _scenario.SignedInAsync("responsable@cohorts.test", Roles.ProgramManager, "Paul", "Responsable");
        var url = $"/gestion/candidatures/{id}";
        return new Target(staff, url, url, new() { ["Trigger"] = "MarkIneligible", ["Reason"] = "Hors du périmètre du programme", ["Version"] = "" })
        {
            BeforeEachPost = async target =>
            {
                await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE applications SET state = 'AwaitingEndorsement' WHERE id = {0}", id));
                target.Fields["Version"] = await CurrentVersionAsync(id);
            },
        };
    }

    /// <summary>
    /// The interview of a program with that stage, on a selection scenario of its own: the staff page's invitation (each post
    /// invites, or moves the interview), its score form (<paramref name="handler"/> "?handler=Score"), or, with a null
    /// handler, the panel member's score page.
    /// </summary>
    private async Task<Target> InterviewAsync(bool invited, string? handler)
    {
        await app.ResetAsync();
        var selection = await new SelectionScenario(app).SeedAsync(applications: 1, reviewers: 2, hasInterview: true);
        var id = selection.Applications[0].Id;
        var staff = await selection.SignInAsync(SelectionScenario.ManagerEmail);
        var page = $"/gestion/candidatures/{id}/entretien";
        var invitation = new Dictionary<string, string>
        {
            ["Input.At"] = Domain.ParisTime.ToParis(app.Clock.GetUtcNow()).AddDays(10).ToString("yyyy-MM-dd'T'14:30", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.DurationMinutes"] = "45", ["Input.Place"] = "DINUM, salle 4", ["Input.VideoLink"] = "https://visio.numerique.gouv.fr/entretien",
            ["Input.Panel"] = selection.Reviewers[0].Id,
        };
        if (!invited) return new Target(staff, page, page, invitation);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(staff, page, invitation)).StatusCode);
        var score = new Dictionary<string, string> { ["Grade.Score"] = "4", ["Grade.Notes"] = "Projet clair." };
        if (handler is not null) return new Target(staff, page + handler, page, score);
        var panel = $"/evaluations/entretiens/{id}";
        return new Target(await selection.SignInAsync(selection.Reviewers[0].Email), panel, panel, score);
    }

    /// <summary>
    /// The admission proposal of a selection scenario's cohort, every candidate reviewed, for its manager: a line's
    /// override, its lifting (an override is put back in force before each post), the publication (scoring closed; the
    /// fingerprint the confirmation carries, which every varied post spoils).
    /// </summary>
    private async Task<Target> ProposalAsync(string handler)
    {
        await app.ResetAsync();
        var selection = await new SelectionScenario(app).SeedAsync(applications: 3, reviewers: 2);
        foreach (var candidate in selection.Applications)
            await selection.SubmitReviewAsync(await selection.AssignAsync(candidate.Id, selection.Reviewers[0].Id), [4, 3, 2]);
        var manager = await selection.SignInAsync(SelectionScenario.ManagerEmail);
        var page = $"/gestion/promotions/{selection.CohortId}/proposition";
        var application = selection.Applications[0].Id;
        Task Forced() => app.WithDbAsync(db =>
        {
            db.ProposalOverrides.Add(Cohorts.Domain.Selection.ProposalOverride.Decide(selection.CohortId, application,
                Cohorts.Domain.Selection.OverrideDecision.Admit, "Profil recherché", Cohorts.Domain.Workflow.ActorRef.System, app.Clock.GetUtcNow()));
            return db.SaveChangesAsync();
        });
        switch (handler)
        {
            case "Override":
                return new Target(manager, $"{page}?handler=Override", page,
                    new() { ["ApplicationId"] = application.ToString(), ["Decision"] = "Admit", ["Reason"] = "Profil recherché" });
            case "Lift":
                await Forced();
                return new Target(manager, $"{page}?handler=Lift", page, new() { ["ApplicationId"] = application.ToString(), ["Reason"] = "Places comptées" })
                {
                    BeforeEachPost = _ => Forced(),
                };
            default:
                await app.WithDbAsync(async db =>
                {
                    var settings = await db.SelectionSettings.SingleAsync(s => s.CohortId == selection.CohortId);
                    settings.CloseScoring(app.Clock.GetUtcNow());
                    return await db.SaveChangesAsync();
                });
                var confirm = await manager.GetStringAsync($"{page}?Confirm=true");
                var fingerprint = Regex.Match(confirm, "name=\"Fingerprint\" value=\"([0-9A-F]+)\"").Groups[1].Value;
                Assert.NotEmpty(fingerprint);
                return new Target(manager, $"{page}?handler=Publish", $"{page}?Confirm=true", new() { ["Fingerprint"] = fingerprint });
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("<form\\b[^>]*?\\baction=\"([^\"]*)\"[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormWithAction();

    [GeneratedRegex("<(?:input|select|textarea)\\b[^>]*?\\bname=\"([^\"]+)\"")]
    private static partial Regex FieldName();

    [GeneratedRegex(@"\bat Cohorts\.|Exception:|NullReferenceException|PostgresException|\bat Microsoft\.AspNetCore\.")]
    private static partial Regex Trace();

    /// <summary>The framework's own English messages (model binding, data annotations, Identity).</summary>
    [GeneratedRegex(@"The value '|is not valid for|is invalid\.|field is required|The field \w+|must be a string|Passwords must|is already taken|An error occurred")]
    private static partial Regex English();
}
