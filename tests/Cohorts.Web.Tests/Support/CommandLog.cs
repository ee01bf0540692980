using System.Diagnostics;

namespace Cohorts.Web.Tests.Support;

/// <summary>
/// The SQL commands Npgsql runs on this async flow while the log is open (its activities, under one root): to check
/// that a bulk operation costs a bounded number of queries. Only this log's own trace is counted, so that commands of
/// other tests running meanwhile are not.
/// </summary>
public sealed class CommandLog : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly Activity _root;
    private readonly List<string> _texts = [];

    public CommandLog()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Stopped,
        };
        ActivitySource.AddActivityListener(_listener);
        _root = new Activity("commands").Start();
    }

    public IReadOnlyList<string> Texts { get { lock (_texts) return [.. _texts]; } }

    public int Selects => Texts.Count(t => t.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase));

    private void Stopped(Activity activity)
    {
        if (activity.Source.Name != "Npgsql" || activity.TraceId != _root.TraceId) return;
        lock (_texts) _texts.Add(activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? activity.DisplayName);
    }

    public void Dispose()
    {
        _root.Dispose();
        _listener.Dispose();
    }
}
