using System.Net.Mail;

namespace Cohorts.Domain.Applications;

public enum Civility { Madame, Monsieur }

/// <summary>The category of the French civil service (A: management, B: supervision, C: execution).</summary>
public enum ServiceCategory { A, B, C }

/// <summary>What the candidate types in the application form. Drafts may be incomplete; submissions may not.</summary>
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
    string ManagerEmail)
{
    public const int MotivationMaxLength = 3000;
    public const int NameMaxLength = 100;
    public const int TextMaxLength = 200;

    public static ApplicationDetails Empty { get; } = new(null, "", "", "", null, null, "", "", "", false, "", "");

    /// <summary>
    /// The problems of the form, as (field, French message). Formats and lengths always count; missing
    /// answers only when <paramref name="forSubmission"/>.
    /// </summary>
    public IReadOnlyList<FieldProblem> Problems(bool forSubmission)
    {
        var problems = new List<FieldProblem>();
        void Require(bool present, string field, string message)
        {
            if (forSubmission && !present) problems.Add(new(field, message));
        }
        void Limit(string value, int max, string field, string what)
        {
            if (value.Length > max) problems.Add(new(field, $"{what} ne doit pas dépasser {max} caractères (actuellement {value.Length})."));
        }
        void Email(string value, string field)
        {
            if (value.Length > 0 && !IsEmail(value))
                problems.Add(new(field, "Le format de l'adresse électronique n'est pas valide (exemple : prenom.nom@ministere.gouv.fr)."));
        }

        Require(Civility is not null, nameof(Civility), "Indiquez votre civilité.");
        Require(FirstName.Length > 0, nameof(FirstName), "Indiquez votre prénom.");
        Limit(FirstName, NameMaxLength, nameof(FirstName), "Le prénom");
        Require(LastName.Length > 0, nameof(LastName), "Indiquez votre nom.");
        Limit(LastName, NameMaxLength, nameof(LastName), "Le nom");
        Require(ProfessionalEmail.Length > 0, nameof(ProfessionalEmail), "Indiquez votre adresse électronique professionnelle.");
        Email(ProfessionalEmail, nameof(ProfessionalEmail));
        Require(AdministrationId is not null, nameof(AdministrationId), "Choisissez votre administration dans la liste.");
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
        Email(ManagerEmail, nameof(ManagerEmail));
        if (ManagerEmail.Length > 0 && ManagerEmail.Equals(ProfessionalEmail, StringComparison.OrdinalIgnoreCase))
            problems.Add(new(nameof(ManagerEmail), "L'adresse de votre responsable hiérarchique doit être différente de la vôtre."));
        return problems;
    }

    private static bool IsEmail(string value) =>
        value.Length <= 254 && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}

public sealed record FieldProblem(string Field, string Message);
