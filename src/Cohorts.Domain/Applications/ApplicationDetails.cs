using System.Net.Mail;

namespace Cohorts.Domain.Applications;

public enum Civility { Madame, Monsieur }

/// <summary>The category of the French civil service (A: management, B: supervision, C: execution).</summary>
public enum ServiceCategory { A, B, C }

/// <summary>
/// What the candidate types in the application form. Drafts may be incomplete or wrongly formatted; submissions
/// may not. <paramref name="UnlistedAdministration"/> is what was typed in the administration field when it
/// matched no administration of the list: kept so that nothing typed is lost, but not submittable.
/// </summary>
public sealed record ApplicationDetails(
    Civility? Civility,
    string FirstName,
    string LastName,
    string ProfessionalEmail,
    int? AdministrationId,
    ServiceCategory? Category,
    string Grade,
    string Position,
    string Motivation,
    bool AvailabilityCommitment,
    string ManagerName,
    string ManagerEmail,
    string UnlistedAdministration = "")
{
    public const int MotivationMaxLength = 3000;
    public const int NameMaxLength = 100;
    public const int TextMaxLength = 200;
    public const int EmailMaxLength = 254;
    public const int AdministrationMaxLength = 300;

    public static ApplicationDetails Empty { get; } = new(null, "", "", "", null, null, "", "", "", false, "", "");

    /// <summary>
    /// The problems of the form, as (field, French message, kind). Lengths and formats always count; missing
    /// answers only when <paramref name="forSubmission"/>.
    /// </summary>
    public IReadOnlyList<FieldProblem> Problems(bool forSubmission)
    {
        var problems = new List<FieldProblem>();
        void Require(bool present, string field, string message)
        {
            if (forSubmission && !present) problems.Add(new(field, message, ProblemKind.Missing));
        }
        void Limit(string value, int max, string field, string what)
        {
            if (value.Length > max)
                problems.Add(new(field, $"{what} ne doit pas dépasser {max} caractères (actuellement {value.Length}).", ProblemKind.Refused));
        }
        void Email(string value, string field, string what, string whose)
        {
            Limit(value, EmailMaxLength, field, what);
            if (value.Length is > 0 and <= EmailMaxLength && !IsEmail(value))
                problems.Add(new(field, $"Le format de {whose} n'est pas valide (exemple : prenom.nom@ministere.gouv.fr).", ProblemKind.Format));
        }

        Require(Civility is not null, nameof(Civility), "Indiquez votre civilité.");
        Require(FirstName.Length > 0, nameof(FirstName), "Indiquez votre prénom.");
        Limit(FirstName, NameMaxLength, nameof(FirstName), "Le prénom");
        Require(LastName.Length > 0, nameof(LastName), "Indiquez votre nom.");
        Limit(LastName, NameMaxLength, nameof(LastName), "Le nom");
        Require(ProfessionalEmail.Length > 0, nameof(ProfessionalEmail), "Indiquez votre adresse électronique professionnelle.");
        Email(ProfessionalEmail, nameof(ProfessionalEmail), "L'adresse électronique", "l'adresse électronique professionnelle");
        Limit(UnlistedAdministration, AdministrationMaxLength, nameof(AdministrationId), "L'administration");
        if (AdministrationId is null && UnlistedAdministration.Length is > 0 and <= AdministrationMaxLength)
            problems.Add(new(nameof(AdministrationId),
                "Choisissez votre administration dans la liste proposée (tapez quelques lettres pour la trouver).", ProblemKind.Format));
        else Require(AdministrationId is not null, nameof(AdministrationId), "Choisissez votre administration dans la liste.");
        Require(Category is not null, nameof(Category), "Indiquez votre catégorie.");
        Require(Grade.Length > 0, nameof(Grade), "Indiquez votre grade.");
        Limit(Grade, TextMaxLength, nameof(Grade), "Le grade");
        Require(Position.Length > 0, nameof(Position), "Indiquez votre poste actuel.");
        Limit(Position, TextMaxLength, nameof(Position), "L'intitulé du poste");
        Require(Motivation.Length > 0, nameof(Motivation), "Expliquez votre motivation.");
        Limit(Motivation, MotivationMaxLength, nameof(Motivation), "La motivation");
        Require(AvailabilityCommitment, nameof(AvailabilityCommitment), "Vous devez vous engager à être disponible pour suivre le programme.");
        Require(ManagerName.Length > 0, nameof(ManagerName), "Indiquez le nom de votre responsable hiérarchique.");
        Limit(ManagerName, TextMaxLength, nameof(ManagerName), "Le nom du responsable");
        Require(ManagerEmail.Length > 0, nameof(ManagerEmail), "Indiquez l'adresse électronique de votre responsable hiérarchique.");
        Email(ManagerEmail, nameof(ManagerEmail), "L'adresse du responsable", "l'adresse du responsable hiérarchique");
        if (ManagerEmail.Length > 0 && ManagerEmail.Equals(ProfessionalEmail, StringComparison.OrdinalIgnoreCase))
            problems.Add(new(nameof(ManagerEmail), "L'adresse de votre responsable hiérarchique doit être différente de la vôtre.", ProblemKind.Format));
        return problems;
    }

    /// <summary>These details with one field, named as in <see cref="FieldProblem.Field"/>, taken from <paramref name="other"/>.</summary>
    public ApplicationDetails WithFieldOf(ApplicationDetails other, string field) => field switch
    {
        nameof(Civility) => this with { Civility = other.Civility },
        nameof(FirstName) => this with { FirstName = other.FirstName },
        nameof(LastName) => this with { LastName = other.LastName },
        nameof(ProfessionalEmail) => this with { ProfessionalEmail = other.ProfessionalEmail },
        nameof(AdministrationId) => this with { AdministrationId = other.AdministrationId, UnlistedAdministration = other.UnlistedAdministration },
        nameof(Category) => this with { Category = other.Category },
        nameof(Grade) => this with { Grade = other.Grade },
        nameof(Position) => this with { Position = other.Position },
        nameof(Motivation) => this with { Motivation = other.Motivation },
        nameof(AvailabilityCommitment) => this with { AvailabilityCommitment = other.AvailabilityCommitment },
        nameof(ManagerName) => this with { ManagerName = other.ManagerName },
        nameof(ManagerEmail) => this with { ManagerEmail = other.ManagerEmail },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    private static bool IsEmail(string value) =>
        value.Length <= 254 && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}

/// <summary>
/// Missing answers only stop a submission; a wrong format is saved in a draft (nothing typed is lost) but stops a
/// submission; a value beyond a hard limit (a length, a list of choices) is refused and never saved.
/// </summary>
public enum ProblemKind { Missing, Format, Refused }

public sealed record FieldProblem(string Field, string Message, ProblemKind Kind);
