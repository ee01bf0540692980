using Cohorts.Domain.Applications;
using Cohorts.Web.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Applications;

/// <summary>
/// The application form as posted: plain strings, so that whatever was typed comes back on an error.
/// Turned into <see cref="ApplicationDetails"/>, whose rules are the domain's.
/// </summary>
public sealed class ApplicationForm
{
    public string? Civility { get; set; }
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string ProfessionalEmail { get; set; } = "";
    /// <summary>The administration as picked from the list: "Name (ministry acronym)".</summary>
    public string Administration { get; set; } = "";
    public string? Category { get; set; }
    public string Grade { get; set; } = "";
    public string Position { get; set; } = "";
    public string Motivation { get; set; } = "";
    public bool AvailabilityCommitment { get; set; }
    public string ManagerName { get; set; } = "";
    public string ManagerEmail { get; set; } = "";
    public IFormFile? Cv { get; set; }

    public static async Task<ApplicationForm> FromAsync(Application application, CohortsDbContext db, CancellationToken cancellationToken) => new()
    {
        Civility = application.Civility?.ToString(),
        FirstName = application.FirstName,
        LastName = application.LastName,
        ProfessionalEmail = application.ProfessionalEmail,
        Administration = application.AdministrationId is { } id
            ? (await AdministrationChoices.AllAsync(db, cancellationToken)).Single(c => c.Id == id).Label
            : "",
        Category = application.Category?.ToString(),
        Grade = application.Grade,
        Position = application.Position,
        Motivation = application.Motivation,
        AvailabilityCommitment = application.AvailabilityCommitment,
        ManagerName = application.ManagerName,
        ManagerEmail = application.ManagerEmail,
    };

    /// <summary>The details, and the problems of format (those of a draft) written into the model state.</summary>
    public async Task<ApplicationDetails> ToDetailsAsync(CohortsDbContext db, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var administrationText = Administration.Trim();
        int? administrationId = null;
        if (administrationText.Length > 0)
        {
            administrationId = (await AdministrationChoices.AllAsync(db, cancellationToken))
                .FirstOrDefault(c => c.Label.Equals(administrationText, StringComparison.OrdinalIgnoreCase))?.Id;
            if (administrationId is null)
                modelState.AddModelError(Field("AdministrationId"), "Choisissez votre administration dans la liste proposée (tapez quelques lettres pour la trouver).");
        }
        var details = new ApplicationDetails(
            Enum.TryParse<Civility>(Civility, out var civility) ? civility : null,
            FirstName.Trim(), LastName.Trim(), ProfessionalEmail.Trim(), administrationId,
            Enum.TryParse<ServiceCategory>(Category, out var category) ? category : null,
            Grade.Trim(), Position.Trim(), Motivation, AvailabilityCommitment, ManagerName.Trim(), ManagerEmail.Trim());
        AddProblems(modelState, details.Problems(forSubmission: false));
        return details;
    }

    public static void AddProblems(ModelStateDictionary modelState, IEnumerable<FieldProblem> problems)
    {
        foreach (var problem in problems) modelState.AddModelError(Field(problem.Field), problem.Message);
    }

    /// <summary>The form field that shows a domain field's problem.</summary>
    public static string Field(string domainField) => "Input." + (domainField == "AdministrationId" ? "Administration" : domainField);
}

public sealed record AdministrationChoice(int Id, string Label, string Ministry);

public static class AdministrationChoices
{
    public static async Task<IReadOnlyList<AdministrationChoice>> AllAsync(CohortsDbContext db, CancellationToken cancellationToken) =>
        await db.Administrations.AsNoTracking()
            .OrderBy(a => a.Name)
            .Select(a => new AdministrationChoice(a.Id, a.Name + " (" + a.Ministry.Acronym + ")", a.Ministry.Name))
            .ToListAsync(cancellationToken);
}
