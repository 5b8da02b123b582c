namespace Comments.Core;

/// <summary>
/// How an enum value is spelled outside the code: its name in lower case ("pending", "email",
/// "admin"), as it appears in store keys, audit entries, reason codes, JSON answers and CLI output.
/// The one place that spelling is made.
/// </summary>
public static class EnumNames
{
    public static string ToLowerName<TEnum>(this TEnum value) where TEnum : struct, Enum => value.ToString().ToLowerInvariant();
}
