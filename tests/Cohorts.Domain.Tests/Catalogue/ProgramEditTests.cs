using Cohorts.Domain.Catalogue;

namespace Cohorts.Domain.Tests.Catalogue;

public sealed class ProgramEditTests
{
    private static TrainingProgram Booster() => TrainingProgram.Create("booster-agile", "Booster Agile", "", "", true, false);

    [Theory]
    [InlineData("Conseiller en stratégie numérique", "conseiller-en-strategie-numerique")]
    [InlineData("  Économie & Œuvres — Île-de-France ", "economie-oeuvres-ile-de-france")]
    [InlineData("Données et IA 2027", "donnees-et-ia-2027")]
    [InlineData("!!!", "programme")]
    public void A_slug_folds_accents_and_joins_words_with_dashes(string name, string slug)
    {
        Assert.Equal(slug, Slug.From(name));
    }

    [Fact]
    public void A_slug_is_never_longer_than_its_column()
    {
        var slug = Slug.From(string.Join(' ', Enumerable.Repeat("transformation", 20)));
        Assert.True(slug.Length <= Slug.MaxLength);
        Assert.False(slug.EndsWith('-'));
    }

    [Fact]
    public void Edit_changes_every_field_and_keeps_the_slug()
    {
        var program = Booster();
        program.Edit(" Booster Agile 2 ", "Deux mois.", CampusExpertise.DataAndAi, "8 journées", false, true, "Un jury de trois membres.");
        Assert.Equal(("booster-agile", "Booster Agile 2", "Deux mois.", CampusExpertise.DataAndAi, "8 journées", false, true, "Un jury de trois membres."),
            (program.Slug, program.Name, program.Summary, program.Expertise, program.Format, program.RequiresEndorsement, program.HasInterview,
                program.SelectionDescription));
    }

    [Fact]
    public void Edit_without_a_name_is_refused_in_French()
    {
        var error = Assert.Throws<DomainException>(() => Booster().Edit(" ", "", CampusExpertise.DataAndAi, "", true, false, ""));
        Assert.Equal("Le nom du programme est obligatoire.", error.Message);
    }

    [Fact]
    public void A_name_longer_than_200_characters_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => Booster().Edit(new string('a', 201), "", CampusExpertise.DataAndAi, "", true, false, ""));
        Assert.Contains("200 caractères", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expertise_outside_the_list_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => Booster().Edit("Booster", "", (CampusExpertise)42, "", true, false, ""));
        Assert.Contains("expertise", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_selection_description_longer_than_2000_characters_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => Booster().Edit("Booster", "", CampusExpertise.DataAndAi, "", true, false, new string('x', 2001)));
        Assert.Contains("sélection", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_expertise_has_a_French_label()
    {
        Assert.Equal(["Agilité et produit", "Stratégie numérique", "Données et IA", "Cloud et souveraineté", "Management et transformation"],
            Enum.GetValues<CampusExpertise>().Select(e => e.ToFrench()));
    }
}
