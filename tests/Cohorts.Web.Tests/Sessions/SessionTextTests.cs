using Cohorts.Domain;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Sessions;

namespace Cohorts.Web.Tests.Sessions;

public sealed class SessionTextTests
{
    private static Session InPerson(string room)
    {
        var start = ParisTime.FromParis(new DateTime(2027, 1, 12, 9, 30, 0));
        return Session.Plan(1, new SessionDetails(SessionKind.InPerson, "Journée", start, start.AddHours(2), true, 2, "lead", Place: "Campus du numérique public",
            Address: "8 boulevard du Port-Royal, Paris", Room: room), new SessionWindow(new DateOnly(2027, 1, 1), new DateOnly(2027, 6, 30)), start.AddDays(-10));
    }

    /// <summary>Found in a user's trial: a room typed « Salle Condorcet » read « salle Salle Condorcet ».</summary>
    [Theory]
    [InlineData("B12", "Campus du numérique public, salle B12, 8 boulevard du Port-Royal, Paris")]
    [InlineData("Salle Condorcet", "Campus du numérique public, Salle Condorcet, 8 boulevard du Port-Royal, Paris")]
    [InlineData("Amphithéâtre Turgot", "Campus du numérique public, Amphithéâtre Turgot, 8 boulevard du Port-Royal, Paris")]
    [InlineData("", "Campus du numérique public, 8 boulevard du Port-Royal, Paris")]
    public void A_room_reads_once_whether_or_not_it_was_typed_with_its_word(string room, string where) =>
        Assert.Equal(where, SessionText.Where(InPerson(room)));

    [Fact]
    public void A_session_reads_in_Paris_time_in_winter_and_in_summer()
    {
        Assert.Equal("mardi 12 janvier 2027, de 09:30 à 11:30", SessionText.When(InPerson("B12")));
        var july = ParisTime.FromParis(new DateTime(2027, 7, 6, 9, 30, 0));
        Assert.Equal(7, july.UtcDateTime.Hour);
        Assert.Equal("mardi 6 juillet 2027, de 09:30 à 11:00", SessionText.When(july, july.AddMinutes(90)));
    }
}
