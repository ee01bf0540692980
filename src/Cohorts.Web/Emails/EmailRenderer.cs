using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Fluid;
using Microsoft.Extensions.Options;

namespace Cohorts.Web.Emails;

/// <summary>Renders an email's Liquid templates inside the shared layout, HTML (escaped) and plain text.</summary>
public sealed class EmailRenderer(IOptions<MailOptions> options)
{
    private static readonly FluidParser Parser = new();
    private readonly ConcurrentDictionary<string, IFluidTemplate> _templates = new();
    private readonly TemplateOptions _templateOptions = new() { MemberAccessStrategy = new UnsafeMemberAccessStrategy() };

    public RenderedEmail Render(Email email)
    {
        var html = RenderInLayout(email, "html", HtmlEncoder.Default);
        var text = RenderInLayout(email, "txt", NullEncoder.Default);
        return new RenderedEmail(email.Template, email.Subject, html, text);
    }

    private string RenderInLayout(Email email, string kind, TextEncoder encoder)
    {
        var context = new TemplateContext(email, _templateOptions);
        context.SetValue("subject", email.Subject);
        context.SetValue("base_url", options.Value.BaseUrl);
        var body = Load($"{email.Template}.{kind}.liquid").Render(context, encoder);
        // The body is already encoded: the layout inserts it as is.
        context.SetValue("content", new Fluid.Values.StringValue(body, encode: false));
        return Load($"layout.{kind}.liquid").Render(context, encoder);
    }

    private IFluidTemplate Load(string fileName) => _templates.GetOrAdd(fileName, name =>
    {
        var path = Path.Combine(options.Value.TemplatesPath, name);
        if (!File.Exists(path)) throw new FileNotFoundException($"Email template not found: {path}", path);
        if (!Parser.TryParse(File.ReadAllText(path), out var template, out var error))
            throw new InvalidOperationException($"Email template {name} does not parse: {error}");
        return template;
    });
}
