namespace Cohorts.Web.Identity;

/// <summary>What an Admin did to an account, kept as data: the account's page lists them.</summary>
public sealed class AccountAction
{
    private AccountAction() { }

    public AccountAction(string accountId, AccountActionKind kind, CohortsUser by, DateTimeOffset at, string? from = null, string? to = null)
    {
        AccountId = accountId;
        Kind = kind;
        ActorId = by.Id;
        ActorName = by.FullName;
        At = at;
        From = from;
        To = to;
    }

    public long Id { get; private set; }
    public string AccountId { get; private set; } = "";
    public AccountActionKind Kind { get; private set; }

    /// <summary>The Admin's name is kept as it was, so the line still reads right if their account changes or goes.</summary>
    public string? ActorId { get; private set; }

    public string ActorName { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    /// <summary>Roles as their codes joined by commas, an administration as its label; null where the action has no value.</summary>
    public string? From { get; private set; }

    public string? To { get; private set; }
}

public enum AccountActionKind
{
    RolesChanged,
    Deactivated,
    Reactivated,
    InvitationSent,
    AdministrationChanged,
}
