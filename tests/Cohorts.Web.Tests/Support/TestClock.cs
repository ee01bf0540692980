using Microsoft.Extensions.Time.Testing;

namespace Cohorts.Web.Tests.Support;

/// <summary>
/// A clock that stands still unless a test moves it, and can be told to fail (to provoke a server error).
/// It only moves forward: tests state times relative to <c>GetUtcNow()</c>, never as fixed instants.
/// </summary>
public sealed class TestClock() : FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero))
{
    public Exception? Failure { get; set; }

    public override DateTimeOffset GetUtcNow() => Failure is { } failure ? throw failure : base.GetUtcNow();

    public void Reset() => Failure = null;

    /// <summary>An offer made now with this delay ends with the Paris day it reaches, at 23 h 59 59 there.</summary>
    public DateTimeOffset OfferDeadline(int days = 7) =>
        Domain.ParisTime.StartOfDay(Domain.ParisTime.Today(GetUtcNow()).AddDays(days + 1)).AddSeconds(-1);
}
