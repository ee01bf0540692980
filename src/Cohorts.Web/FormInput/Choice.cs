namespace Cohorts.Web.FormInput;

/// <summary>
/// A value picked from a list. .NET's own parsing takes "5" or "A,B" for any enum; a form's choice is only
/// one of the names the list offers.
/// </summary>
public static class Choice
{
    public const string NotInList = "La valeur choisie ne fait pas partie de la liste proposée.";

    public static bool TryParse<TEnum>(string? value, out TEnum result) where TEnum : struct, Enum
    {
        var found = Find(typeof(TEnum), value);
        result = found is null ? default : (TEnum)found;
        return found is not null;
    }

    /// <summary>The enum value named exactly (case aside) by <paramref name="value"/>, or null.</summary>
    public static object? Find(Type enumType, string? value)
    {
        var name = Enum.GetNames(enumType).FirstOrDefault(n => n.Equals(value?.Trim(), StringComparison.OrdinalIgnoreCase));
        return name is null ? null : Enum.Parse(enumType, name);
    }
}
