using System.Reflection;
using Microsoft.AspNetCore.Mvc;

namespace Cohorts.Web.Pages;

/// <summary>
/// The fields of a page in the order its model declares them, which is the order its form shows them: the error
/// summary lists its messages so, rather than in the model state's own (alphabetical) order.
/// </summary>
public static class FieldOrder
{
    public static IReadOnlyList<string> Of(object? pageModel) =>
        pageModel is null ? [] :
        [
            .. pageModel.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.IsDefined(typeof(BindPropertyAttribute), inherit: true))
                .SelectMany(p => IsField(p.PropertyType)
                    ? [p.Name]
                    : p.PropertyType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(inner => $"{p.Name}.{inner.Name}")),
        ];

    private static bool IsField(Type type) =>
        type == typeof(string) || (Nullable.GetUnderlyingType(type) ?? type).IsValueType || typeof(IFormFile).IsAssignableFrom(type);
}
