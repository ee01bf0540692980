namespace Cohorts.Web.Emails;

public sealed record ConfirmEmailAddress(string FirstName, string Link) : Email, IEmailKind<ConfirmEmailAddress>
{
    public static string Label => "Confirmation d'adresse";
    public static ConfirmEmailAddress Sample => new("Camille", $"{EmailKinds.SampleSite}/confirmer-email?userId=3f2c9a&code=Q2FtaWxsZQ");

    public override string Template => "confirm-email";
    public override string Subject => "Confirmez votre adresse électronique";
}

/// <summary>Sent to a staff member whose account an administrator created: they choose their password.</summary>
public sealed record StaffAccountCreated(string FirstName, string Roles, string Link) : Email, IEmailKind<StaffAccountCreated>
{
    public static string Label => "Création d'un compte d'équipe";
    public static StaffAccountCreated Sample => new("Sophie", "Responsable de programme", $"{EmailKinds.SampleSite}/mot-de-passe/choisir?userId=8d41b7&code=U29waGll");

    public override string Template => "staff-account-created";
    public override string Subject => "Votre compte Cohorts a été créé";
}

public sealed record ResetPassword(string FirstName, string Link) : Email, IEmailKind<ResetPassword>
{
    public static string Label => "Réinitialisation du mot de passe";
    public static ResetPassword Sample => new("Camille", $"{EmailKinds.SampleSite}/mot-de-passe/choisir?userId=3f2c9a&code=UmVpbml0");

    public override string Template => "reset-password";
    public override string Subject => "Réinitialisez votre mot de passe";
}

/// <summary>
/// Sent instead of a confirmation when someone registers with an address that already has an account: the form answers
/// as for any registration, and only the owner of the address learns that it was already in use.
/// </summary>
public sealed record AccountAlreadyExists(string FirstName, string SignInLink, string ForgotPasswordLink) : Email, IEmailKind<AccountAlreadyExists>
{
    public static string Label => "Inscription avec une adresse déjà utilisée";
    public static AccountAlreadyExists Sample => new("Camille", $"{EmailKinds.SampleSite}/connexion", $"{EmailKinds.SampleSite}/mot-de-passe/oublie");

    public override string Template => "account-exists";
    public override string Subject => "Une inscription a été tentée avec votre adresse";
}
