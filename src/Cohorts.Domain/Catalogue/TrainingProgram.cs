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

    public CampusExpertise Expertise { get; private set; }
    /// <summary>How candidates are selected, as the cohort's page tells them.</summary>
    public string SelectionDescription { get; private set; } = "";

    /// <summary>
    /// The share of planned mandatory hours a participant should attend, in percent (80 unless staff say otherwise):
    /// below it, staff views highlight them.
    /// </summary>
    public int AttendanceThreshold { get; private set; } = DefaultAttendanceThreshold;

    public const int NameMaxLength = 200;
    public const int TextMaxLength = 2000;
    public const int DefaultAttendanceThreshold = 80;

    public static TrainingProgram Create(string slug, string name, string summary, string format,
        bool requiresEndorsement, bool hasInterview,
        CampusExpertise expertise = CampusExpertise.AgilityAndProduct, string selectionDescription = "")
    {
        if (string.IsNullOrWhiteSpace(slug) || slug.Length > Catalogue.Slug.MaxLength
            || !slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            throw new DomainException("L'identifiant du programme ne contient que des minuscules, des chiffres et des tirets.");
        var program = new TrainingProgram { Slug = slug };
        program.Edit(name, summary, expertise, format, requiresEndorsement, hasInterview, selectionDescription);
        return program;
    }

    /// <summary>Changes what the program says of itself. The slug stays: links already sent keep working.</summary>
    public void Edit(string name, string summary, CampusExpertise expertise, string format,
        bool requiresEndorsement, bool hasInterview, string selectionDescription)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("Le nom du programme est obligatoire.");
        if (name.Trim().Length > NameMaxLength) throw new DomainException($"Le nom du programme ne doit pas dépasser {NameMaxLength} caractères.");
        if (!Enum.IsDefined(expertise)) throw new DomainException("Choisissez l'expertise du campus à laquelle le programme appartient.");
        Check(summary, "La description");
        Check(format, "Le format");
        Check(selectionDescription, "La description de la sélection");
        Name = name.Trim();
        Summary = summary.Trim();
        Expertise = expertise;
        Format = format.Trim();
        RequiresEndorsement = requiresEndorsement;
        HasInterview = hasInterview;
        SelectionDescription = selectionDescription.Trim();
    }

    public void SetAttendanceThreshold(int percent)
    {
        if (percent is < 0 or > 100) throw new DomainException("Le seuil d'assiduité est un pourcentage, de 0 à 100.");
        AttendanceThreshold = percent;
    }

    private static void Check(string text, string what)
    {
        if (text.Trim().Length > TextMaxLength) throw new DomainException($"{what} ne doit pas dépasser {TextMaxLength} caractères.");
    }
}
