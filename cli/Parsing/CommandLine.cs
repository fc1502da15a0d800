namespace Corpus.Cli.Parsing;

/// <summary>An option a command accepts.</summary>
/// <param name="Name">Long name with dashes, e.g. <c>--input</c>.</param>
/// <param name="ValueName">Name of its value in help (e.g. <c>DIR</c>); null for a flag.</param>
/// <param name="Description">One line of help.</param>
/// <param name="Many">Takes every following argument up to the next option (<c>--seed A B C</c>), and may repeat.</param>
internal sealed record OptionSpec(string Name, string? ValueName, string Description, bool Many = false)
{
    public bool IsFlag => ValueName is null;
}

/// <summary>A command's parsed arguments.</summary>
internal sealed class ParsedArgs
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public List<string> Positionals { get; } = [];

    public bool Help { get; set; }

    public void SetValue(string name, string value)
    {
        if (!_values.TryGetValue(name, out var list))
        {
            _values[name] = list = [];
        }

        list.Add(value);
    }

    public void SetFlag(string name) => _flags.Add(name);

    /// <summary>The option's value (the last, if given more than once), or null.</summary>
    public string? Value(string name) => _values.TryGetValue(name, out var v) ? v[^1] : null;

    /// <summary>Every value of a repeatable option, in order.</summary>
    public IReadOnlyList<string> Values(string name) => _values.TryGetValue(name, out var v) ? v : [];

    public bool Flag(string name) => _flags.Contains(name);
}

/// <summary>A usage error: the message says what is wrong; the exit code is 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>Parses <c>--name value</c>, <c>--name=value</c>, flags, <c>--help</c> and positionals.</summary>
internal static class ArgParser
{
    public static ParsedArgs Parse(string command, IReadOnlyList<string> args, IReadOnlyList<OptionSpec> options)
    {
        var parsed = new ParsedArgs();
        var endOfOptions = false;
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (endOfOptions || !a.StartsWith('-') || a == "-")
            {
                parsed.Positionals.Add(a);
                continue;
            }

            if (a == "--")
            {
                endOfOptions = true;
                continue;
            }

            if (a is "-h" or "--help")
            {
                parsed.Help = true;
                continue;
            }

            var eq = a.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? a[..eq] : a;
            var spec = options.FirstOrDefault(o => o.Name == name)
                ?? throw new UsageException($"unknown option '{name}' for 'corpus {command}'; see 'corpus {command} --help'");
            if (spec.IsFlag)
            {
                if (eq > 0)
                {
                    throw new UsageException($"option '{name}' takes no value");
                }

                parsed.SetFlag(name);
                continue;
            }

            string value;
            if (eq > 0)
            {
                value = a[(eq + 1)..];
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                throw new UsageException($"option '{name}' needs a value ({spec.ValueName})");
            }

            parsed.SetValue(name, value);
            while (spec.Many && eq < 0 && i + 1 < args.Count && !args[i + 1].StartsWith('-'))
            {
                parsed.SetValue(name, args[++i]);
            }
        }

        return parsed;
    }

    public static int ParseInt(string option, string value, int min, int max)
    {
        if (!int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            throw new UsageException($"option '{option}' = '{value}': expected a whole number from {min} to {max}");
        }

        return n;
    }

    public static double ParseDouble(string option, string value, double min, double max) =>
        double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var x) && x >= min && x <= max
            ? x
            : throw new UsageException($"option '{option}' = '{value}': expected a number from {min.ToString(System.Globalization.CultureInfo.InvariantCulture)} to {max.ToString(System.Globalization.CultureInfo.InvariantCulture)}");

    public static long ParseLong(string option, string value)
    {
        if (!long.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            throw new UsageException($"option '{option}' = '{value}': expected a whole number");
        }

        return n;
    }
}
