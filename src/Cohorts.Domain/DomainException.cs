namespace Cohorts.Domain;

/// <summary>A rule of the domain was broken. The message is shown to users as is, so it is in French.</summary>
public sealed class DomainException(string message) : Exception(message);
