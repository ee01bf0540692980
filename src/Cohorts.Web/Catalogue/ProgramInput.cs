using System.ComponentModel.DataAnnotations;
using Cohorts.Domain.Catalogue;

namespace Cohorts.Web.Catalogue;

/// <summary>What the program form asks, on its creation and on its page (partial <c>_ProgramFields</c>).</summary>
public sealed class ProgramInput
{
    [Required(ErrorMessage = "Indiquez le nom du programme.")]
    [StringLength(TrainingProgram.NameMaxLength, ErrorMessage = "Le nom du programme ne doit pas dépasser 200 caractères.")]
    public string? Name { get; set; }

    [StringLength(TrainingProgram.TextMaxLength, ErrorMessage = "La description ne doit pas dépasser 2000 caractères.")]
    public string? Summary { get; set; }

    [Required(ErrorMessage = "Choisissez l'expertise du campus.")]
    public CampusExpertise? Expertise { get; set; }

    [StringLength(TrainingProgram.TextMaxLength, ErrorMessage = "Le format ne doit pas dépasser 2000 caractères.")]
    public string? Format { get; set; }

    public bool RequiresEndorsement { get; set; }
    public bool HasInterview { get; set; }

    [StringLength(TrainingProgram.TextMaxLength, ErrorMessage = "La description de la sélection ne doit pas dépasser 2000 caractères.")]
    public string? SelectionDescription { get; set; }

    public static ProgramInput Of(TrainingProgram program) => new()
    {
        Name = program.Name, Summary = program.Summary, Expertise = program.Expertise, Format = program.Format,
        RequiresEndorsement = program.RequiresEndorsement, HasInterview = program.HasInterview, SelectionDescription = program.SelectionDescription,
    };

    /// <summary>Gives the program what the form says; the domain has the last word on what is valid.</summary>
    public void ApplyTo(TrainingProgram program) =>
        program.Edit(Name ?? "", Summary ?? "", Expertise!.Value, Format ?? "", RequiresEndorsement, HasInterview, SelectionDescription ?? "");
}
