using Cohorts.Domain.Applications;
using Cohorts.Domain.Workflow;
using static Cohorts.Domain.Tests.Applications.ApplicationFactory;

namespace Cohorts.Domain.Tests.Applications;

public sealed class ApplicationWorkflowTests
{
    private static readonly ActorRef[] Actors = [Candidate, OtherCandidate, Manager, Staff, Admin, Reviewer, ActorRef.System];

    // Each stage on and off, just before and at the deadline, a reason given, blank or missing.
    private static readonly ApplicationContext[] Contexts =
        (from endorsement in new[] { true, false }
         from interview in new[] { true, false }
         from now in new[] { Deadline.AddTicks(-1), Deadline }
         from reason in new[] { " Motif ", "  ", null }
         select new ApplicationContext(now, Deadline, endorsement, interview, reason)).ToArray();

    private const string UsedLink = "Ce lien a déjà été utilisé ou a été remplacé : l'avis ne peut plus être donné par ce lien.";

    public static TheoryData<ApplicationState, ApplicationTrigger> EveryPair()
    {
        var pairs = new TheoryData<ApplicationState, ApplicationTrigger>();
        foreach (var state in Enum.GetValues<ApplicationState>())
            foreach (var trigger in Enum.GetValues<ApplicationTrigger>())
                pairs.Add(state, trigger);
        return pairs;
    }

    public static TheoryData<ApplicationState> EveryState() => new(Enum.GetValues<ApplicationState>());

    /// <summary>
    /// Every way of making the call (its own method or the staff screen), by every kind of actor, in every
    /// context, from an application brought to the state by public calls: the outcome must be the expected one.
    /// A trigger that never leaves the state is refused with a message naming both.
    /// </summary>
    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_public_call_from_every_state_moves_as_expected_or_is_refused_without_change(ApplicationState state, ApplicationTrigger trigger)
    {
        var differences = new List<string>();
        foreach (var way in Enum.GetValues<Way>())
            foreach (var by in Actors)
                foreach (var context in Contexts)
                {
                    var journey = JourneyTo(state);
                    var call = new Call(trigger, by, context, way, journey.LatestLink ?? Guid.NewGuid());
                    var expected = ExpectedApplicationLifecycle.Predict(state, Candidate.UserId!, call, linkIsLatest: journey.LatestLink is not null);
                    differences.AddRange(journey.Differences(call, expected));
                }
        Assert.True(differences.Count == 0, string.Join('\n', differences));
        if (!ExpectedApplicationLifecycle.Leaving(state).Contains(trigger)) RefusalNamesTheMoveAndTheState(state, trigger);
    }

    private static void RefusalNamesTheMoveAndTheState(ApplicationState state, ApplicationTrigger trigger)
    {
        var journey = JourneyTo(state);
        var call = new Call(trigger, Natural(trigger), Context(reason: "Motif", now: Now.AddHours(1)), Way.OwnMethod, journey.LatestLink ?? Guid.NewGuid());

        var error = Assert.Throws<DomainException>(() => journey.Make(call));

        var naming = $"Action « {ApplicationWorkflow.Label(trigger)} » impossible à l'état « {ApplicationWorkflow.Label(state)} ».";
        // The line manager's link is checked first: without one in force, that is the refusal they read.
        if (trigger is ApplicationTrigger.Endorse or ApplicationTrigger.RefuseEndorsement) Assert.Contains(error.Message, new[] { naming, UsedLink });
        else Assert.Equal(naming, error.Message);
    }

    [Theory]
    [MemberData(nameof(EveryState))]
    public void The_moves_offered_to_each_actor_are_exactly_the_expected_ones(ApplicationState state)
    {
        foreach (var actor in Enum.GetValues<Actor>())
            foreach (var context in Contexts)
            {
                var expected = Enum.GetValues<ApplicationTrigger>()
                    .Where(t => ExpectedApplicationLifecycle.Allowed(state, t, actor, context) is not null);
                var offered = ApplicationWorkflow.Definition.Available(state, actor, context).Order();
                Assert.True(expected.SequenceEqual(offered),
                    $"{actor} at {state}, {Call.Describe(context)}: offered [{string.Join(", ", offered)}], expected [{string.Join(", ", expected)}]");
            }
    }

