namespace Cohorts.Web.Emails;

/// <summary>
/// One kind of email: its subject and the name of its templates in <c>templates/emails</c>
/// (<c>NAME.html.liquid</c> and <c>NAME.txt.liquid</c>). The record's properties are the templates' model.
/// </summary>
public abstract record Email
{
    public abstract string Template { get; }
    public abstract string Subject { get; }
}

public sealed record RenderedEmail(string Template, string Subject, string Html, string Text);

/// <summary>
/// What every kind of email tells the staff's pages about itself: its name in French (the mail journal's column and
/// filter) and sample data (the template previews). Every concrete <see cref="Email"/> implements it: a test checks.
/// </summary>
public interface IEmailKind<out TSelf> where TSelf : Email
{
    static abstract string Label { get; }
    static abstract TSelf Sample { get; }
}
