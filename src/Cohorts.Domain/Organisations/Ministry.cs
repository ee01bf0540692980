namespace Cohorts.Domain.Organisations;

/// <summary>A ministry ("ministère"); administrations belong to one.</summary>
public sealed class Ministry(string name, string acronym)
{
    public int Id { get; private set; }
    public string Name { get; private set; } = name;
    public string Acronym { get; private set; } = acronym;
}
