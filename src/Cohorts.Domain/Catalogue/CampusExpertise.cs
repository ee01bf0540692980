namespace Cohorts.Domain.Catalogue;

/// <summary>The campus's fields of expertise; each program belongs to one.</summary>
public enum CampusExpertise
{
    AgilityAndProduct,
    DigitalStrategy,
    DataAndAi,
    CloudAndSovereignty,
    ManagementAndTransformation,
}

public static class CampusExpertiseLabels
{
    public static string ToFrench(this CampusExpertise expertise) => expertise switch
    {
        CampusExpertise.AgilityAndProduct => "Agilité et produit",
        CampusExpertise.DigitalStrategy => "Stratégie numérique",
        CampusExpertise.DataAndAi => "Données et IA",
        CampusExpertise.CloudAndSovereignty => "Cloud et souveraineté",
        CampusExpertise.ManagementAndTransformation => "Management et transformation",
        _ => throw new ArgumentOutOfRangeException(nameof(expertise), expertise, null),
    };
}
