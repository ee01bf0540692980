namespace Cohorts.Web.Emails;

public sealed record ConfirmEmailAddress(string FirstName, string Link) : Email
{
    public override string Template => "confirm-email";
    public override string Subject => "Confirmez votre adresse électronique";
}

/// <summary>Sent to a staff member whose account an administrator created: they choose their password.</summary>
public sealed record StaffAccountCreated(string FirstName, string Roles, string Link) : Email
{
    public override string Template => "staff-account-created";
    public override string Subject => "Votre compte Cohorts a été créé";
}

public sealed record ResetPassword(string FirstName, string Link) : Email
{
    public override string Template => "reset-password";
    public override string Subject => "Réinitialisez votre mot de passe";
}

/// <summary>
/// Sent instead of a confirmation when someone registers with an address that already has an account: the form answers
/// as for any registration, and only the owner of the address learns that it was already in use.
/// </summary>
public sealed record AccountAlreadyExists(string FirstName, string SignInLink, string ForgotPasswordLink) : Email
{
    public override string Template => "account-exists";
    public override string Subject => "Une inscription a été tentée avec votre adresse";
}
