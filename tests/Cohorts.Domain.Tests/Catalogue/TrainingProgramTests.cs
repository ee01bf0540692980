using Cohorts.Domain.Catalogue;

namespace Cohorts.Domain.Tests.Catalogue;

public sealed class TrainingProgramTests
{
    [Theory]
    [InlineData("Booster Agile")]
    [InlineData("booster agile")]
    [InlineData("booster_agile")]
    [InlineData("")]
    public void A_slug_outside_lowercase_digits_and_dashes_is_refused(string slug)
    {
        var error = Assert.Throws<DomainException>(() => TrainingProgram.Create(slug, "Booster Agile", "", "", true, false));
        Assert.Contains("minuscules", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_program_needs_a_name()
    {
        Assert.Throws<DomainException>(() => TrainingProgram.Create("booster-agile", "  ", "", "", true, false));
    }

    [Fact]
    public void Names_are_trimmed_and_stages_kept()
    {
        var program = TrainingProgram.Create("csn-2", "  Conseiller en stratégie numérique ", "", "", requiresEndorsement: true, hasInterview: true);
        Assert.Equal("Conseiller en stratégie numérique", program.Name);
        Assert.True(program.RequiresEndorsement);
        Assert.True(program.HasInterview);
    }
}
