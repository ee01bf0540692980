namespace Cohorts.Domain.Selection;

/// <summary>
/// What reviewers score ("grille d'évaluation"): a program's weighted criteria, each on the rubric's scale 1..ScaleMax with
/// guidance per level. A version is frozen once a cohort has used it; a later change to the program's rubric is a new
/// version that only later cohorts use (see <see cref="SelectionSettings.FreezeRubric"/>).
/// </summary>
public sealed class Rubric
{
    private readonly List<Criterion> _criteria = [];

    private Rubric() { }

    public int Id { get; private set; }
    public int ProgramId { get; private set; }
    public int Version { get; private set; }
    public int ScaleMax { get; private set; }
    /// <summary>Percent of the final score given to the interview; 0 when the program has none.</summary>
    public int InterviewShare { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public IReadOnlyList<Criterion> Criteria => _criteria;

    public const int ScaleMin = 1;
    public const int LargestScale = 10;
    public const int MaxCriteria = 12;

    public static Rubric Create(int programId, int version, int scaleMax, int interviewShare, IReadOnlyList<CriterionInput> criteria,
        DateTimeOffset now)
    {
        var rubric = new Rubric { ProgramId = programId, Version = version, CreatedAt = now };
        rubric.Edit(scaleMax, interviewShare, criteria);
        return rubric;
    }

    /// <summary>
    /// Changes an unfrozen version in place. Criteria keep their ids by position, so a draft review's scores still
    /// point at the criterion they were given for.
    /// </summary>
    public void Edit(int scaleMax, int interviewShare, IReadOnlyList<CriterionInput> criteria)
    {
        if (scaleMax is < 2 or > LargestScale) throw new DomainException($"L'échelle va de 1 à une note maximale comprise entre 2 et {LargestScale}.");
        if (interviewShare is < 0 or > 100) throw new DomainException("La part de l'entretien est un pourcentage, entre 0 et 100.");
        if (criteria.Count == 0) throw new DomainException("La grille compte au moins un critère.");
        if (criteria.Count > MaxCriteria) throw new DomainException($"La grille compte au plus {MaxCriteria} critères.");
        foreach (var input in criteria) input.Check(scaleMax);
        if (criteria.Select(c => c.Name.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != criteria.Count)
            throw new DomainException("Deux critères portent le même nom.");
        ScaleMax = scaleMax;
        InterviewShare = interviewShare;
        for (var position = 0; position < criteria.Count; position++)
        {
            if (position < _criteria.Count) _criteria[position].Change(criteria[position]);
            else _criteria.Add(Criterion.From(position, criteria[position]));
        }
        _criteria.RemoveRange(criteria.Count, _criteria.Count - criteria.Count);
    }

    /// <summary>A copy to edit when this version is frozen: the next version of the program's rubric.</summary>
    public Rubric NextVersion(int scaleMax, int interviewShare, IReadOnlyList<CriterionInput> criteria, DateTimeOffset now) =>
        Create(ProgramId, Version + 1, scaleMax, interviewShare, criteria, now);

    public IReadOnlyList<CriterionInput> Inputs => _criteria.Select(c => new CriterionInput(c.Name, c.Description, c.Weight, c.Guidance)).ToList();

    /// <summary>The weighted mean of a complete set of scores, on the rubric's scale.</summary>
    public double WeightedMean(IReadOnlyDictionary<int, int> scoreByCriterion)
    {
        double total = 0, weights = 0;
        foreach (var criterion in _criteria)
        {
            if (!scoreByCriterion.TryGetValue(criterion.Id, out var score)) throw new DomainException($"Le critère « {criterion.Name} » n'est pas noté.");
            total += criterion.Weight * score;
            weights += criterion.Weight;
        }
        return total / weights;
    }
}

/// <summary>One criterion as a staff form gives it.</summary>
public sealed record CriterionInput(string Name, string Description, int Weight, IReadOnlyList<string> Guidance)
{
    public const int NameMaxLength = 200;
    public const int TextMaxLength = 1000;
    public const int MaxWeight = 10;

    internal void Check(int scaleMax)
    {
        if (string.IsNullOrWhiteSpace(Name)) throw new DomainException("Chaque critère a un nom.");
        if (Name.Trim().Length > NameMaxLength) throw new DomainException($"Le nom d'un critère ne doit pas dépasser {NameMaxLength} caractères.");
        if (Description.Trim().Length > TextMaxLength) throw new DomainException($"La description d'un critère ne doit pas dépasser {TextMaxLength} caractères.");
        if (Weight is < 1 or > MaxWeight) throw new DomainException($"Le poids du critère « {Name.Trim()} » est un entier de 1 à {MaxWeight}.");
        if (Guidance.Count != scaleMax)
            throw new DomainException($"Le critère « {Name.Trim()} » décrit chaque niveau de 1 à {scaleMax}.");
        if (Guidance.Any(g => g.Trim().Length > TextMaxLength))
            throw new DomainException($"La description d'un niveau ne doit pas dépasser {TextMaxLength} caractères.");
    }
}

public sealed class Criterion
{
    private Criterion() { }

    public int Id { get; private set; }
    public int RubricId { get; private set; }
    public int Position { get; private set; }
    public string Name { get; private set; } = "";
    public string Description { get; private set; } = "";
    public int Weight { get; private set; }
    /// <summary>What each level means, from 1 to the rubric's maximum.</summary>
    public IReadOnlyList<string> Guidance { get; private set; } = [];

    internal static Criterion From(int position, CriterionInput input)
    {
        var criterion = new Criterion { Position = position };
        criterion.Change(input);
        return criterion;
    }

    internal void Change(CriterionInput input)
    {
        Name = input.Name.Trim();
        Description = input.Description.Trim();
        Weight = input.Weight;
        Guidance = input.Guidance.Select(g => g.Trim()).ToArray();
    }
}
