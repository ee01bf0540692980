using Cohorts.Domain.Applications;
using Cohorts.Web.Data;
using Cohorts.Web.FormInput;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Applications;

/// <summary>
/// The application form as posted: plain strings (already normalised by <see cref="FormBinding"/>; null when left
/// empty), so that whatever was typed comes back on an error. Turned into <see cref="ApplicationDetails"/>, whose rules are the
/// domain's; a choice outside its list is the only thing read here that cannot be kept.
/// </summary>
public sealed class ApplicationForm
{
    public string? Civility { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? ProfessionalEmail { get; set; }
    /// <summary>The administration as picked from the list: "Name (ministry acronym)", or as typed.</summary>
    public string? Administration { get; set; }
    public string? Category { get; set; }
    public string? Grade { get; set; }
    public string? Position { get; set; }
    public string? Motivation { get; set; }
    /// <summary>The checkbox posts "true" when ticked and nothing otherwise.</summary>
    public string? AvailabilityCommitment { get; set; }
    public string? ManagerName { get; set; }
    public string? ManagerEmail { get; set; }
    public IFormFile? Cv { get; set; }

    /// <summary>The French name of each field, as the summary of a refused save lists them.</summary>
    public static IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string>
    {
        [nameof(ApplicationDetails.Civility)] = "Civilité",
        [nameof(ApplicationDetails.FirstName)] = "Prénom",
        [nameof(ApplicationDetails.LastName)] = "Nom",
        [nameof(ApplicationDetails.ProfessionalEmail)] = "Adresse électronique professionnelle",
        [nameof(ApplicationDetails.AdministrationId)] = "Administration",
        [nameof(ApplicationDetails.Category)] = "Catégorie",
        [nameof(ApplicationDetails.Grade)] = "Grade",
        [nameof(ApplicationDetails.Position)] = "Poste actuel",
        [nameof(ApplicationDetails.Motivation)] = "Motivation",
        [nameof(ApplicationDetails.AvailabilityCommitment)] = "Engagement de disponibilité",
        [nameof(ApplicationDetails.ManagerName)] = "Nom du responsable hiérarchique",
        [nameof(ApplicationDetails.ManagerEmail)] = "Adresse du responsable hiérarchique",
        ["Cv"] = "CV",
    };

    public static ApplicationForm From(Application application, IReadOnlyList<AdministrationChoice> administrations) => new()
    {
        Civility = application.Civility?.ToString(),
        FirstName = application.FirstName,
        LastName = application.LastName,
        ProfessionalEmail = application.ProfessionalEmail,
        Administration = application.AdministrationId is { } id
            ? administrations.Single(c => c.Id == id).Label
            : application.UnlistedAdministration,
        Category = application.Category?.ToString(),
        Grade = application.Grade,
        Position = application.Position,
        Motivation = application.Motivation,
        AvailabilityCommitment = application.AvailabilityCommitment ? "true" : null,
        ManagerName = application.ManagerName,
        ManagerEmail = application.ManagerEmail,
    };

    /// <summary>
    /// The details as typed. A value outside its list (a tampered radio button or select) keeps the
    /// <paramref name="saved"/> one and is added to <paramref name="refused"/>.
    /// </summary>
    public ApplicationDetails ToDetails(ApplicationDetails saved, IReadOnlyList<AdministrationChoice> administrations, ICollection<FieldProblem> refused)
    {
        TEnum? Pick<TEnum>(string? posted, string field, TEnum? previous) where TEnum : struct, Enum
        {
            if (string.IsNullOrWhiteSpace(posted)) return null;
            if (Choice.TryParse<TEnum>(posted, out var value)) return value;
            refused.Add(new(field, Choice.NotInList, ProblemKind.Refused));
            return previous;
        }
        var commitment = AvailabilityCommitment?.Trim() switch
        {
            null or "" => false,
            "true" or "on" => true,
            _ => Refuse(nameof(ApplicationDetails.AvailabilityCommitment), saved.AvailabilityCommitment),
        };
        var administration = Administration?.Trim() ?? "";
        var match = administration.Length == 0 ? null : AdministrationChoices.Match(administrations, administration);
        return new ApplicationDetails(
            Pick(Civility, nameof(ApplicationDetails.Civility), saved.Civility),
            FirstName ?? "", LastName ?? "", ProfessionalEmail ?? "", match?.Id,
            Pick(Category, nameof(ApplicationDetails.Category), saved.Category),
            Grade ?? "", Position ?? "", Motivation ?? "", commitment, ManagerName ?? "", ManagerEmail ?? "",
            UnlistedAdministration: match is null ? administration : "");

        bool Refuse(string field, bool previous)
        {
            refused.Add(new(field, Choice.NotInList, ProblemKind.Refused));
            return previous;
        }
    }

    public static void AddProblems(ModelStateDictionary modelState, IEnumerable<FieldProblem> problems)
    {
        foreach (var problem in problems) modelState.AddModelError(Field(problem.Field), problem.Message);
    }

    /// <summary>The form field that shows a domain field's problem.</summary>
    public static string Field(string domainField) => "Input." + (domainField == "AdministrationId" ? "Administration" : domainField);
}

public sealed record AdministrationChoice(int Id, string Label, string Name, string Ministry);

public static class AdministrationChoices
{
    public static async Task<IReadOnlyList<AdministrationChoice>> AllAsync(CohortsDbContext db, CancellationToken cancellationToken) =>
        await db.Administrations.AsNoTracking()
            .OrderBy(a => a.Name)
            .Select(a => new AdministrationChoice(a.Id, a.Name + " (" + a.Ministry.Acronym + ")", a.Name, a.Ministry.Name))
            .ToListAsync(cancellationToken);

    /// <summary>The administration named by what was typed: its label from the list, or its name alone when only one has it.</summary>
    public static AdministrationChoice? Match(IReadOnlyList<AdministrationChoice> choices, string typed) =>
        choices.FirstOrDefault(c => c.Label.Equals(typed, StringComparison.OrdinalIgnoreCase))
        ?? (choices.Where(c => c.Name.Equals(typed, StringComparison.OrdinalIgnoreCase)).ToList() is [var only] ? only : null);
}
