namespace Cohorts.Domain.Tests;

public sealed class ParisTimeTests
{
    [Theory]
    [InlineData(2026, 1, 15, 23)] // winter: UTC+1
    [InlineData(2026, 7, 15, 22)] // summer: UTC+2
    [InlineData(2026, 3, 29, 23)] // the day clocks go forward starts before the change (UTC+1)
    [InlineData(2026, 10, 25, 22)] // the day clocks go back starts before the change (UTC+2)
    public void A_Paris_day_starts_at_local_midnight(int year, int month, int day, int utcHourTheDayBefore)
    {
        var start = ParisTime.StartOfDay(new DateOnly(year, month, day));
        Assert.Equal(TimeSpan.Zero, start.Offset);
        Assert.Equal(new DateOnly(year, month, day).AddDays(-1), DateOnly.FromDateTime(start.UtcDateTime));
        Assert.Equal(utcHourTheDayBefore, start.Hour);
        Assert.Equal(new DateOnly(year, month, day), ParisTime.Today(start));
        Assert.Equal(new DateOnly(year, month, day).AddDays(-1), ParisTime.Today(start.AddTicks(-1)));
    }
}
