namespace Cohorts.Domain.Organisations;

/// <summary>Where a public agent works: a directorate, an agency or a service, under one ministry.</summary>
public sealed class Administration
{
    private Administration() { }

    public Administration(string name, Ministry ministry)
    {
        Name = name;
        Ministry = ministry;
        MinistryId = ministry.Id;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public int MinistryId { get; private set; }
    public Ministry Ministry { get; private set; } = null!;
}
