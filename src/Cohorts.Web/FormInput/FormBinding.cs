using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.Extensions.DependencyInjection;

namespace Cohorts.Web.FormInput;

/// <summary>
/// How every form of the app reads what is posted: texts normalised once (<see cref="TextInput"/>), enums only by
/// the names of their list, and every message in French. An empty text is null, as the framework has it, so that
/// [Required] alone speaks for an empty field.
/// </summary>
public static class FormBinding
{
    public const string InvalidValue = "La valeur saisie n'est pas valide.";

    /// <summary>What a value the framework cannot read says, by the kind of field: more than « not valid ».</summary>
    private static readonly Dictionary<Type, string> InvalidOfType = new()
    {
        [typeof(int)] = "Saisissez un nombre entier, en chiffres (par exemple 12).",
        [typeof(TimeOnly)] = "Indiquez une heure valide, par exemple 14:00.",
        [typeof(DateOnly)] = "Indiquez une date valide, par exemple 12/01/2027.",
        [typeof(DateTime)] = "Indiquez une date et une heure valides.",
    };

    public static void Apply(MvcOptions options)
    {
        options.ModelBinderProviders.Insert(0, new Provider());
        // What is required is said by [Required] with a French message, or by the domain: a non-nullable string
        // alone must not add the framework's English "The … field is required."
        options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((_, _) => InvalidValue);
        messages.SetMissingBindRequiredValueAccessor(_ => "Ce champ est obligatoire.");
        messages.SetMissingKeyOrValueAccessor(() => "Ce champ est obligatoire.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Le formulaire est vide.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => "La valeur saisie n'est pas valide.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "La valeur saisie n'est pas valide.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Saisissez un nombre.");
        messages.SetUnknownValueIsInvalidAccessor(_ => "La valeur saisie n'est pas valide.");
        messages.SetValueIsInvalidAccessor(_ => "La valeur saisie n'est pas valide.");
        messages.SetValueMustBeANumberAccessor(_ => "Saisissez un nombre.");
        messages.SetValueMustNotBeNullAccessor(_ => "Ce champ est obligatoire.");
    }

    private sealed class Provider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context)
        {
            var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
            if (type == typeof(string)) return new TextBinder();
            if (type.IsEnum) return new EnumBinder(type);
            if (InvalidOfType.TryGetValue(type, out var message))
                return new ExplainingBinder(new SimpleTypeModelBinder(context.Metadata.ModelType,
                    context.Services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()), message);
            return null;
        }
    }

    /// <summary>The framework's own binder, whose « not valid » is replaced by what the field expects.</summary>
    private sealed class ExplainingBinder(IModelBinder inner, string message) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext context)
        {
            await inner.BindModelAsync(context);
            if (context.ModelState.TryGetValue(context.ModelName, out var entry) && entry.Errors.Any(e => e.ErrorMessage == InvalidValue))
            {
                entry.Errors.Clear();
                entry.Errors.Add(message);
            }
        }
    }

    private sealed class TextBinder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext context)
        {
            var posted = context.ValueProvider.GetValue(context.ModelName);
            if (posted == ValueProviderResult.None) return Task.CompletedTask;
            var value = TextInput.Normalize(posted.FirstValue ?? "");
            // What comes back into the form after an error is the normalised text, the one that would be saved.
            context.ModelState.SetModelValue(context.ModelName, new ValueProviderResult(value));
            context.Result = ModelBindingResult.Success(context.ModelMetadata.ConvertEmptyStringToNull && string.IsNullOrWhiteSpace(value) ? null : value);
            return Task.CompletedTask;
        }
    }

    private sealed class EnumBinder(Type type) : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext context)
        {
            var posted = context.ValueProvider.GetValue(context.ModelName);
            if (posted == ValueProviderResult.None) return Task.CompletedTask;
            context.ModelState.SetModelValue(context.ModelName, posted);
            var text = TextInput.Normalize(posted.FirstValue ?? "").Trim();
            if (text.Length == 0)
            {
                // An empty choice is "none": null for a nullable enum, a missing value otherwise.
                if (Nullable.GetUnderlyingType(context.ModelType) is not null) context.Result = ModelBindingResult.Success(null);
                else context.ModelState.TryAddModelError(context.ModelName, "Choisissez une valeur dans la liste.");
                return Task.CompletedTask;
            }
            if (Choice.Find(type, text) is not { } value || posted.Length > 1)
            {
                context.ModelState.TryAddModelError(context.ModelName, Choice.NotInList);
                return Task.CompletedTask;
            }
            context.Result = ModelBindingResult.Success(value);
            return Task.CompletedTask;
        }
    }
}
