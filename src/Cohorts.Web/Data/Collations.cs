namespace Cohorts.Web.Data;

public static class Collations
{
    /// <summary>
    /// French order for names people read in lists ("Économie" before "Intérieur"): the database's own C
    /// collation sorts accented letters after "z". ICU's collation exists in every database of Debian's PostgreSQL.
    /// </summary>
    public const string French = "fr-FR-x-icu";
}
