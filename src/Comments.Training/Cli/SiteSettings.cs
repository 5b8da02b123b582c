using System.Globalization;
using Comments.Core.Sites;

namespace Comments.Training.Cli;

/// <summary>"--site Thresholds.ToxicityHold=0.5 Profanity=Hold": site settings changed from their defaults for one evaluation.</summary>
public static class SiteSettings
{
    public static SiteOptions Apply(SiteOptions site, IReadOnlyList<string> pairs)
    {
        foreach (var pair in pairs)
        {
            var (name, value) = pair.Split('=', 2) is [var n, var v] ? (n, v) : throw new UsageException($"--site takes NAME=VALUE, not '{pair}'");
            object target = site;
            var path = name.Split('.');
            for (var i = 0; i < path.Length; i++)
            {
                var property = target.GetType().GetProperty(path[i]) ?? throw new UsageException($"--site: no setting '{name}'");
                if (i < path.Length - 1) { target = property.GetValue(target)!; continue; }
                var type = property.PropertyType;
                try
                {
                    property.SetValue(target, type.IsEnum ? Enum.Parse(type, value, ignoreCase: true) : Convert.ChangeType(value, type, CultureInfo.InvariantCulture));
                }
                catch (Exception e) when (e is FormatException or ArgumentException or InvalidCastException)
                {
                    throw new UsageException($"--site {name}: '{value}' is not a {type.Name}");
                }
            }
        }
        return site;
    }
}
