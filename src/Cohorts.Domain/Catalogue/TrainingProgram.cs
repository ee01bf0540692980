namespace Cohorts.Domain.Catalogue;

/// <summary>
/// A training program ("programme"), run as successive cohorts.
/// Named TrainingProgram in code because <c>Program</c> is the entry point of every .NET application.
/// </summary>
public sealed class TrainingProgram
{
    private TrainingProgram() { }

    public int Id { get; private set; }
    public string Slug { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public string Format { get; private set; } = "";
    /// <summary>Whether an application needs the line manager's endorsement ("avis hiérarchique").</summary>
    public bool RequiresEndorsement { get; private set; }
    /// <summary>Whether shortlisted candidates go through an interview before the decision.</summary>
    public bool HasInterview { get; private set; }

    public static TrainingProgram Create(string slug, string name, string summary, string format,
        bool requiresEndorsement, bool hasInterview)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("Le nom du programme est obligatoire.");
        if (string.IsNullOrWhiteSpace(slug) || !slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            throw new DomainException("L'identifiant du programme ne contient que des minuscules, des chiffres et des tirets.");
        return new TrainingProgram
        {
            Slug = slug,
            Name = name.Trim(),
            Summary = summary.Trim(),
            Format = format.Trim(),
            RequiresEndorsement = requiresEndorsement,
            HasInterview = hasInterview,
        };
    }
}
