using System.ComponentModel.DataAnnotations;
using Cohorts.Domain;
using Cohorts.Domain.Catalogue;

namespace Cohorts.Web.Catalogue;

/// <summary>What the cohort form asks (partial <c>_CohortFields</c>). Times are typed in Paris time and stored in UTC.</summary>
public sealed class CohortInput
{
    [Required(ErrorMessage = "Indiquez le nom de la promotion.")]
    [StringLength(Cohort.NameMaxLength, ErrorMessage = "Le nom de la promotion ne doit pas dépasser 200 caractères.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Indiquez le nombre de places.")]
    [Range(1, 100_000, ErrorMessage = "Le nombre de places est compris entre 1 et 100 000.")]
    public int? Seats { get; set; }

    [Required(ErrorMessage = "Indiquez le premier jour de formation.")]
    public DateOnly? StartsOn { get; set; }

    [Required(ErrorMessage = "Indiquez le dernier jour de formation.")]
    public DateOnly? EndsOn { get; set; }

    [Required(ErrorMessage = "Indiquez l'ouverture de l'appel à candidatures.")]
    public DateTime? OpensAt { get; set; }

    [Required(ErrorMessage = "Indiquez la date limite de dépôt.")]
    public DateTime? ClosesAt { get; set; }

    [StringLength(Cohort.TextMaxLength, ErrorMessage = "Le lieu ne doit pas dépasser 500 caractères.")]
    public string? Place { get; set; }

    [StringLength(Cohort.TextMaxLength, ErrorMessage = "Le format ne doit pas dépasser 500 caractères.")]
    public string? Format { get; set; }

    public bool Published { get; set; }

    // Methods, not properties: validation reads every property, also before the required ones are known to be there.
    public DateTimeOffset OpensAtUtc() => ParisTime.FromParis(OpensAt!.Value);
    public DateTimeOffset ClosesAtUtc() => ParisTime.FromParis(ClosesAt!.Value);

    public static CohortInput Of(Cohort cohort) => new()
    {
        Name = cohort.Name, Seats = cohort.Seats, StartsOn = cohort.StartsOn, EndsOn = cohort.EndsOn,
        OpensAt = ParisTime.ToParis(cohort.ApplicationsOpenAt).DateTime, ClosesAt = ParisTime.ToParis(cohort.ApplicationsCloseAt).DateTime,
        Place = cohort.Place, Format = cohort.Format, Published = cohort.Published,
    };
}
