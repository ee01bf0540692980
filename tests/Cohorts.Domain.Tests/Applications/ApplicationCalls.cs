using Cohorts.Domain.Applications;
using Cohorts.Domain.Workflow;
using static Cohorts.Domain.Applications.ApplicationTrigger;

namespace Cohorts.Domain.Tests.Applications;

/// <summary>How a call reaches the application: the trigger's own method, or the staff screen's one form.</summary>
internal enum Way { OwnMethod, StaffScreen }

/// <summary>One call of a public method of <see cref="Application"/>. <paramref name="Link"/> is what a line manager presents.</summary>
internal sealed record Call(ApplicationTrigger Trigger, ActorRef By, ApplicationContext Context, Way Way, Guid Link)
{
    public override string ToString() => $"{Trigger} via {Way} by {By.Kind} {By.UserId ?? "-"}, {Describe(Context)}";

    public static string Describe(ApplicationContext c) =>
        $"endorsement stage {(c.RequiresEndorsement ? "on" : "off")}, interview stage {(c.HasInterview ? "on" : "off")}, " +
        $"{(c.Now < c.ApplicationDeadline ? "before" : "at or after")} the deadline, reason {(c.Reason is null ? "none" : $"'{c.Reason}'")}";
}

/// <summary>An application and the endorsement links its line manager has been mailed, oldest first.</summary>
internal sealed class Journey(Application application)
{
    private readonly List<Guid> _links = [];

    public Application Application { get; } = application;
    public IReadOnlyList<Guid> Links => _links;
    public Guid? LatestLink => _links.Count == 0 ? null : _links[^1];

    /// <summary>Makes the call through the public method it names; a new endorsement link is "mailed" to the journey.</summary>
    public IReadOnlyList<ApplicationEvent> Make(Call call)
    {
        var events = Dispatch(call);
        if (Application.EndorsementNonce is { } link && link != LatestLink) _links.Add(link);
        return events;
    }

    private IReadOnlyList<ApplicationEvent> Dispatch(Call call)
    {
        var (a, by, c) = (Application, call.By, call.Context);
        if (call.Way == Way.StaffScreen) return [a.Act(call.Trigger, by, c)];
        return call.Trigger switch
        {
            Submit => a.Submit(c, by),
            RequestEndorsement => [a.RequestEndorsement(c, by)],
            Endorse => [a.Endorse(c, by, call.Link, c.Reason)],
            RefuseEndorsement => [a.RefuseEndorsement(c, by, call.Link, c.Reason)],
            StartReview => [a.StartReview(c, by)],
            InviteToInterview => [a.InviteToInterview(c, by)],
            Admit => [a.Admit(c, by, ApplicationFactory.OfferDeadline)],
            Waitlist => [a.Waitlist(c, by, 1)],
            Reject => [a.Reject(c, by)],
            AdmitFromWaitlist => [a.AdmitFromWaitlist(c, by, ApplicationFactory.OfferDeadline)],
            AcceptOffer => [a.AcceptOffer(c, by)],
            DeclineOffer => [a.DeclineOffer(c, by)],
            ExpireOffer => [a.ExpireOffer(c)],
            MarkIneligible => [a.MarkIneligible(c, by)],
            Withdraw => [a.Withdraw(c, by)],
            _ => throw new ArgumentOutOfRangeException(nameof(call), call.Trigger, null),
        };
    }

    /// <summary>
    /// Makes the call and says how it differs from the expected rows (null: refused, nothing changed).
    /// An empty answer means the application did exactly what was expected.
    /// </summary>
    public IReadOnlyList<string> Differences(Call call, IReadOnlyList<ExpectedRow>? expected)
    {
        var a = Application;
        var before = Snapshot();
        var rowsBefore = a.History.ToList();
        IReadOnlyList<ApplicationEvent> raised;
        try
        {
            raised = Make(call);
        }
        catch (DomainException error)
        {
            if (expected is not null) return [$"{call}: refused (« {error.Message} »), expected {Describe(expected)}"];
            var problems = new List<string>();
            if (string.IsNullOrWhiteSpace(error.Message)) problems.Add($"{call}: refused without a message");
            if (Snapshot() != before) problems.Add($"{call}: refused but changed {before} into {Snapshot()}");
            return problems;
        }

        if (expected is null) return [$"{call}: moved {before.State} -> {a.State}, expected a refusal"];
        var differences = new List<string>();
        void Expect<T>(T wanted, T actual, string what)
        {
            if (!EqualityComparer<T>.Default.Equals(wanted, actual)) differences.Add($"{call}: {what} is {actual}, expected {wanted}");
        }

        Expect(expected[^1].To, a.State, "the state");
        Expect(string.Join(", ", expected.Select(r => r.Raises)), string.Join(", ", raised), "the events");
        Expect(rowsBefore.Count + expected.Count, a.History.Count, "the history length");
        Expect(call.Context.Now, a.UpdatedAt, "UpdatedAt");
        for (var i = 0; i < Math.Min(rowsBefore.Count, a.History.Count); i++)
            if (!ReferenceEquals(rowsBefore[i], a.History[i])) differences.Add($"{call}: history row {i} was replaced");
        var reason = string.IsNullOrWhiteSpace(call.Context.Reason) ? null : call.Context.Reason.Trim();
        foreach (var (row, wanted) in a.History.Skip(rowsBefore.Count).Zip(expected))
            Expect((wanted.From, wanted.To, wanted.Trigger, wanted.By.Kind, wanted.By.UserId, wanted.By.Name, call.Context.Now, reason),
                (row.From.GetValueOrDefault(), row.To, row.Trigger.GetValueOrDefault(), row.ActorKind, row.ActorUserId, row.ActorName, row.At, row.Reason),
                "the appended row");

        // A link works once; a new request mails a new one; a withdrawal retires it.
        if (expected.Any(r => r.Trigger == RequestEndorsement) && (a.EndorsementNonce is null || a.EndorsementNonce == before.Link))
            differences.Add($"{call}: no new endorsement link was issued");
        if (call.Trigger is Endorse or RefuseEndorsement or Withdraw) Expect(null, a.EndorsementNonce, "the endorsement link");
        if (call.Trigger == Submit) Expect(call.Context.Now, a.SubmittedAt, "SubmittedAt");
        return differences;
    }

    private Snapshot Snapshot() => new(Application.State, Application.History.Count, Application.UpdatedAt, Application.SubmittedAt,
        Application.EndorsementNonce, Application.EndorsementComment);

    private static string Describe(IReadOnlyList<ExpectedRow> rows) =>
        string.Join(" then ", rows.Select(r => $"{r.From} -> {r.To} by {r.By.Kind}"));
}

/// <summary>What a refused call must leave as it was.</summary>
internal sealed record Snapshot(ApplicationState State, int HistoryCount, DateTimeOffset UpdatedAt, DateTimeOffset? SubmittedAt, Guid? Link, string? Comment);
