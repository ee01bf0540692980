using System.Collections.Frozen;
using System.Reflection;

namespace Cohorts.Web.Emails;

/// <summary>One kind of email as staff pages know it: its template's name (the outbox's Kind), its French label, its sample.</summary>
public sealed record EmailKind(Type Type, string Template, string Label, Func<Email> Sample);

/// <summary>
/// Every kind of email of the app, found by reflection: each concrete <see cref="Email"/> record that implements
/// <see cref="IEmailKind{TSelf}"/>. A new email appears in the mail journal's filter and the template previews without
/// being listed anywhere; one that forgets the interface is left out here and fails a test.
/// </summary>
public static class EmailKinds
{
    /// <summary>The site the samples' links point to: the shape of <see cref="MailOptions.BaseUrl"/>, no real address.</summary>
    public const string SampleSite = "https://cohorts.example.gouv.fr";

    private static readonly MethodInfo DescribeMethod =
        typeof(EmailKinds).GetMethod(nameof(Describe), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Every concrete email record of the app, whether it declares itself or not.</summary>
    public static IReadOnlyList<Type> EmailTypes { get; } = typeof(Email).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(Email)) && !t.IsAbstract && !t.IsGenericTypeDefinition)
        .OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();

    /// <summary>The kinds, by French label.</summary>
    public static IReadOnlyList<EmailKind> All { get; } = EmailTypes
        .Where(t => t.GetInterfaces().Contains(typeof(IEmailKind<>).MakeGenericType(t)))
        .Select(t => (EmailKind)DescribeMethod.MakeGenericMethod(t).Invoke(null, null)!)
        .OrderBy(k => k.Label, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true))
        .ToList();

    private static readonly FrozenDictionary<string, EmailKind> ByTemplate = All.ToFrozenDictionary(k => k.Template, StringComparer.Ordinal);

    public static EmailKind? Find(string template) => ByTemplate.GetValueOrDefault(template);

    /// <summary>The French label of an outbox message's kind; a kind the app no longer knows shows as its name.</summary>
    public static string LabelOf(string template) => Find(template)?.Label ?? template;

    private static EmailKind Describe<T>() where T : Email, IEmailKind<T> =>
        new(typeof(T), T.Sample.Template, T.Label, () => T.Sample);
}
