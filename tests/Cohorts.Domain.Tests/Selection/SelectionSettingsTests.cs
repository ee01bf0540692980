using Cohorts.Domain.Selection;

namespace Cohorts.Domain.Tests.Selection;

public sealed class SelectionSettingsTests
{
    private static SelectionSettings WithOfferDays(int days)
    {
        var settings = SelectionSettings.For(1);
        settings.Edit(2, null, 1.5, null, null, null, null, null, null, days);
        return settings;
    }

    [Fact]
    public void An_offer_published_in_the_night_runs_to_the_end_of_the_Paris_day_its_delay_reaches()
    {
        // 2 December 2026 at 1 h 56 in Paris (0 h 56 UTC, winter time): ten days later is 12 December, until 23 h 59 59 there.
        var deadline = WithOfferDays(10).OfferDeadlineFrom(new DateTimeOffset(2026, 12, 2, 0, 56, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 12, 12, 22, 59, 59, TimeSpan.Zero), deadline);
    }

    [Fact]
    public void An_offer_runs_to_the_end_of_the_Paris_day_in_summer_time_too()
    {
        // 30 June 2026 at 23 h 30 in Paris is already 30 June; seven days later, 7 July until 23 h 59 59 (21 h 59 59 UTC).
        var deadline = WithOfferDays(7).OfferDeadlineFrom(new DateTimeOffset(2026, 6, 30, 21, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 7, 7, 21, 59, 59, TimeSpan.Zero), deadline);
    }
}
