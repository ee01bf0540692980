using Cohorts.Domain.Applications;
using Cohorts.Domain.Workflow;
using static Cohorts.Domain.Tests.Applications.ApplicationFactory;

namespace Cohorts.Domain.Tests.Applications;

public sealed class ApplicationWorkflowTests
{
    public static TheoryData<ApplicationState, ApplicationTrigger> EveryPair()
    {
        var pairs = new TheoryData<ApplicationState, ApplicationTrigger>();
        foreach (var state in Enum.GetValues<ApplicationState>())
            foreach (var trigger in Enum.GetValues<ApplicationTrigger>())
                pairs.Add(state, trigger);
        return pairs;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_state_and_trigger_pair_moves_as_the_table_says_or_is_refused_without_change(ApplicationState state, ApplicationTrigger trigger)
    {
        var application = In(state);
        var historyBefore = application.History.Count;
        var expected = ApplicationWorkflow.Definition.Find(state, trigger);

        if (expected is null)
        {
            var error = Assert.Throws<DomainException>(() => application.Fire(trigger, ActorFor(trigger), PermissiveFor(state, trigger)));
            Assert.Contains(ApplicationWorkflow.Label(trigger), error.Message, StringComparison.Ordinal);
            Assert.Equal(state, application.State);
            Assert.Equal(historyBefore, application.History.Count);
        }
        else
        {
            var raised = application.Fire(trigger, ActorFor(trigger), PermissiveFor(state, trigger));
            Assert.Equal(expected.To, application.State);
            Assert.Equal(expected.Event, raised);
            Assert.Equal(historyBefore + 1, application.History.Count);
            var last = application.History[^1];
            Assert.Equal((state, expected.To, trigger), (last.From!.Value, last.To, last.Trigger!.Value));
        }
    }

    [Fact]
    public void Submitting_after_the_deadline_is_refused_and_changes_nothing()
    {
        var application = Draft();
        var error = Assert.Throws<DomainException>(() => application.Submit(Context(now: Deadline), Candidate));
        Assert.Equal("La date limite de dépôt des candidatures est dépassée : la candidature ne peut plus être soumise.", error.Message);
        Assert.Equal(ApplicationState.Draft, application.State);
        Assert.Single(application.History);
        Assert.Null(application.SubmittedAt);
    }

    [Fact]
    public void Submitting_when_the_program_wants_an_endorsement_asks_for_it_in_the_same_step()
    {
        var application = Draft();
        var events = application.Submit(Context(requiresEndorsement: true), Candidate);

        Assert.Equal([ApplicationEvent.Submitted, ApplicationEvent.EndorsementRequested], events);
        Assert.Equal(ApplicationState.AwaitingEndorsement, application.State);
        Assert.NotNull(application.EndorsementNonce);
        Assert.Equal([null, ApplicationState.Draft, ApplicationState.Submitted], application.History.Select(h => h.From));
        Assert.Equal(Actor.System, application.History[^1].ActorKind);
    }

    [Fact]
    public void Without_an_endorsement_stage_the_application_waits_submitted_for_review()
    {
        var application = Draft();
        Assert.Equal([ApplicationEvent.Submitted], application.Submit(Context(requiresEndorsement: false), Candidate));
        Assert.Equal(ApplicationState.Submitted, application.State);
        Assert.Null(application.EndorsementNonce);
    }

    [Fact]
    public void Review_before_a_required_endorsement_is_refused()
    {
        var application = In(ApplicationState.Submitted);
        var error = Assert.Throws<DomainException>(() => application.StartReview(Context(requiresEndorsement: true), Staff));
        Assert.Contains("avis hiérarchique", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_interview_is_refused_when_the_program_has_none()
    {
        var application = In(ApplicationState.UnderReview);
        Assert.Throws<DomainException>(() => application.InviteToInterview(Context(hasInterview: false), Staff));
        Assert.Equal(ApplicationState.UnderReview, application.State);
    }

    [Fact]
    public void Marking_ineligible_needs_a_reason_which_the_history_keeps()
    {
        var application = In(ApplicationState.UnderReview);
        Assert.Throws<DomainException>(() => application.MarkIneligible(Context(reason: "  "), Staff));
        application.MarkIneligible(Context(reason: " Catégorie C non éligible "), Staff);
        Assert.Equal("Catégorie C non éligible", application.History[^1].Reason);
        Assert.Equal("Paul Responsable", application.History[^1].ActorName);
    }

    [Theory]
    [InlineData(ApplicationTrigger.Admit)]
    [InlineData(ApplicationTrigger.MarkIneligible)]
    [InlineData(ApplicationTrigger.Endorse)]
    public void A_candidate_cannot_fire_a_staff_or_manager_move(ApplicationTrigger trigger)
    {
        var application = In(trigger == ApplicationTrigger.Endorse ? ApplicationState.AwaitingEndorsement : ApplicationState.UnderReview);
        var error = Assert.Throws<DomainException>(() => application.Fire(trigger, Candidate, Context(reason: "x")));
        Assert.Contains("non autorisée", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ApplicationTrigger.Submit)]
    [InlineData(ApplicationTrigger.Endorse)]
    [InlineData(ApplicationTrigger.Withdraw)]
    [InlineData(ApplicationTrigger.AcceptOffer)]
    public void Moves_with_checks_of_their_own_cannot_be_made_as_plain_moves(ApplicationTrigger trigger)
    {
        var application = In(ApplicationState.AwaitingEndorsement);
        Assert.Throws<DomainException>(() => application.Act(trigger, ActorFor(trigger), Context(reason: "x")));
        Assert.Equal(ApplicationState.AwaitingEndorsement, application.State);
    }

    [Fact]
    public void Another_candidate_cannot_withdraw_an_application()
    {
        var application = In(ApplicationState.UnderReview);
        Assert.Throws<DomainException>(() => application.Withdraw(Context(), Candidate with { UserId = "someone-else" }));
        Assert.Equal(ApplicationState.UnderReview, application.State);
    }

    [Fact]
    public void An_endorsement_link_works_once()
    {
        var application = In(ApplicationState.AwaitingEndorsement);
        var nonce = application.EndorsementNonce!.Value;
        application.Endorse(Context(), Manager, nonce, "Très bonne candidate");

        Assert.Throws<DomainException>(() => application.RefuseEndorsement(Context(), Manager, nonce, "Finalement non"));
        Assert.Equal(ApplicationState.Endorsed, application.State);
        Assert.Equal("Très bonne candidate", application.EndorsementComment);
    }

    [Fact]
    public void A_new_endorsement_request_retires_the_previous_link()
    {
        var application = In(ApplicationState.AwaitingEndorsement);
        var first = application.EndorsementNonce!.Value;

        application.RequestEndorsement(Context(), Staff);

        Assert.NotEqual(first, application.EndorsementNonce);
        Assert.Equal(ApplicationState.AwaitingEndorsement, application.State);
        Assert.Throws<DomainException>(() => application.Endorse(Context(), Manager, first, null));
        application.Endorse(Context(), Manager, application.EndorsementNonce!.Value, null);
        Assert.Equal(ApplicationState.Endorsed, application.State);
    }

    [Fact]
    public void A_submission_with_missing_answers_lists_each_one_and_is_refused()
    {
        var application = Application.Start(1, Candidate, ApplicationDetails.Empty, Now);
        var fields = application.ProblemsBeforeSubmission().Select(p => p.Field).ToList();
        Assert.Equal(["Civility", "FirstName", "LastName", "ProfessionalEmail", "AdministrationId", "Category", "Grade",
            "Position", "Motivation", "AvailabilityCommitment", "ManagerName", "ManagerEmail", "Cv"], fields);
        Assert.Throws<DomainException>(() => application.Submit(Context(), Candidate));
        Assert.Equal(ApplicationState.Draft, application.State);
    }

    [Fact]
    public void A_draft_keeps_the_previous_motivation_when_the_new_one_is_over_the_limit_and_saves_the_other_fields()
    {
        var application = Draft();
        var notSaved = application.SaveDraft(
            Complete with { Motivation = new string('a', ApplicationDetails.MotivationMaxLength + 1), Grade = "Attaché principal" }, Context());
        var problem = Assert.Single(notSaved);
        Assert.Equal((nameof(Application.Motivation), ProblemKind.Refused), (problem.Field, problem.Kind));
        Assert.Contains("3000", problem.Message, StringComparison.Ordinal);
        Assert.Equal(Complete.Motivation, application.Motivation);
        Assert.Equal("Attaché principal", application.Grade);
    }

    [Fact]
    public void A_draft_saves_wrong_formats_as_typed_and_only_the_submission_refuses_them()
    {
        var application = Draft();
        var notSaved = application.SaveDraft(
            Complete with { ProfessionalEmail = "camille.durand", AdministrationId = null, UnlistedAdministration = "Mairie de Lyon" }, Context());
        Assert.Empty(notSaved);
        Assert.Equal(("camille.durand", "Mairie de Lyon"), (application.ProfessionalEmail, application.UnlistedAdministration));
        var problems = application.ProblemsBeforeSubmission().Where(p => p.Field != "Cv").ToList();
        Assert.Equal([("ProfessionalEmail", ProblemKind.Format), ("AdministrationId", ProblemKind.Format)],
            problems.Select(p => (p.Field, p.Kind)).ToList());
        Assert.Throws<DomainException>(() => application.Submit(Context(), Candidate));
        Assert.Equal(ApplicationState.Draft, application.State);
    }

    [Fact]
    public void A_listed_administration_replaces_what_was_typed_before()
    {
        var application = Draft();
        application.SaveDraft(Complete with { AdministrationId = null, UnlistedAdministration = "Mairie" }, Context());
        application.SaveDraft(Complete, Context());
        Assert.Equal((Complete.AdministrationId, ""), (application.AdministrationId, application.UnlistedAdministration));
    }

    [Fact]
    public void A_submitted_application_can_no_longer_be_edited()
    {
        var application = In(ApplicationState.Submitted);
        Assert.Throws<DomainException>(() => application.SaveDraft(Complete with { Grade = "Autre" }, Context()));
        Assert.Throws<DomainException>(() => application.AttachCv(Guid.NewGuid(), Context()));
    }

    [Fact]
    public void A_draft_can_be_edited_until_the_deadline_only()
    {
        var application = Draft();
        application.SaveDraft(Complete with { Grade = "Attachée" }, Context(now: Deadline.AddTicks(-1)));
        var error = Assert.Throws<DomainException>(() => application.SaveDraft(Complete with { Grade = "Autre" }, Context(now: Deadline)));
        Assert.Contains("date limite", error.Message, StringComparison.Ordinal);
        Assert.Equal("Attachée", application.Grade);
    }

    [Fact]
    public void The_final_states_are_exactly_the_documented_ones()
    {
        Assert.Equal(
            [ApplicationState.EndorsementRefused, ApplicationState.Rejected, ApplicationState.OfferAccepted, ApplicationState.OfferDeclined,
             ApplicationState.OfferExpired, ApplicationState.Ineligible, ApplicationState.Withdrawn],
            ApplicationWorkflow.Definition.FinalStates);
    }

    [Fact]
    public void Every_state_and_trigger_has_a_distinct_French_label()
    {
        var states = Enum.GetValues<ApplicationState>().Select(ApplicationWorkflow.Label).ToList();
        var triggers = Enum.GetValues<ApplicationTrigger>().Select(ApplicationWorkflow.Label).ToList();
        Assert.Equal(states.Count, states.Distinct().Count());
        Assert.Equal(triggers.Count, triggers.Distinct().Count());
    }
}