    [Fact]
    public void Submitting_after_the_deadline_is_refused_and_changes_nothing()
    {
        var application = Draft();
        var error = Assert.Throws<DomainException>(() => application.Submit(Context(now: Deadline), Candidate));
        Assert.Equal("La date limite de dépôt des candidatures est dépassée : la candidature ne peut plus être modifiée ni soumise.", error.Message);
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
        var error = Assert.Throws<DomainException>(() => application.InviteToInterview(Context(hasInterview: false), Staff));
        Assert.Equal("Ce programme ne prévoit pas d'entretien.", error.Message);
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

    [Fact]
    public void Refusing_an_endorsement_needs_a_comment_and_the_link_still_works_after_that_refusal()
    {
        var application = In(ApplicationState.AwaitingEndorsement);
        var link = application.EndorsementNonce!.Value;

        var error = Assert.Throws<DomainException>(() => application.RefuseEndorsement(Context(), Manager, link, "   "));

        Assert.Equal("Indiquez le motif.", error.Message);
        Assert.Equal(ApplicationState.AwaitingEndorsement, application.State);
        application.RefuseEndorsement(Context(), Manager, link, " Charge de travail ");
        Assert.Equal(ApplicationState.EndorsementRefused, application.State);
        Assert.Equal("Charge de travail", application.History[^1].Reason);
    }

    [Fact]
    public void The_line_manager_cannot_answer_with_a_link_that_was_never_sent()
    {
        var application = In(ApplicationState.AwaitingEndorsement);
        var error = Assert.Throws<DomainException>(() => application.Endorse(Context(), Manager, Guid.NewGuid(), null));
        Assert.Equal(UsedLink, error.Message);
        Assert.Equal(ApplicationState.AwaitingEndorsement, application.State);
    }

    [Theory]
    [InlineData(ApplicationTrigger.StartReview, ApplicationState.Endorsed)]
    [InlineData(ApplicationTrigger.InviteToInterview, ApplicationState.UnderReview)]
    [InlineData(ApplicationTrigger.MarkIneligible, ApplicationState.UnderReview)]
    [InlineData(ApplicationTrigger.RequestEndorsement, ApplicationState.AwaitingEndorsement)]
    public void A_candidate_cannot_make_a_staff_move_from_the_staff_screen(ApplicationTrigger trigger, ApplicationState state)
    {
        var application = In(state);
        var error = Assert.Throws<DomainException>(() => application.Act(trigger, Candidate, Context(reason: "x")));
        Assert.Equal($"Action « {ApplicationWorkflow.Label(trigger)} » non autorisée pour vous.", error.Message);
        Assert.Equal(state, application.State);
    }

    [Fact]
    public void A_candidate_cannot_endorse_their_own_application_even_with_the_link()
    {
        var application = In(ApplicationState.AwaitingEndorsement);
        var error = Assert.Throws<DomainException>(() => application.Endorse(Context(), Candidate, application.EndorsementNonce!.Value, null));
        Assert.Equal("Action « Émettre un avis favorable » non autorisée pour vous.", error.Message);
        Assert.Equal(ApplicationState.AwaitingEndorsement, application.State);
    }

    [Theory]
    [InlineData(ApplicationTrigger.Submit, ApplicationState.Draft)]
    [InlineData(ApplicationTrigger.Endorse, ApplicationState.AwaitingEndorsement)]
    [InlineData(ApplicationTrigger.RefuseEndorsement, ApplicationState.AwaitingEndorsement)]
    [InlineData(ApplicationTrigger.Withdraw, ApplicationState.UnderReview)]
    [InlineData(ApplicationTrigger.AcceptOffer, ApplicationState.Admitted)]
    [InlineData(ApplicationTrigger.DeclineOffer, ApplicationState.Admitted)]
    public void Moves_with_checks_of_their_own_cannot_be_made_from_the_staff_screen(ApplicationTrigger trigger, ApplicationState state)
    {
        var application = In(state);
        var error = Assert.Throws<DomainException>(() => application.Act(trigger, Natural(trigger), Context(reason: "x")));
        Assert.Equal($"Action « {ApplicationWorkflow.Label(trigger)} » impossible depuis cet écran.", error.Message);
        Assert.Equal(state, application.State);
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
        ApplicationState[] documented = [ApplicationState.EndorsementRefused, ApplicationState.Rejected, ApplicationState.OfferAccepted,
            ApplicationState.OfferDeclined, ApplicationState.OfferExpired, ApplicationState.Ineligible, ApplicationState.Withdrawn];
        Assert.Equal(documented, ExpectedApplicationLifecycle.FinalStates);
        Assert.Equal(documented, ApplicationWorkflow.Definition.FinalStates);
    }

    [Fact]
    public void Every_state_and_trigger_has_a_distinct_French_label()
    {
        var states = Enum.GetValues<ApplicationState>().Select(ApplicationWorkflow.Label).ToList();
        var triggers = Enum.GetValues<ApplicationTrigger>().Select(ApplicationWorkflow.Label).ToList();
        Assert.Equal(states.Count, states.Distinct().Count());
        Assert.Equal(triggers.Count, triggers.Distinct().Count());
    }

    [Fact]
    public void An_administrator_may_make_a_program_managers_move_and_is_recorded_as_administrator()
    {
        var application = In(ApplicationState.UnderReview);
        Assert.Contains(ApplicationTrigger.Admit, ApplicationWorkflow.Definition.Available(ApplicationState.UnderReview, Actor.Admin, Context()));

        application.Admit(Context(), Admin, Context().Now.AddDays(7));

        Assert.Equal(ApplicationState.Admitted, application.State);
        Assert.Equal((Actor.Admin, "admin-1"), (application.History[^1].ActorKind, application.History[^1].ActorUserId));
    }

    [Fact]
    public void A_reviewer_may_not_make_a_program_managers_move()
    {
        var application = In(ApplicationState.UnderReview);
        Assert.Throws<DomainException>(() => application.Admit(Context(), Reviewer, Context().Now.AddDays(7)));
        Assert.Equal(ApplicationState.UnderReview, application.State);
    }

    [Fact]
    public void A_job_expiring_an_offer_twice_in_a_row_moves_once_and_records_one_row()
    {
        var application = In(ApplicationState.Admitted);
        var rows = application.History.Count;
        application.ClearDomainEvents();

        Assert.True(application.ExpireOfferIfStillOpen(Context(now: OfferDeadline)));
        Assert.False(application.ExpireOfferIfStillOpen(Context(now: OfferDeadline)));

        Assert.Equal(ApplicationState.OfferExpired, application.State);
        Assert.Equal(rows + 1, application.History.Count);
        Assert.Equal([ApplicationEvent.OfferExpired], application.DomainEvents.Select(e => e.Event));
    }

    [Fact]
    public void A_job_finding_the_offer_still_within_its_deadline_leaves_it_open()
    {
        var application = In(ApplicationState.Admitted);
        var rows = application.History.Count;

        Assert.False(application.ExpireOfferIfStillOpen(Context(now: OfferDeadline.AddSeconds(-1))));

        Assert.Equal(ApplicationState.Admitted, application.State);
        Assert.Equal(rows, application.History.Count);
    }

    [Theory]
    [InlineData(ApplicationTrigger.AcceptOffer)]
    [InlineData(ApplicationTrigger.DeclineOffer)]
    public void An_answer_from_the_offers_deadline_on_is_refused_and_changes_nothing(ApplicationTrigger answer)
    {
        var application = In(ApplicationState.Admitted);
        var rows = application.History.Count;

        var error = Assert.Throws<DomainException>(() =>
            _ = answer == ApplicationTrigger.AcceptOffer
                ? application.AcceptOffer(Context(now: OfferDeadline), Candidate)
                : application.DeclineOffer(Context(now: OfferDeadline), Candidate));

        Assert.Equal("Cette proposition n'est plus valable : le délai de réponse est dépassé.", error.Message);
        Assert.Equal((ApplicationState.Admitted, rows), (application.State, application.History.Count));
    }

    [Fact]
    public void Admitting_records_the_offers_deadline_and_waitlisting_the_rank()
    {
        var admitted = In(ApplicationState.UnderReview);
        var waitlisted = In(ApplicationState.UnderReview);

        admitted.Admit(Context(), Staff, new DateTimeOffset(2026, 5, 17, 21, 59, 59, TimeSpan.Zero));
        waitlisted.Waitlist(Context(), Staff, 3);

        Assert.Equal(new DateTimeOffset(2026, 5, 17, 21, 59, 59, TimeSpan.Zero), admitted.OfferExpiresAt);
        Assert.Equal(3, waitlisted.WaitlistRank);
        Assert.Throws<DomainException>(() => In(ApplicationState.UnderReview).Admit(Context(), Staff, Now));
    }

    [Fact]
    public void A_job_finding_the_offer_answered_meanwhile_does_nothing_and_records_nothing()
    {
        var application = In(ApplicationState.Admitted);
        application.AcceptOffer(Context(), Candidate);
        var rows = application.History.Count;
        application.ClearDomainEvents();

        Assert.False(application.ExpireOfferIfStillOpen(Context()));

        Assert.Equal(ApplicationState.OfferAccepted, application.State);
        Assert.Equal(rows, application.History.Count);
        Assert.Empty(application.DomainEvents);
    }

    [Fact]
    public void The_lifecycle_lets_a_job_move_only_from_an_expected_state_and_refuses_as_usual_from_there()
    {
        var lifecycle = ApplicationWorkflow.Definition;
        Assert.Null(lifecycle.TryDecide(ApplicationState.OfferAccepted, [ApplicationState.Admitted], ApplicationTrigger.ExpireOffer, Actor.System, Context()));
        Assert.Equal(ApplicationState.OfferExpired,
            lifecycle.TryDecide(ApplicationState.Admitted, [ApplicationState.Admitted], ApplicationTrigger.ExpireOffer, Actor.System, Context())!.To);
        Assert.Throws<DomainException>(() =>
            lifecycle.TryDecide(ApplicationState.Admitted, [ApplicationState.Admitted], ApplicationTrigger.ExpireOffer, Actor.Candidate, Context()));
    }

    [Fact]
    public void The_deadline_refuses_saving_attaching_and_submitting_with_one_message()
    {
        var application = Draft();
        application.SaveDraft(Complete, Context());
        application.AttachCv(Guid.NewGuid(), Context());
        var late = Context(now: Deadline);

        var refusals = new[]
        {
            Assert.Throws<DomainException>(() => application.SaveDraft(Complete, late)).Message,
            Assert.Throws<DomainException>(() => application.AttachCv(Guid.NewGuid(), late)).Message,
            Assert.Throws<DomainException>(() => application.Submit(late, Candidate)).Message,
        };

        Assert.All(refusals, message => Assert.Equal(ApplicationContext.PastDeadlineMessage, message));
        Assert.True(late.PastDeadline);
        Assert.False(Context(now: Deadline.AddTicks(-1)).PastDeadline);
    }

    [Fact]
    public void The_events_kept_for_dispatch_name_their_move_and_a_request_the_link_it_sent()
    {
        var application = Draft();
        application.SaveDraft(Complete, Context());
        application.AttachCv(Guid.NewGuid(), Context());

        application.Submit(Context(), Candidate);
        var link = application.EndorsementNonce;
        application.Endorse(Context(), Manager, link!.Value, null);

        Assert.Equal([ApplicationEvent.Submitted, ApplicationEvent.EndorsementRequested, ApplicationEvent.Endorsed],
            application.DomainEvents.Select(e => e.Event));
        Assert.Equal(link, application.DomainEvents[1].EndorsementLink);
        Assert.Null(application.EndorsementNonce);
        Assert.Equal(application.History[^1], application.DomainEvents[2].Move);
        application.ClearDomainEvents();
        Assert.Empty(application.DomainEvents);
    }
}
