using Cohorts.Domain.Catalogue;

namespace Cohorts.Web.Tests.Support;

public static class CatalogueSeeding
{
    /// <summary>A cohort as the catalogue shows it: new cohorts are unpublished until their staff publish them.</summary>
    public static Cohort Published(this Cohort cohort)
    {
        cohort.Publish();
        return cohort;
    }
}
