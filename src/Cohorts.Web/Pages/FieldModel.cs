using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cohorts.Web.Pages;

/// <summary>
/// One DSFR form field with its label, hint and error messages (partial <c>_Field</c>). A field not required reads
/// « (facultatif) », unless <see cref="RequiredWhen"/> says when it is (« obligatoire en présentiel »).
/// </summary>
public sealed record FieldModel(ModelStateDictionary ModelState, string Name, string Label, string? Value,
    string Type = "text", string? AutoComplete = null, string? Hint = null, bool Required = true, string? RequiredWhen = null)
{
    public string LabelSuffix => Required ? "" : RequiredWhen is { } when ? $" ({when})" : " (facultatif)";

    public string Id => Name.Replace('.', '_');

    public IReadOnlyList<string> Errors =>
        ModelState.TryGetValue(Name, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];

    /// <summary>What the user typed comes back after an error, except passwords.</summary>
    public string? ShownValue => Type == "password" ? null
        : ModelState.TryGetValue(Name, out var entry) && entry.AttemptedValue is not null ? entry.AttemptedValue : Value;
}

/// <summary>The error messages of one field (partial <c>_Errors</c>), for fields <c>_Field</c> does not draw.</summary>
public sealed record FieldErrors(ModelStateDictionary State, string Field);
